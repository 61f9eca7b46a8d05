/**
 * Splitting text into left-to-right and right-to-left stretches, for right-to-left documents.
 *
 * Word formats a run marked `w:rtl` entirely as complex script: its cs font (Noto Sans Arabic, which has no Latin
 * letters), szCs and bCs. A Latin name or the English of an untranslated passage inside an Arabic document must
 * therefore be its own run without `w:rtl`, as Word itself writes it. Everything else (Arabic letters, digits,
 * spaces and punctuation at a change of direction) is marked `w:rtl`, so the paragraph's direction resolves it.
 */

/** Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, NKo and the Arabic presentation forms. */
const STRONG_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
/** Strong left-to-right letters: any other letter (Latin, Cyrillic, CJK, Bengali...). */
const LETTER = /\p{L}/u;

export interface DirectionalText {
  text: string;
  rtl: boolean;
}

/** Any character `strength` calls L: a letter that is not right-to-left, or the left-to-right mark. */
const ANY_LTR = /[^\P{L}\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|\u200e/u;

type Strength = 'L' | 'R' | 'N';

function strength(char: string): Strength {
  if (char === '\u200e') return 'L'; // LEFT-TO-RIGHT MARK
  if (char === '\u200f' || char === '\u061c') return 'R'; // RIGHT-TO-LEFT MARK, ARABIC LETTER MARK
  if (STRONG_RTL.test(char)) return 'R';
  if (LETTER.test(char)) return 'L';
  return 'N';
}

/**
 * Stretches of `text` in order. Neutral characters (spaces, digits, punctuation) between two left-to-right letters
 * stay with them ("Maya Thompson" is one run); elsewhere they go with the right-to-left paragraph.
 */
export function splitByDirection(text: string): DirectionalText[] {
  // Most text in an Arabic or Urdu document has no left-to-right letter at all: one right-to-left run.
  if (!ANY_LTR.test(text)) return [{ text, rtl: true }];
  const chars = Array.from(text);
  const kinds = chars.map(strength);
  const rtl: boolean[] = new Array<boolean>(chars.length).fill(true);
  let i = 0;
  while (i < chars.length) {
    if (kinds[i] !== 'L') {
      i++;
      continue;
    }
    // From this L, extend over neutrals to the last L before an R or the end.
    let last = i;
    let j = i + 1;
    while (j < chars.length && kinds[j] !== 'R') {
      if (kinds[j] === 'L') last = j;
      j++;
    }
    for (let k = i; k <= last; k++) rtl[k] = false;
    i = last + 1;
  }
  const out: DirectionalText[] = [];
  chars.forEach((char, index) => {
    const isRtl = rtl[index] ?? true;
    const previous = out[out.length - 1];
    if (previous && previous.rtl === isRtl) previous.text += char;
    else out.push({ text: char, rtl: isRtl });
  });
  return out;
}
