/**
 * A number written as private-use characters: base-16 digits, each the character `base + digit`, most significant
 * first. A draft's placeholders (placeholder.ts) and compose's held data (src/compose/held-text.ts) write their
 * indexes this way, each with digits of its own, so that neither can be read as the other or as a user's text.
 */

/** `index` in the digits starting at code point `base`. */
export function writePrivateUseDigits(index: number, base: number): string {
  let digits = '';
  do {
    digits = String.fromCharCode(base + (index & 15)) + digits;
    index >>>= 4;
  } while (index > 0);
  return digits;
}

/** The number `digits` (written by writePrivateUseDigits with the same `base`) stands for. */
export function readPrivateUseDigits(digits: string, base: number): number {
  let index = 0;
  for (let i = 0; i < digits.length; i++) index = index * 16 + (digits.charCodeAt(i) - base);
  return index;
}
