/** matchItems: same key first (the most alike of several), then the most alike pairs above the threshold. */
import { describe, expect, it } from 'vitest';
import { fieldSimilarity, matchItems, textSimilarity } from '../../src/diff/match-items.js';

interface Item {
  kind: string;
  group: number;
  minutes: number;
}
const byKind = { key: (i: Item) => i.kind, canPair: () => true };

describe('matchItems', () => {
  it('pairs a reordered list item by item, in the newer order', () => {
    const older: Item[] = [{ kind: 'a', group: 1, minutes: 30 }, { kind: 'b', group: 1, minutes: 30 }];
    const pairs = matchItems(older, [older[1]!, older[0]!], byKind);
    expect(pairs.map((p) => [p.oldIndex, p.newIndex])).toEqual([[1, 0], [0, 1]]);
  });

  it('of several old items with one key, takes the most alike', () => {
    const older: Item[] = [{ kind: 'counseling', group: 1, minutes: 30 }, { kind: 'counseling', group: 3, minutes: 30 }];
    const newer: Item[] = [{ kind: 'counseling', group: 3, minutes: 45 }, { kind: 'counseling', group: 1, minutes: 30 }];
    expect(matchItems(older, newer, byKind).map((p) => [p.oldIndex, p.newIndex])).toEqual([[1, 0], [0, 1]]);
  });

  it('pairs items with different keys only when alike enough, and leaves the rest added or removed', () => {
    const older: Item[] = [{ kind: 'a', group: 1, minutes: 30 }, { kind: 'b', group: 2, minutes: 60 }];
    const newer: Item[] = [{ kind: 'a2', group: 1, minutes: 30 }, { kind: 'c', group: 5, minutes: 10 }];
    expect(matchItems(older, newer, byKind).map((p) => [p.oldIndex, p.newIndex])).toEqual([[0, 0], [undefined, 1], [1, undefined]]);
    // Without canPair, a different key is never the same item.
    expect(matchItems(older, newer, { key: (i: Item) => i.kind }).map((p) => [p.oldIndex, p.newIndex])).toEqual([
      [undefined, 0],
      [undefined, 1],
      [0, undefined],
      [1, undefined],
    ]);
  });

  it('measures likeness in English, whatever the translations', () => {
    expect(fieldSimilarity({ a: { en: 'x', es: 'y' }, b: 1 }, { a: 'x', b: 2 })).toBe(0.5);
    expect(textSimilarity('A seat near the door', 'a seat near the door')).toBe(1);
    expect(textSimilarity('Headphones', 'Extra time on tests')).toBeLessThan(0.3);
  });
});
