/**
 * The documents iepkit writes for one IEP: the official IEP (the state's form), the family copy, the student summary,
 * the bilingual copy for interpreters (the official IEP in English beside the same in `--lang`), and the progress
 * reports (the family's and the one a district files), and the letter that tells the family what an amendment changed.
 */
export const LAYOUTS = ['official', 'family', 'student', 'bilingual', 'progress', 'progress-official', 'changes'] as const;

/** The layout printed in English beside another language: it needs a language that is not English. */
export const BILINGUAL_LAYOUT = 'bilingual' satisfies LayoutName;
export type LayoutName = (typeof LAYOUTS)[number];

/**
 * The progress reports (issue 19): the family's (`progress`) and the one the district files (`progress-official`).
 * They print the IEP's `progressReports`, so an IEP without any gets a diagnostic instead of an empty document, and a
 * district's batch does not make them unless asked.
 */
export const PROGRESS_LAYOUTS = ['progress', 'progress-official'] as const satisfies readonly LayoutName[];
export function isProgressLayout(layout: string): layout is (typeof PROGRESS_LAYOUTS)[number] {
  return (PROGRESS_LAYOUTS as readonly string[]).includes(layout);
}

/** What the parts of a present-levels domain are called in front matter `domainParts`, in the order a layout wants them. */
export const DOMAIN_PARTS = ['description', 'strengths', 'interests', 'preferences', 'needs', 'parentConcerns'] as const;
export type DomainPart = (typeof DOMAIN_PARTS)[number];

/** The lists a one-page layout may shorten (front matter `limits` and `shrinkOrder`). */
export const SHORTENABLE_LISTS = ['strengths', 'interests', 'goals', 'supports', 'testing', 'team'] as const;
export type ShortenableList = (typeof SHORTENABLE_LISTS)[number];

/**
 * The letter to the family about an amendment (issue 20): what changed since an earlier version (`--base OLD`), in
 * plain words. It needs that earlier version, so `--layout all` makes it only when one is given.
 */
export const CHANGES_LAYOUT = 'changes' satisfies LayoutName;
