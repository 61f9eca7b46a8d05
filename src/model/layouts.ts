/**
 * The documents iepkit writes for one IEP: the official IEP (the state's form), the family copy, the student summary,
 * and the bilingual copy for interpreters (the official IEP in English beside the same in `--lang`).
 */
export const LAYOUTS = ['official', 'family', 'student', 'bilingual'] as const;

/** The layout printed in English beside another language: it needs a language that is not English. */
export const BILINGUAL_LAYOUT = 'bilingual' satisfies LayoutName;
export type LayoutName = (typeof LAYOUTS)[number];

/** What the parts of a present-levels domain are called in front matter `domainParts`, in the order a layout wants them. */
export const DOMAIN_PARTS = ['description', 'strengths', 'interests', 'preferences', 'needs', 'parentConcerns'] as const;
export type DomainPart = (typeof DOMAIN_PARTS)[number];

/** The lists a one-page layout may shorten (front matter `limits` and `shrinkOrder`). */
export const SHORTENABLE_LISTS = ['strengths', 'interests', 'goals', 'supports', 'testing', 'team'] as const;
export type ShortenableList = (typeof SHORTENABLE_LISTS)[number];
