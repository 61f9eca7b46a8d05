import type { Diagnostic } from '../model/diagnostic.js';
import { sortDiagnostics } from '../model/diagnostic.js';

export interface PrintStyle {
  color: boolean;
}

const MESSAGE_COLUMN = 2 + 7 + 1 + 7 + 1;

const paint = (on: boolean, code: string, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

/**
 * Compiler-style text: the file, then one line per problem with line:column, severity, message and code,
 * and an indented hint with the citation. Ends with a count.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], style: PrintStyle = { color: false }, summary = summaryLine(diagnostics)): string {
  const out: string[] = [];
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of sortDiagnostics(diagnostics)) {
    const key = d.file ?? '';
    byFile.set(key, [...(byFile.get(key) ?? []), d]);
  }
  for (const [file, list] of byFile) {
    if (file) out.push(paint(style.color, '4', file));
    for (const d of list) {
      const where = d.line ? `${d.line}:${d.column ?? 1}` : '';
      const severity = paint(style.color, d.severity === 'error' ? '31' : d.severity === 'warning' ? '33' : '36', d.severity.padEnd(7));
      out.push(`  ${where.padEnd(7)} ${severity} ${d.message}  ${paint(style.color, '2', d.code)}`);
      const extra = [d.hint ? `hint: ${d.hint}` : '', d.source ? `(${d.source})` : ''].filter(Boolean).join('  ');
      // Under the message: 2 + position (7) + 1 + severity (7) + 1 columns.
      if (extra) out.push(`${' '.repeat(MESSAGE_COLUMN)}${extra}`);
    }
    out.push('');
  }
  // A caller that lists only some of the diagnostics (iep render --brief) gives its own count, or none ('').
  if (summary) out.push(summary);
  return out.join('\n') + '\n';
}

export function summaryLine(diagnostics: readonly Diagnostic[]): string {
  // A summary line stands for the diagnostics it does not show (summariseDiagnostics).
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).reduce((n, d) => n + (d.more ?? 1), 0);
  const errors = count('error');
  const warnings = count('warning');
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
