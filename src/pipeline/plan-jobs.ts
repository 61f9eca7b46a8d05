import type { Iep } from '../model/iep.js';
import type { Language } from '../model/languages.js';
import { BILINGUAL_LAYOUT, CHANGES_LAYOUT, isProgressLayout, type LayoutName } from '../model/layouts.js';
import type { OutputFormat } from '../model/formats.js';
import { DEFAULT_LANGUAGE, type LanguageChoice } from '../model/defaults.js';
import { resolveLanguages } from '../i18n/resolve-languages.js';

/** One document to write: an input in one layout and language, in every requested format from ONE tree. */
export interface Job {
  /** `<input>#<layout>#<lang>`: a batch manifest's entry id. */
  id: string;
  /** The IEP file (or a label for a record given in memory). */
  input: string;
  layout: LayoutName;
  lang: Language;
  formats: readonly OutputFormat[];
}

export interface PlanOptions {
  layouts: readonly LayoutName[];
  /** `family` stands for each parent's preferred language. */
  langs: readonly LanguageChoice[];
  formats: readonly OutputFormat[];
  /** `--layout all`: a record gets the progress reports only if it has some (see OutputOptions.everyLayout). */
  everyLayout?: boolean;
  /** An earlier version was given (`--base OLD`): with `everyLayout`, the letter about the changes is made too. */
  withBase?: boolean;
}

/**
 * Inputs x layouts x languages, each job carrying all the formats (DOCX and PDF must come from the same tree). The
 * bilingual copy is made for each language but English; with `everyLayout`, the progress reports only for a record
 * that has some, and the letter about an amendment's changes only when an earlier version is given.
 * Needs each input's record because `family` resolves to its parents' languages, once each.
 */
export function planJobs(inputs: readonly { input: string; iep: Iep }[], options: PlanOptions): Job[] {
  const jobs: Job[] = [];
  for (const { input, iep } of inputs) {
    for (const layout of options.layouts) {
      if (options.everyLayout && isProgressLayout(layout) && !iep.progressReports?.length) continue;
      if (options.everyLayout && layout === CHANGES_LAYOUT && !options.withBase) continue;
      for (const lang of bilingualLanguages(layout, resolveLanguages(options.langs, iep))) {
        jobs.push({ id: `${input}#${layout}#${lang}`, input, layout, lang, formats: options.formats });
      }
    }
  }
  return jobs;
}

/** The bilingual copy is English beside another language: English alone is not one (the official IEP is). */
export function bilingualLanguages(layout: LayoutName, langs: readonly Language[]): readonly Language[] {
  return layout === BILINGUAL_LAYOUT ? langs.filter((lang) => lang !== DEFAULT_LANGUAGE) : langs;
}
