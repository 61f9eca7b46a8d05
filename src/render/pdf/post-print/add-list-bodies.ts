/**
 * LBody in every list item (ISO 32000-1 §14.8.4.3.3, checked by PDF/UA validators): Chromium gives an LI its marker
 * (Lbl) and then the item's content directly. Everything after the label moves into one new LBody element.
 */
import type { PdfDocument } from './pdf-document.js';
import { createElement, walkElements, type StructTree } from './struct-tree.js';

/** Returns how many list bodies were added. */
export function addListBodies(doc: PdfDocument, tree: StructTree): number {
  let added = 0;
  for (const item of [...walkElements(tree)]) {
    if (item.type !== 'LI') continue;
    const content = item.kids.filter((k) => !(k.kind === 'element' && (k.element.type === 'Lbl' || k.element.type === 'LBody')));
    if (content.length === 0 && item.kids.some((k) => k.kind === 'element' && k.element.type === 'LBody')) continue;
    const body = createElement(doc, 'LBody', item);
    body.kids = content;
    for (const kid of content) if (kid.kind === 'element') kid.element.parent = body;
    item.kids = [...item.kids.filter((k) => !content.includes(k)), { kind: 'element', element: body }];
    added++;
  }
  return added;
}
