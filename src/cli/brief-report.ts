/**
 * `iep render --brief`: one line per document with its warnings counted, instead of every warning (the demo renders
 * dozens of documents, and a page of wording findings hides what was written). Errors are still printed in full.
 */
import { extname } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { CATALOG, type DiagnosticGroup } from '../model/diagnostic-catalog.js';
import { formatDiagnostics, summaryLine, type PrintStyle } from './print-diagnostics.js';

/** How many problems of `severity` the list stands for (a summary line stands for those it does not show). */
const count = (diagnostics: readonly Diagnostic[], severity: Diagnostic['severity']) =>
  diagnostics.filter((d) => d.severity === severity).reduce((n, d) => n + (d.more ?? 1), 0);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * `wrote out/123-family-es-v1.docx, .pdf  (3 warnings)`: the document's files, the first in full and the others by
 * extension; or, when nothing was written, the document and its error count (the errors follow in full at the end).
 */
export function documentLine(document: { layout: string; lang: string; input: string }, paths: readonly string[], diagnostics: readonly Diagnostic[]): string {
  const errors = count(diagnostics, 'error');
  const warnings = count(diagnostics, 'warning');
  const counted = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
  const tail = counted ? `  (${counted})` : '';
  if (paths.length === 0) return `not written: ${document.input} ${document.layout} ${document.lang}${tail}\n`;
  const [first, ...rest] = paths;
  return `wrote ${[first, ...rest.map((p) => extname(p))].join(', ')}${tail}\n`;
}

/** The command that lists a warning of a group in full; any other warning is listed by the same command without --brief. */
const COMMAND_OF_GROUP: Partial<Record<DiagnosticGroup, (file: string) => string>> = {
  read: (file) => `iep validate ${file}`,
  validate: (file) => `iep validate ${file}`,
  lint: (file) => `iep lint ${file}`,
};
// Render warnings depend on the layouts and languages asked for: only the same command lists them all.
const renderCommand = () => 'the same command without --brief';
const groupOf = (code: string): DiagnosticGroup | undefined => (CATALOG as Record<string, { group: DiagnosticGroup } | undefined>)[code]?.group;

/**
 * The end of a brief run: every error in full, then for each file with warnings how many and the commands that list
 * them, then the count of all.
 */
export function formatBrief(diagnostics: readonly Diagnostic[], style: PrintStyle): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const out: string[] = [];
  if (errors.length > 0) out.push(formatDiagnostics(errors, style, '').trimEnd(), '');
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) if (d.severity === 'warning') byFile.set(d.file ?? '', [...(byFile.get(d.file ?? '') ?? []), d]);
  for (const [file, warnings] of byFile) {
    const group = (d: Diagnostic) => groupOf(d.code);
    const commands = [...new Set(warnings.map((d) => (COMMAND_OF_GROUP[group(d)!] ?? renderCommand)(file)))];
    out.push(`${file ? `${file}: ` : ''}${plural(count(warnings, 'warning'), 'warning')} not listed; to read them: ${commands.join('; ')}`);
  }
  out.push(summaryLine(diagnostics));
  return out.join('\n') + '\n';
}
