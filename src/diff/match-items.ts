/**
 * Pairs the items of a list in two versions of a record, so a reordered list is no change and an edited item is one
 * `changed` item rather than a removed and an added one: first items that are the same thing (the same key: a goal's
 * id, a service's kind and subject...), then, among those left, the most alike pairs that may be one item reworded.
 */
import { distance } from 'fastest-levenshtein';
import { englishOnly } from './english-text.js';

export interface ItemPair<T> {
  oldIndex?: number;
  newIndex?: number;
  old?: T;
  new?: T;
}

export interface MatchRules<T> {
  /** What the item is; items with equal keys are the same item. Undefined: no key, matched by likeness only. */
  key: (item: T) => string | undefined;
  /** Whether two items with different keys may still be one item changed; absent: never. */
  canPair?: (older: T, newer: T) => boolean;
  /** How alike two items are, from 0 to 1 (default: the share of equal fields). */
  similarity?: (older: T, newer: T) => number;
  /** The least similarity for a pair by likeness (default 0.5). */
  threshold?: number;
}

/**
 * Matched pairs first, in the newer list's order (added items among them), then the items only the older list has,
 * in its order.
 */
export function matchItems<T>(older: readonly T[], newer: readonly T[], rules: MatchRules<T>): ItemPair<T>[] {
  const similarity = rules.similarity ?? fieldSimilarity;
  const oldFor = new Map<number, number>();
  const taken = new Set<number>();

  // Same key: with several old items of one key (two counseling services), the most alike one.
  newer.forEach((item, newIndex) => {
    const key = rules.key(item);
    if (key === undefined) return;
    let best: number | undefined;
    let bestScore = -1;
    older.forEach((candidate, oldIndex) => {
      if (taken.has(oldIndex) || rules.key(candidate) !== key) return;
      const score = similarity(candidate, item) + (oldIndex === newIndex ? 1e-6 : 0);
      if (score > bestScore) [best, bestScore] = [oldIndex, score];
    });
    if (best !== undefined) {
      oldFor.set(newIndex, best);
      taken.add(best);
    }
  });

  // Likeness: the most alike pairs first, each item used once.
  if (rules.canPair) {
    const threshold = rules.threshold ?? 0.5;
    const candidates: { oldIndex: number; newIndex: number; score: number }[] = [];
    newer.forEach((item, newIndex) => {
      if (oldFor.has(newIndex)) return;
      older.forEach((candidate, oldIndex) => {
        if (taken.has(oldIndex) || !rules.canPair!(candidate, item)) return;
        const score = similarity(candidate, item);
        if (score >= threshold) candidates.push({ oldIndex, newIndex, score });
      });
    });
    candidates.sort((a, b) => b.score - a.score || Math.abs(a.oldIndex - a.newIndex) - Math.abs(b.oldIndex - b.newIndex));
    for (const c of candidates) {
      if (oldFor.has(c.newIndex) || taken.has(c.oldIndex)) continue;
      oldFor.set(c.newIndex, c.oldIndex);
      taken.add(c.oldIndex);
    }
  }

  const pairs: ItemPair<T>[] = newer.map((item, newIndex) => {
    const oldIndex = oldFor.get(newIndex);
    return oldIndex === undefined ? { newIndex, new: item } : { oldIndex, newIndex, old: older[oldIndex], new: item };
  });
  older.forEach((item, oldIndex) => {
    if (!taken.has(oldIndex)) pairs.push({ oldIndex, old: item });
  });
  return pairs;
}

/** The share of leaf values (in English) that two items have in common: 1 for equal items, 0 for nothing shared. */
export function fieldSimilarity(a: unknown, b: unknown): number {
  const left = leaves(englishOnly(a));
  const right = leaves(englishOnly(b));
  const size = Math.max(left.size, right.size);
  if (size === 0) return 1;
  let same = 0;
  for (const [path, value] of left) if (right.has(path) && right.get(path) === value) same++;
  return same / size;
}

/** How alike two texts are, from 0 to 1, by edit distance (case ignored). */
export function textSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a.toLowerCase(), b.toLowerCase()) / longest;
}

function leaves(value: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) leaves(v, `${path}/${key}`, out);
  } else {
    out.set(path, value);
  }
  return out;
}
