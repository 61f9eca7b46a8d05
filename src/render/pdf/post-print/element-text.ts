/**
 * The text of structure elements: the ActualText an element carries, else its marked content's text in content
 * order, so later fixes (link descriptions) read what a screen reader will.
 */
import type { MarkedContent, PageContent } from './page-content.js';
import { PdfString } from './pdf-objects.js';
import type { StructElement } from './struct-tree.js';

export type MarkIndex = Map<string, MarkedContent>;

export function indexMarks(pages: readonly PageContent[]): MarkIndex {
  const index: MarkIndex = new Map();
  for (const page of pages) for (const [mcid, mark] of page.marks) index.set(`${page.ref.key}:${mcid}`, mark);
  return index;
}

export function markOf(index: MarkIndex, pageKey: string, mcid: number): MarkedContent | undefined {
  return index.get(`${pageKey}:${mcid}`);
}

/** The marked content directly in `element` (not in its child elements). */
export function ownMarks(element: StructElement, index: MarkIndex): MarkedContent[] {
  return element.kids.flatMap((k) => (k.kind === 'mcid' ? [markOf(index, k.page.key, k.mcid)].filter((m): m is MarkedContent => m !== undefined) : []));
}

export function elementText(element: StructElement, index: MarkIndex): string {
  const actual = element.dict.get('ActualText');
  if (actual instanceof PdfString) return actual.toText();
  let text = '';
  for (const kid of element.kids) {
    if (kid.kind === 'element') text += (text && !/\s$/.test(text) ? ' ' : '') + elementText(kid.element, index);
    else if (kid.kind === 'mcid') text += markOf(index, kid.page.key, kid.mcid)?.text ?? '';
  }
  return text.replace(/\s+/g, ' ').trim();
}
