/**
 * /Contents on every link annotation (ISO 14289-1 §7.18.1, §7.18.5): the text of the Link element that owns it (what
 * the reader sees), else its target address. Pages with annotations get /Tabs /S so keyboard order follows the
 * structure (§7.18.3).
 */
import { elementText, type MarkIndex } from './element-text.js';
import type { PdfDocument } from './pdf-document.js';
import { nameValue, PdfDict, PdfName, PdfString } from './pdf-objects.js';
import { walkElements, type StructTree } from './struct-tree.js';

/** Returns how many annotations were described. */
export function describeLinks(doc: PdfDocument, tree: StructTree, marks: MarkIndex): number {
  let described = 0;
  for (const element of walkElements(tree)) {
    for (const kid of element.kids) {
      if (kid.kind !== 'objr') continue;
      const annotation = doc.resolveDict(kid.object);
      if (!annotation || nameValue(annotation.get('Subtype')) !== 'Link') continue;
      const existing = annotation.get('Contents');
      if (existing instanceof PdfString && existing.toText().trim()) continue;
      const text = elementText(element, marks) || linkTarget(doc, annotation);
      if (!text) continue;
      annotation.set('Contents', PdfString.fromText(text));
      doc.set(kid.object, annotation);
      described++;
    }
  }
  for (const pageRef of doc.pageRefs()) {
    const page = doc.resolveDict(pageRef);
    if (!page || !page.has('Annots') || nameValue(page.get('Tabs')) === 'S') continue;
    page.set('Tabs', PdfName.of('S'));
    doc.set(pageRef, page);
  }
  return described;
}

function linkTarget(doc: PdfDocument, annotation: PdfDict): string {
  const action = doc.resolveDict(annotation.get('A'));
  const uri = action?.get('URI');
  return uri instanceof PdfString ? uri.toText() : '';
}
