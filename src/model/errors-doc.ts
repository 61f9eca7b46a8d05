/**
 * Writes docs/errors.md from the diagnostics catalog, so the documented codes, fixes and exit codes can never
 * disagree with the code. `npm run generate` writes it; test/scripts/generated-files.test.ts fails on drift.
 */
import { CATALOG, EXIT, EXIT_MEANINGS, GROUPS, type CatalogEntry, type DiagnosticGroup, type ExitCodeName } from './diagnostic-catalog.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Warnings and notes never change the exit code; an error exits with its entry's code. */
const exitOf = (entry: CatalogEntry) => (entry.severity === 'error' ? EXIT[entry.exit] : EXIT.ok);

export function errorsMarkdown(): string {
  const entries = Object.entries(CATALOG) as [string, CatalogEntry][];
  const out: string[] = [
    '# Diagnostics',
    '',
    '<!-- Generated from src/model/diagnostic-catalog.ts by `npm run generate`. Do not edit by hand. -->',
    '',
    'Every problem iepkit reports has a stable **code**, a severity, the file, the JSON path and line:column when',
    'known, a message (what is wrong) and a hint (how to fix it). Compliance rules are listed in',
    '[rules.md](rules.md), the word list and reading-level targets of the strength-based checks in [lint.md](lint.md).',
    'This page lists every other code, from the diagnostics catalog (src/model/diagnostic-catalog.ts). A test fails',
    'when the code emits a code that is neither in the catalog nor a compliance rule.',
    '',
    'Long lists are summarised: after the first `syntax-error` (the rest mostly follow from it) and after 20',
    'diagnostics of one code, one line located at the first hidden one says how many more there are (`more` in',
    '`--json` output); the totals count them all.',
    '',
    '## Exit codes',
    '',
    'Every command exits with the code of its most serious error: an internal error (4) first, then the environment',
    '(5), a failed render (3), usage (2), invalid input (1); warnings and notes never change it. An error from a',
    'compliance rule exits with 1.',
    '',
    '| exit code | meaning |',
    '| --- | --- |',
    ...(Object.keys(EXIT) as ExitCodeName[]).map((name) => `| ${EXIT[name]} | ${cell(EXIT_MEANINGS[name])} |`),
  ];
  for (const [group, { title, intro }] of Object.entries(GROUPS) as [DiagnosticGroup, { title: string; intro?: string }][]) {
    out.push('', `## ${title}`, '');
    if (intro) out.push(intro, '');
    out.push('| code | severity | what it means | how to fix it | exit code |', '| --- | --- | --- | --- | --- |');
    for (const [code, entry] of entries.filter(([, e]) => e.group === group)) {
      out.push(`| \`${code}\` | ${entry.severity} | **${cell(entry.title)}.** ${cell(entry.meaning)} | ${cell(entry.hint)} | ${exitOf(entry)} |`);
    }
  }
  return out.join('\n') + '\n';
}
