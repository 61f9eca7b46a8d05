/**
 * Strength-based language lint for one IEP:
 *   - deficit wording in every narrative field, with a strength-based rephrasing (`deficit-wording`;
 *     the word list is src/lint/deficit-terms.ts, documented in docs/lint.md);
 *   - present-levels domains that state needs without strengths (`needs-without-strengths`);
 *   - annual goals that name no strength to build on (`goal-without-strength`).
 * The reading level of the family copy and student summary needs the composed documents, so it is checked by
 * src/pipeline/check-reading-level.ts, not here.
 * Findings are warnings; `strict` makes them errors. Notes for the team (the student's and parents' own words, and
 * that translations are not checked) are `info` and stay so. The library never prints: the CLI does.
 */
import type { Iep } from '../model/iep.js';
import type { Profile, ProfileDefinition, ProfileDirs } from '../model/profiles.js';
import type { SourceMap } from '../load/source-map.js';
import { resolveProfile } from '../load/load-profile.js';
import { strictly, type LintDiagnostic } from './lint-diagnostic.js';
import { Locator } from './lint-locate.js';
import { checkStrengths } from './lint-strengths.js';
import { checkWording, englishOnlyNotice } from './lint-wording.js';

export interface LintOptions extends ProfileDirs {
  /**
   * The profile the record is read with (a name, or resolved; default the default profile): its own text fields
   * (`extensions.<namespace>`, `x-iep: text` in its schema) are checked for deficit wording as the model's are.
   */
  profile?: Profile | ProfileDefinition;
  /** The file name put on each diagnostic. */
  file?: string;
  /** The loader's source map, for line and column. */
  sourceMap?: SourceMap;
  /** The file's text; with it, deficit words on single-line values get their own column (else the field's). */
  source?: string;
  /** Report findings as errors instead of warnings. */
  strict?: boolean;
}

export function lintIep(iep: Iep, options: LintOptions = {}): LintDiagnostic[] {
  const locator = new Locator(options.sourceMap, options.source);
  const diagnostics = [
    ...checkWording(iep, locator, options.file, resolveProfile(options).profile?.extensions),
    ...checkStrengths(iep, locator, options.file),
  ];
  return options.strict ? strictly(diagnostics) : diagnostics;
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
