/**
 * Strength-based language lint for one IEP:
 *   - deficit wording in every narrative field, with a strength-based rephrasing (`deficit-wording`;
 *     the word list is src/lint/deficit-terms.ts, documented in docs/lint.md);
 *   - present-levels domains that state needs without strengths (`needs-without-strengths`);
 *   - annual goals that name no strength to build on (`goal-without-strength`);
 *   - with a layout, sections of the family copy (target grade 8) or student summary (grade 6) that read above their
 *     target grade (`reading-level-above-target`).
 * Findings are warnings; `strict` makes them errors. Notes for the team (the student's and parents' own words, and
 * that translations are not checked) are `info` and stay so. The library never prints: the CLI does.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { Iep } from '../model/iep.js';
import type { SourceMap } from '../load/source-map.js';
import { checkReadingLevel } from '../readability/lint-reading.js';
import { Locator } from './lint-locate.js';
import { checkStrengths } from './lint-strengths.js';
import { checkWording, englishOnlyNotice } from './lint-wording.js';
import type { ReadingLayout } from '../readability/reading-sections.js';

export interface LintOptions {
  /** The file name put on each diagnostic. */
  file?: string;
  /** The loader's source map, for line and column. */
  sourceMap?: SourceMap;
  /** The file's text; with it, deficit words on single-line values get their own column (else the field's). */
  source?: string;
  /** Report findings as errors instead of warnings. */
  strict?: boolean;
  /** Also check the reading level of this layout's sections. */
  layout?: ReadingLayout;
}

/** A lint diagnostic: a `Diagnostic` plus machine-readable details (kept in `--json` output). */
export interface LintDiagnostic extends Diagnostic {
  /** deficit-wording: the term of the word list, and the words as written. */
  term?: string;
  found?: string;
  /** reading-level-above-target: the layout, section id, measured grade and target. */
  layout?: ReadingLayout;
  section?: string;
  grade?: number;
  target?: number;
  /** Whether the sections were read from the composed document (`composed`) or built from the data (`data`). */
  sectionsFrom?: 'composed' | 'data';
  /** wording-check-english-only: the languages and number of translated fields not checked. */
  languages?: string[];
  fields?: number;
}

export function lintIep(iep: Iep, options: LintOptions = {}): LintDiagnostic[] {
  const locator = new Locator(options.sourceMap, options.source);
  const diagnostics = [
    ...checkWording(iep, locator, options.file),
    ...checkStrengths(iep, locator, options.file),
    ...(options.layout ? checkReadingLevel(iep, options.layout, locator, options.file) : []),
  ];
  return options.strict ? diagnostics.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' } : d)) : diagnostics;
}

/**
 * Linting many files: keeps one `wording-check-english-only` notice for the whole run (on the first file that has
 * translations), counting the translated fields and languages of all files.
 */
export function mergeEnglishOnlyNotices(diagnostics: readonly LintDiagnostic[]): LintDiagnostic[] {
  const notices = diagnostics.filter((d) => d.code === 'wording-check-english-only');
  if (notices.length <= 1) return [...diagnostics];
  const merged = englishOnlyNotice(
    notices.flatMap((n) => n.languages ?? []),
    notices.reduce((s, n) => s + (n.fields ?? 0), 0),
    notices[0]!.file,
  );
  const files = new Set(notices.map((n) => n.file));
  merged.message += ` in ${files.size} files`;
  let placed = false;
  return diagnostics.flatMap((d) => {
    if (d.code !== 'wording-check-english-only') return [d];
    if (placed) return [];
    placed = true;
    return [merged];
  });
}
