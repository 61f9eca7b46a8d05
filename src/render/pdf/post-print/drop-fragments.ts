/**
 * Tagged content a reader must not meet, taken out of the structure tree (its content then becomes an artifact):
 *
 * - fragments that paint nothing visible: an element pushed to the next page leaves, on the previous one, tagged
 *   sequences with no glyph or only glyphs clipped away below the body (the ink of tall Nastaliq or Bengali
 *   glyphs reaching above their line), read twice by a screen reader;
 * - heading ink on the wrong page: headings never break across pages (page-css.ts), but when one is pushed to
 *   the next page, the ink of its tall glyphs (Nastaliq, Bengali) reaching above its line is painted, and tagged,
 *   at the foot of the previous page too; only the page where the heading has most of its glyphs keeps its tags;
 * - repeated table headers: a header row that Chromium repeats at the top of each page is tagged each time into
 *   the same TH, so its text reads "Name Name Name"; the copies after the first page are pagination artifacts.
 */
import { markOf, type MarkIndex } from './element-text.js';
import type { PageContent } from './page-content.js';
import type { PdfRef } from './pdf-objects.js';
import { walkElements, type StructElement, type StructTree } from './struct-tree.js';

export interface DroppedFragments {
  /** Per page (reference key): the MCIDs to turn into artifacts. */
  byPage: Map<string, Set<number>>;
  empty: number;
  overflow: number;
  repeated: number;
}

export function dropFragments(tree: StructTree, pages: readonly PageContent[], marks: MarkIndex): DroppedFragments {
  const result: DroppedFragments = { byPage: new Map(), empty: 0, overflow: 0, repeated: 0 };
  const drop = (pageKey: string, mcid: number) => {
    const set = result.byPage.get(pageKey) ?? new Set<number>();
    set.add(mcid);
    result.byPage.set(pageKey, set);
  };
  for (const page of pages) {
    for (const [mcid, mark] of page.marks) {
      if (mark.visible > 0) continue;
      drop(page.ref.key, mcid);
      result.empty++;
    }
  }
  for (const heading of walkElements(tree)) {
    if (!/^H[1-6]?$/.test(heading.type)) continue;
    const inside = [...descendantMarks(heading)];
    const glyphsByPage = new Map<string, number>();
    for (const { page, mcid } of inside) glyphsByPage.set(page.key, (glyphsByPage.get(page.key) ?? 0) + (markOf(marks, page.key, mcid)?.glyphs ?? 0));
    if (glyphsByPage.size < 2) continue;
    const [main, most] = [...glyphsByPage].sort((a, b) => b[1] - a[1])[0]!;
    if (most === 0) continue;
    for (const { page, mcid } of inside) {
      if (page.key === main) continue;
      drop(page.key, mcid);
      result.overflow++;
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

function* descendantMarks(element: StructElement): Generator<{ page: PdfRef; mcid: number }> {
  for (const kid of element.kids) {
    if (kid.kind === 'mcid') yield kid;
    else if (kid.kind === 'element') yield* descendantMarks(kid.element);
  }
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
