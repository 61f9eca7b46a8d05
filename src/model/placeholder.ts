/**
 * The value written in place of a missing part of a draft (src/validate/complete-draft.ts) so that the record
 * composes: a private-use character pair around an index into the draft's list of placeholders. Compose finds it in
 * the document tree and prints the placeholder, visibly marked, instead (src/compose/mark-placeholders.ts); the
 * formatters pass it through unchanged (a date, a number or a closed-list value that is still to be written).
 *
 * Private-use characters, distinct from those held text uses (U+E000-U+E01F), so they cannot be confused with it.
 * Only a caller that passes the draft's placeholders to compose gets them marked: a valid record never does, so its
 * output cannot change, whatever characters its text holds.
 */
import { readPrivateUseDigits, writePrivateUseDigits } from './private-use-digits.js';

const OPEN = '\uE100';
const CLOSE = '\uE101';
const DIGIT_BASE = 0xe110;

/** Every placeholder in a text; group 1 holds the index digits. */
export const PLACEHOLDER_PATTERN = /\uE100([\uE110-\uE11F]+)\uE101/g;
const WHOLE = /^\uE100[\uE110-\uE11F]+\uE101$/;
const FIRST = /\uE100[\uE110-\uE11F]+\uE101/;

/** A part of a draft that was missing or unreadable and is shown as a placeholder. */
export interface Placeholder {
  /** The readable JSON path of the part, e.g. `goals[0].criteria`. */
  path: string;
  /** What belongs there, in a few words from the schema ("Legal first name"), for "[to be written: ...]". */
  label: string;
}

/** The value standing for placeholder number `index`. */
export function placeholderValue(index: number): string {
  return OPEN + writePrivateUseDigits(index, DIGIT_BASE) + CLOSE;
}

/** The index of the placeholder whose index digits are `digits` (group 1 of PLACEHOLDER_PATTERN). */
export function placeholderIndex(digits: string): number {
  return readPrivateUseDigits(digits, DIGIT_BASE);
}

/** True when `value` is exactly one placeholder (a missing date, number or closed-list value). */
export function isPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && WHOLE.test(value);
}

/** The first placeholder inside `text`, if any (a label key built from a closed-list value still to be written). */
export function findPlaceholder(text: string): string | undefined {
  return text.includes(OPEN) ? FIRST.exec(text)?.[0] : undefined;
}
