/**
 * The longest text a field may hold, in characters (Unicode code points, as JSON Schema's maxLength counts). The
 * schema (src/model/iep.ts) sets them and validation reports `text-too-long` with the line and column, so a pasted
 * report or a runaway value is refused before rendering instead of timing out in the browser.
 */
export const TEXT_LIMITS = {
  /**
   * A narrative field, in each language: about 1,500 words, three to four printed pages in one field. The longest
   * narrative an IEP holds (a present-levels description) runs to one or two pages; more belongs in an evaluation
   * report. Printing stays well within the PDF time limit at this length, even as one unbroken word.
   */
  narrative: 10_000,
  /** A person's name (first, last, preferred, a guardian's or team member's): fits the running header on one line. */
  name: 100,
  /** A short label: a school, district, evaluation, provider, pronouns, phone number. */
  label: 500,
} as const;
