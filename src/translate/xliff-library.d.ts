// The locize `xliff` package (XLIFF 1.2 and 2.0 to and from a plain object) ships no types: the parts iepkit uses.
declare module 'xliff/jsToXliff12' {
  import type { XliffDocument } from 'xliff/xliff12ToJs';
  const jsToXliff12: {
    (obj: XliffDocument, options?: { indent?: string; xmlLangAttr?: boolean }): Promise<string>;
    /** The synchronous form: returns the XML (and calls back with it). */
    jsToXliff12Clb(obj: XliffDocument, options: { indent?: string; xmlLangAttr?: boolean }, cb?: (error: Error | null, xml: string) => void): string;
  };
  export default jsToXliff12;
}

declare module 'xliff/xliff12ToJs' {
  /** A trans-unit's content: text, or a list of text and inline elements (`<g>`, `<x/>`, ... as objects). */
  export type XliffValue = string | (string | Record<string, unknown>)[] | Record<string, unknown>;
  export interface XliffUnit {
    source?: XliffValue;
    target?: XliffValue;
    note?: XliffValue | XliffValue[];
    additionalAttributes?: Record<string, string>;
  }
  export interface XliffGroup {
    groupUnits: Record<string, XliffUnit | XliffGroup>;
    additionalAttributes?: Record<string, string>;
  }
  export interface XliffDocument {
    sourceLanguage?: string;
    targetLanguage?: string;
    xliffVersion?: string;
    /** By file (`original`), by unit or group id. */
    resources: Record<string, Record<string, XliffUnit | XliffGroup>>;
  }
  const xliff12ToJs: (xml: string, options?: Record<string, unknown>, cb?: (error: Error | null, result: XliffDocument) => void) => Promise<XliffDocument>;
  export default xliff12ToJs;
}
