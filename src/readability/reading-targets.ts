/** The layouts with a reading-level target. A module of its own so the CLI can list them without the composer. */
export const READING_LAYOUTS = ['family', 'student'] as const;
export type ReadingLayout = (typeof READING_LAYOUTS)[number];

/**
 * Target grade per layout: the family copy at grade 8 (WCAG 3.1.5 asks for lower-secondary level, about 9 years of
 * school), the student summary at grade 6 (health-literacy guidance for readers' documents is grade 5-6).
 */
export const READING_TARGETS: Readonly<Record<ReadingLayout, number>> = { family: 8, student: 6 };
