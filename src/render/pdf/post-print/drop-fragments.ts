/**
 * Tagged content a reader must not meet, taken out of the structure tree (its content then becomes an artifact):
 *
 * - fragments that paint nothing: a heading that `break-after: avoid` pushed to the next page leaves a tagged
 *   sequence with no glyph and no drawing on the previous one, read twice by a screen reader;
 * - repeated table headers: a header row that Chromium repeats at the top of each page is tagged each time into
 *   the same TH, so its text reads "Name Name Name"; the copies after the first page are pagination artifacts.
 */
import { markOf, type MarkIndex } from './element-text.js';
import type { PageContent } from './page-content.js';
import { walkElements, type StructTree } from './struct-tree.js';

export interface DroppedFragments {
  /** Per page (reference key): the MCIDs to turn into artifacts. */
  byPage: Map<string, Set<number>>;
  empty: number;
  repeated: number;
}

export function dropFragments(tree: StructTree, pages: readonly PageContent[], marks: MarkIndex): DroppedFragments {
  const result: DroppedFragments = { byPage: new Map(), empty: 0, repeated: 0 };
  const drop = (pageKey: string, mcid: number) => {
    const set = result.byPage.get(pageKey) ?? new Set<number>();
    set.add(mcid);
    result.byPage.set(pageKey, set);
  };
  for (const page of pages) {
    for (const [mcid, mark] of page.marks) {
      if (mark.glyphs > 0 || mark.drawings > 0) continue;
      drop(page.ref.key, mcid);
      result.empty++;
    }
  }
  for (const element of walkElements(tree)) {
    if (!isHeaderCell(element.type, element)) continue;
    const pagesInOrder: string[] = [];
    const textByPage = new Map<string, string>();
    for (const kid of element.kids) {
      if (kid.kind !== 'mcid') continue;
      if (!textByPage.has(kid.page.key)) pagesInOrder.push(kid.page.key);
      textByPage.set(kid.page.key, (textByPage.get(kid.page.key) ?? '') + (markOf(marks, kid.page.key, kid.mcid)?.text ?? ''));
    }
    if (pagesInOrder.length < 2) continue;
    const first = textByPage.get(pagesInOrder[0]!)!;
    if (!first.trim() || pagesInOrder.some((p) => textByPage.get(p) !== first)) continue;
    for (const kid of element.kids) {
      if (kid.kind === 'mcid' && kid.page.key !== pagesInOrder[0]) {
        drop(kid.page.key, kid.mcid);
        result.repeated++;
      }
    }
  }
  if (result.byPage.size === 0) return result;
  for (const element of [...walkElements(tree)].reverse()) {
    element.kids = element.kids.filter((k) => {
      if (k.kind === 'mcid') return !result.byPage.get(k.page.key)?.has(k.mcid);
      if (k.kind === 'element') return k.element.kids.length > 0;
      return true;
    });
  }
  tree.top = tree.top.filter((e) => e.kids.length > 0);
  return result;
}

/** A TH, or a leaf whose nearest cell ancestor is a TH (Chromium puts the header's text in a NonStruct inside it). */
function isHeaderCell(type: string, element: { parent?: { type: string; parent?: unknown } }): boolean {
  if (type === 'TH') return true;
  for (let e = element.parent as { type: string; parent?: unknown } | undefined; e; e = e.parent as typeof e) {
    if (e.type === 'TH') return true;
    if (e.type === 'TD' || e.type === 'Table') return false;
  }
  return false;
}
