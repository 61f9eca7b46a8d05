import xliff12ToJs, { type XliffDocument, type XliffGroup, type XliffUnit, type XliffValue } from 'xliff/xliff12ToJs';
import type { Diagnostic } from '../model/diagnostic.js';
import { CATALOG } from '../model/diagnostic-catalog.js';
import { lineColumnAt } from '../load/source-map.js';

/** Larger than any batch of IEPs' narrative (about 100 KB a student): a bigger file is refused before it is parsed. */
export const MAX_XLIFF_BYTES = 20 * 1024 * 1024;

export interface XliffSegment {
  id: string;
  source: string;
  /** Plain text, or undefined when the trans-unit has no target or an empty one. */
  target?: string;
  /** The target held inline elements (refused by the import). */
  markup?: boolean;
}

export interface XliffField {
  /** The `<group>` id. */
  id: string;
  segments: XliffSegment[];
}

export interface ReadXliff {
  targetLanguage?: string;
  /** By `<file original>`: the fields (groups) in the order of the file, and ids of anything else found there. */
  files: Map<string, { fields: XliffField[]; strays: string[] }>;
}

/**
 * Reads an XLIFF 1.2 file with the `xliff` library, after the checks a hostile file needs: size, NUL bytes, and any
 * `<!DOCTYPE` or `<!ENTITY` (refused outright: internal entities are how "billion laughs" files expand). The library
 * keys units by id in plain objects, so an id like `__proto__` or a repeated id would vanish silently: the number of
 * `<file>`, `<group>` and `<trans-unit>` elements read is compared with the number in the text, and a difference is
 * refused. Text comes back as text: nothing in it is ever interpreted.
 */
export function readXliff(xml: string, file: string): { xliff?: ReadXliff; diagnostics: Diagnostic[] } {
  const refuse = (message: string, offset = 0): { diagnostics: Diagnostic[] } => ({
    diagnostics: [{ code: 'xliff-unreadable', severity: 'error', file, ...lineColumnAt(xml, offset), message, hint: CATALOG['xliff-unreadable'].hint }],
  });
  if (xml.length > MAX_XLIFF_BYTES) return refuse(`the file holds more than ${MAX_XLIFF_BYTES} bytes; an XLIFF file from iepkit is far smaller`);
  const nul = xml.indexOf('\u0000');
  if (nul >= 0) return refuse('the file contains binary data (a NUL byte), not XLIFF text', nul);
  const declaration = /<!(DOCTYPE|ENTITY)/i.exec(xml);
  if (declaration) return refuse(`the file declares a ${declaration[1]!.toUpperCase()}: refused, XLIFF needs none and entity declarations can expand without end`, declaration.index);

  const version = /<xliff\b[^>]*?\sversion\s*=\s*["']([^"']*)["']/.exec(xml);
  if (version && version[1] !== '1.2') return refuse(`the file is XLIFF ${version[1]}; iepkit reads the XLIFF 1.2 it exports`, version.index);

  let doc: XliffDocument | undefined;
  let parseError: Error | undefined;
  try {
    void xliff12ToJs(xml, {}, (error, result) => {
      parseError = error ?? undefined;
      doc = result;
    });
  } catch (error) {
    parseError = error as Error;
  }
  if (parseError || !doc) {
    const where = /Line: (\d+)\s+Column: (\d+)/.exec(parseError?.message ?? '');
    const what = (parseError?.message ?? '').split('\n')[0];
    const located = where ? { line: Number(where[1]) + 1, column: Number(where[2]) } : { line: 1, column: 1 };
    const isXml = /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<xliff[\s>]/.test(xml);
    const message = !isXml ? 'the file is not XLIFF: it does not start with an <xliff> element' : `the XML is not well-formed: ${what || 'it could not be read'}`;
    return { diagnostics: [{ code: 'xliff-unreadable', severity: 'error', file, ...(isXml ? located : { line: 1, column: 1 }), message, hint: CATALOG['xliff-unreadable'].hint }] };
  }
  if (doc.xliffVersion !== undefined) return refuse(`the file is XLIFF ${doc.xliffVersion}; iepkit reads the XLIFF 1.2 it exports`);

  const files = new Map<string, { fields: XliffField[]; strays: string[] }>();
  let groups = 0;
  let units = 0;
  for (const [original, entries] of Object.entries(doc.resources ?? {})) {
    const fields: XliffField[] = [];
    const strays: string[] = [];
    for (const [id, entry] of Object.entries(entries)) {
      if (!isGroup(entry)) {
        units++;
        strays.push(id);
        continue;
      }
      groups++;
      const segments: XliffSegment[] = [];
      for (const [unitId, unit] of Object.entries(entry.groupUnits)) {
        if (isGroup(unit)) {
          groups++;
          units += Object.keys(unit.groupUnits).length;
          strays.push(unitId);
          continue;
        }
        units++;
        segments.push(segmentOf(unitId, unit));
      }
      fields.push({ id, segments });
    }
    files.set(original, { fields, strays });
  }
  const count = (element: string) => (xml.match(new RegExp(`<${element}[\\s>/]`, 'g')) ?? []).length;
  if (count('file') !== files.size || count('group') !== groups || count('trans-unit') !== units) {
    return refuse('the file has elements the reader could not take one by one (two with the same id, an id such as "__proto__", or a <group> or <trans-unit> in a comment): refused rather than read in part');
  }
  return { xliff: { ...(doc.targetLanguage ? { targetLanguage: doc.targetLanguage } : {}), files }, diagnostics: [] };
}

function isGroup(entry: XliffUnit | XliffGroup): entry is XliffGroup {
  return typeof entry === 'object' && entry !== null && 'groupUnits' in entry;
}

function segmentOf(id: string, unit: XliffUnit): XliffSegment {
  const source = plainText(unit.source) ?? '';
  const target = plainText(unit.target);
  const markup = unit.target !== undefined && target === undefined;
  return { id, source, ...(target !== undefined && target.trim() !== '' ? { target: target.trim() } : {}), ...(markup ? { markup } : {}) };
}

/** The value as text when it is only text; undefined when it holds inline elements. */
function plainText(value: XliffValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((part) => typeof part === 'string')) return value.join('');
  return undefined;
}
