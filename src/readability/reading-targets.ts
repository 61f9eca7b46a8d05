/**
 * The layouts with a reading-level target and the settings of the warning. A module of its own, without the
 * measuring, so the CLI and docs/lint.md can list them.
 */
export const READING_LAYOUTS = ['family', 'student', 'progress', 'changes'] as const;
export type ReadingLayout = (typeof READING_LAYOUTS)[number];

/**
 * Target grade per layout: the family copy at grade 8 (WCAG 3.1.5 asks for lower-secondary level, about 9 years of
 * school), the student summary at grade 6 (health-literacy guidance for readers' documents is grade 5-6), the
 * family's progress report and the letter about an amendment's changes at grade 8 like the family copy (the same
 * readers).
 */
export const READING_TARGETS: Readonly<Record<ReadingLayout, number>> = { family: 8, student: 6, progress: 8, changes: 8 };

/** What the messages and reports call each copy. */
export const READING_LAYOUT_NAMES: Readonly<Record<ReadingLayout, string>> = {
  family: 'family copy',
  student: 'student summary',
  progress: 'family progress report',
  changes: 'letter about the amendment',
};

/**
 * Sections shorter than this are graded in reports but not warned about: on a sentence or two the formula mostly
 * measures the student's name and one long word ("Ana loves books about animals." scores grade 7.6).
 */
export const MIN_WORDS_FOR_WARNING = 20;

export function isReadingLayout(layout: string): layout is ReadingLayout {
  return (READING_LAYOUTS as readonly string[]).includes(layout);
}
