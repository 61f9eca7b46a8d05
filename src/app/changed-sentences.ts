/**
 * The sentences a suggested rewrite changes, to show "instead of ... write ..." rather than the whole field
 * (a present-levels paragraph can be a dozen sentences long and the suggestion changes one).
 */
export function changedSentences(before: string, after: string): { before: string; after: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  // Widen to whole sentences of each text (a sentence ends with . ! or ? and a space).
  const sentenceStart = (text: string, at: number) => {
    const cut = Math.max(text.lastIndexOf('. ', at - 1), text.lastIndexOf('! ', at - 1), text.lastIndexOf('? ', at - 1));
    return cut < 0 ? 0 : cut + 2;
  };
  const sentenceEnd = (text: string, at: number) => {
    const ends = ['. ', '! ', '? '].map((mark) => text.indexOf(mark, at)).filter((i) => i >= 0);
    return ends.length ? Math.min(...ends) + 1 : text.length;
  };
  const from = Math.min(sentenceStart(before, start), sentenceStart(after, start));
  return {
    before: before.slice(from, sentenceEnd(before, before.length - end)).trim(),
    after: after.slice(from, sentenceEnd(after, after.length - end)).trim(),
  };
}
