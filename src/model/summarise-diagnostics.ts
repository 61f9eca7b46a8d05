import type { Diagnostic } from './diagnostic.js';

/** How many diagnostics of one code are shown before the rest are summarised in one line. */
export const SHOWN_PER_CODE = 20;

/**
 * Keeps a long list readable: after the first syntax error the parser's further complaints mostly follow from it
 * (two JSON documents run together give thousands), and 5,000 unknown keys are one mistake made 5,000 times. So only
 * the first syntax error is shown, and the first SHOWN_PER_CODE diagnostics of any other code; each group's rest
 * becomes one line, located at the first one hidden, whose `more` says how many it stands for (counted in totals).
 * `diagnostics` are expected in reading order (sortDiagnostics).
 */
export function summariseDiagnostics(diagnostics: readonly Diagnostic[], shownPerCode = SHOWN_PER_CODE): Diagnostic[] {
  const limit = (code: string) => (code === 'syntax-error' ? 1 : shownPerCode);
  const seen = new Map<string, number>();
  const hidden = new Map<string, Diagnostic[]>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const key = `${d.file ?? ''}\0${d.code}\0${d.severity}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n <= limit(d.code)) out.push(d);
    else {
      const rest = hidden.get(key);
      if (rest) rest.push(d);
      else hidden.set(key, [d]);
    }
  }
  for (const rest of hidden.values()) {
    const first = rest[0]!;
    const last = rest[rest.length - 1]!;
    const where = first.line !== undefined && last.line !== undefined ? ` (lines ${first.line} to ${last.line})` : '';
    const what = first.code === 'syntax-error' ? 'syntax errors after the first, which most likely follow from it,' : `more ${first.code} ${first.severity}s like the ones above`;
    out.push({
      code: first.code,
      severity: first.severity,
      ...(first.file !== undefined ? { file: first.file } : {}),
      ...(first.line !== undefined ? { line: first.line, column: first.column } : {}),
      message: `${rest.length} ${what} are not shown${where}`,
      hint: first.code === 'syntax-error' ? 'fix the first syntax error and run again' : 'fix the ones shown (they are probably the same mistake) and run again',
      more: rest.length,
    });
  }
  return out;
}
