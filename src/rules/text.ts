import type { Text } from '../model/iep.js';

/** The English (legal) text of a narrative field; empty for a missing one. */
export function englishText(text: Text | undefined): string {
  if (text === undefined) return '';
  return typeof text === 'string' ? text : text.en;
}

/**
 * Words people write into a form field to leave it empty: "N/A", "TBD", "none", "see above"...
 * Compared after lower-casing, trimming and dropping surrounding punctuation.
 */
const PLACEHOLDERS = new Set([
  '',
  'n/a',
  'na',
  'n.a',
  'n a',
  'none',
  'nil',
  'null',
  'nothing',
  'tbd',
  'tba',
  'todo',
  'to do',
  'to be determined',
  'to be decided',
  'to be added',
  'pending',
  'see above',
  'see below',
  'see attached',
  'same',
  'same as above',
  'as above',
  'not applicable',
  'placeholder',
  'blank',
  'x',
  'xx',
  'xxx',
  '?',
  '-',
  '--',
  '...',
  'test',
  'lorem ipsum',
]);

/** True for text that says nothing: empty, a placeholder word, or only punctuation. */
export function isPlaceholder(text: Text | undefined): boolean {
  const raw = englishText(text).trim().toLowerCase();
  if (!/[\p{L}\p{N}]/u.test(raw)) return true;
  const core = raw.replace(/^[\s"'`([{.:;,!*_-]+|[\s"'`)\]}.:;,!*_-]+$/gu, '').replace(/\s+/g, ' ');
  if (PLACEHOLDERS.has(core)) return true;
  return /^(tbd|todo|lorem ipsum)\b/.test(core);
}

/** True when the text states a quantity: a digit or a number word ("4 of 5", "80%", "three times", "all"). */
export function statesQuantity(text: Text | undefined): boolean {
  const t = englishText(text).toLowerCase();
  if (/\d/.test(t) || t.includes('%')) return true;
  return /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|once|twice|half|all|every|each|percent|majority|consecutive)\b/.test(t);
}
