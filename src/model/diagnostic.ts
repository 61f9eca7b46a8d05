/**
 * One shape for every problem iepkit reports: loading, validation, compliance rules, language lint,
 * template and render failures. The library returns these; only src/cli prints them.
 */
import type { DiagnosticCode, Severity } from './diagnostic-catalog.js';
import { compareFormOrder } from './form-order.js';
export type { DiagnosticCode, RuleCode, Severity } from './diagnostic-catalog.js';

export interface Diagnostic {
  /**
   * Stable, kebab-case identifier, e.g. `missing-required-field`: a code of the catalog (src/model/diagnostic-catalog.ts,
   * docs/errors.md) or of a compliance rule (src/rules, docs/rules.md).
   */
  code: DiagnosticCode;
  severity: Severity;
  /** What is wrong and why, in one sentence. */
  message: string;
  /** How to fix it. */
  hint?: string;
  /** The file the problem is in (an IEP file, a template, a locale file). */
  file?: string;
  /** Where in the IEP data, as a readable JSON path: `goals[2].criteria`. Empty string means the whole record. */
  path?: string;
  /** 1-based line and column in `file`, when known. */
  line?: number;
  column?: number;
  /** For compliance rules: the regulation the rule enforces, e.g. `34 CFR 300.320(a)(2)`. */
  source?: string;
  /** On a line that summarises diagnostics not shown (summariseDiagnostics): how many it stands for. */
  more?: number;
  /**
   * A rewrite a tool can apply (deficit wording): the whole new English text of the field at `path` (a readable JSON
   * path; `.en` of a translated text). Only where it can be made mechanically.
   */
  fix?: { path: string; text: string };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * Orders diagnostics the way a reader scans a file: by file, then position, then the path's place in the form (not
 * alphabetically: several fields missing from one mapping are listed as the form lists them).
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compareFormOrder(a.path ?? '', b.path ?? ''),
  );
}

/** A JSON path as an array of keys and indexes, and its readable form `goals[2].criteria`. */
export type JsonPath = readonly (string | number)[];

export function formatJsonPath(path: JsonPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** Reads a readable JSON path back into keys and indexes; undefined when the text is not one. `""` is the whole record. */
export function parseJsonPath(text: string): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  const token = /\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let at = 0;
  while (at < text.length) {
    token.lastIndex = at;
    const m = token.exec(text);
    if (!m || (m[0].startsWith('.') && at === 0)) return undefined;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(m[3]!) as string);
    at = token.lastIndex;
  }
  return out;
}
