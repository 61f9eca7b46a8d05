/**
 * The code points of a text, each once, in the order they first appear (a lone surrogate counts as itself, as in
 * `new Set(text)`). Read in place: an official IEP prints ~100,000 characters but ~100 distinct ones, and iterating
 * the string by characters, or adding every one to a set, cost the font steps milliseconds a document; ASCII, most of
 * the text, is looked up in a table.
 */
export function distinctCodePoints(text: string): Set<number> {
  const found = new Set<number>();
  const ascii = new Uint8Array(128);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 128) {
      if (ascii[unit] === 0) {
        ascii[unit] = 1;
        found.add(unit);
      }
      continue;
    }
    const cp = text.codePointAt(i)!;
    found.add(cp);
    if (cp > 0xffff) i++;
  }
  return found;
}
