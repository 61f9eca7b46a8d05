/**
 * Labels made from property names where no written label exists: the editor's form and the notes of an XLIFF export
 * (for a translator) name fields the same way.
 */

/** "annualReviewDate" -> "Annual review date"; "not-yet-started" -> "Not yet started". */
export function humanize(name: string): string {
  const words = name
    .replace(/^\$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "goals" -> "goal", "activities" -> "activity": the noun for one item of a list. */
export function singular(noun: string): string {
  if (/ies$/.test(noun)) return noun.replace(/ies$/, 'y');
  if (/(ss|us)$/.test(noun) || !noun.endsWith('s')) return noun;
  return noun.slice(0, -1);
}
