/**
 * The reading level of an IEP's family copy and student summary, as printed: composes each copy in English
 * (src/compose) and hands the document tree to src/readability, which measures it. Used by `iep lint --layout`,
 * `iep readability` and scripts/reading-levels.ts.
 */
import { composeDocument, type ComposedDocument, type ComposeOptions } from '../compose/compose-document.js';
import { strictly } from '../lint/lint-diagnostic.js';
import type { SourceMap } from '../load/source-map.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Iep } from '../model/iep.js';
import { measureReadingLevel, type LayoutReadingReport } from '../readability/measure-reading-level.js';
import { readingLevelWarnings, type ReadingDiagnostic } from '../readability/reading-level-warnings.js';
import { READING_LAYOUTS, type ReadingLayout } from '../readability/reading-targets.js';
import { CHANGES_LAYOUT, isProgressLayout } from '../model/layouts.js';
import { resolveProfile } from '../load/load-profile.js';

/** The profile and the folders its layouts and labels are looked for in (`--profile`, `--templates`, `--locales`). */
export type ReadingProfileOptions = Pick<ComposeOptions, 'profile' | 'templates' | 'locales' | 'templatesDir' | 'localesDir'>;

export interface CheckReadingLevelOptions extends ReadingProfileOptions {
  /** The file name put on each diagnostic. */
  file?: string;
  /** The loader's source map, for the line and column of the field holding the hardest sentence. */
  sourceMap?: SourceMap;
  /** Report findings as errors instead of warnings. */
  strict?: boolean;
  /** The earlier version the letter about an amendment (`changes`) explains the changes since; it needs one. */
  base?: Iep;
}

/**
 * `reading-level-above-target` for each section of the layout above its target grade; when the layout cannot be
 * composed (a template error), compose's diagnostics instead, since there is nothing printed to measure.
 */
export function checkReadingLevel(iep: Iep, layout: ReadingLayout, options: CheckReadingLevelOptions = {}): ReadingDiagnostic[] {
  const composed = composeInEnglish(iep, layout, options);
  if (!composed.document) return composed.diagnostics;
  const warnings = readingLevelWarnings(composed.document, iep, {
    file: options.file,
    profile: resolveProfile(options).profile,
    locate: (path) => options.sourceMap?.locate(path) ?? {},
  });
  return options.strict ? strictly(warnings) : warnings;
}

export interface ReadingLevels {
  /** The report of each layout that could be composed. */
  reports: Partial<Record<ReadingLayout, LayoutReadingReport>>;
  /** Why a layout could not be composed. */
  diagnostics: Diagnostic[];
}

/**
 * The reading reports of the family copy, the student summary and, when the IEP has progress reports, the family's
 * progress report (the latest) of one IEP; given an earlier version, also the letter about the amendment's changes
 * (`iep readability`, the docs).
 */
export function measureReadingLevels(iep: Iep, options: ReadingProfileOptions & { base?: Iep } = {}): ReadingLevels {
  const levels: ReadingLevels = { reports: {}, diagnostics: [] };
  for (const layout of READING_LAYOUTS) {
    // An IEP without progress data has no progress report to grade, nor one without a base a letter about changes
    // (and neither is a problem of the IEP).
    if (isProgressLayout(layout) && !iep.progressReports?.length) continue;
    if (layout === CHANGES_LAYOUT && !options.base) continue;
    const composed = composeInEnglish(iep, layout, options);
    if (composed.document) levels.reports[layout] = measureReadingLevel(composed.document);
    else levels.diagnostics.push(...composed.diagnostics);
  }
  return levels;
}

/** The formula is for English, so the copies are always composed in English, whatever the family reads. */
function composeInEnglish(iep: Iep, layout: ReadingLayout, options: ReadingProfileOptions & { base?: Iep }): ComposedDocument {
  const { profile, templates, locales, templatesDir, localesDir } = options;
  return composeDocument(iep, { layout, lang: 'en', base: options.base, profile, templates, locales, templatesDir, localesDir });
}
