/** The documents iepkit writes for one IEP: the official IEP (the state's form), the family copy, the student summary. */
export const LAYOUTS = ['official', 'family', 'student'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

/** What the parts of a present-levels domain are called in front matter `domainParts`, in the order a layout wants them. */
export type DomainPart = 'description' | 'strengths' | 'interests' | 'preferences' | 'needs' | 'parentConcerns';
