/**
 * iepkit's defaults, in one place: the library's option resolution (`resolveRenderOptions`) and the CLI's option
 * defaults both read them, so `iep render` and `renderIep` never disagree about what an unset option means.
 */
import type { PageSize } from './document.js';
import type { OutputFormat } from './formats.js';
import type { Language } from './languages.js';
import { BILINGUAL_LAYOUT, CHANGES_LAYOUT, isProgressLayout, LAYOUTS, type LayoutName } from './layouts.js';
import type { Profile } from './profiles.js';

/** The official language of the IEP: every other copy is a translation of it. */
export const DEFAULT_LANGUAGE: Language = 'en';

/** A language to write, or `family` for each parent's preferred language. */
export type LanguageChoice = Language | 'family';

/** The paper sizes iepkit prints on. */
export const PAGE_SIZES: readonly PageSize[] = ['letter', 'a4'];

export interface Defaults {
  profile: Profile;
  layouts: readonly LayoutName[];
  langs: readonly LanguageChoice[];
  formats: readonly OutputFormat[];
  /** Documents rendered at once (and browser pages). */
  concurrency: number;
  /** The output folder of the CLI. */
  outDir: string;
}

/** One document (`renderIep`, `iep render`): the official IEP in English on Letter paper, as DOCX and PDF. */
export const DEFAULTS: Defaults = {
  profile: 'ny',
  layouts: ['official'],
  langs: [DEFAULT_LANGUAGE],
  formats: ['docx', 'pdf'],
  concurrency: 2,
  outDir: 'out',
};

/**
 * A district's batch (`runBatch`, `iep batch`): every layout, in English and in each family's language, but for
 * the bilingual interpreter copy (a long document, for the meeting) and the progress reports (most records of a
 * batch have no progress data yet): those only when asked for (`--layouts bilingual,progress` or `all`). Never the
 * amendment letter: it compares a record with an earlier version, which a batch is not given.
 */
export const BATCH_DEFAULTS: Defaults = {
  ...DEFAULTS,
  layouts: LAYOUTS.filter((layout) => layout !== BILINGUAL_LAYOUT && layout !== CHANGES_LAYOUT && !isProgressLayout(layout)),
  langs: ['en', 'family'],
};

/** What a caller may leave out when asking for documents. */
export interface OutputOptions {
  layouts?: readonly LayoutName[];
  /** `family` stands for each parent's preferred language. */
  langs?: readonly LanguageChoice[];
  /** Each document is written in all of them, from one tree. */
  formats?: readonly OutputFormat[];
  /** The state profile: which official layout and which compliance rules. */
  profile?: Profile;
  /** Overrides the paper size of the layout's front matter (Letter for every bundled layout); unset: the layout's. */
  pageSize?: PageSize;
  /** Documents in flight at once (and browser pages); a batch only. */
  concurrency?: number;
  /**
   * The layouts are every layout (`--layout all`), not a choice: each record gets those it can fill. The progress
   * reports are left out for a record without progress reports (named on their own, they are refused for it).
   */
  everyLayout?: boolean;
}

export type ResolvedOutputOptions<T extends OutputOptions = OutputOptions> = Omit<T, keyof OutputOptions> &
  Required<Omit<OutputOptions, 'pageSize' | 'everyLayout'>> &
  Pick<OutputOptions, 'pageSize' | 'everyLayout'>;

/** The one place option defaults are applied. */
export function resolveRenderOptions<T extends OutputOptions>(options: T, defaults: Defaults = DEFAULTS): ResolvedOutputOptions<T> {
  return {
    ...options,
    layouts: options.layouts ?? defaults.layouts,
    langs: options.langs ?? defaults.langs,
    formats: options.formats ?? defaults.formats,
    profile: options.profile ?? defaults.profile,
    concurrency: Math.max(1, options.concurrency ?? defaults.concurrency),
  };
}
