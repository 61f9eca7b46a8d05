/**
 * Repairs bookmark titles: right-to-left headings, wrapped headings and headings pushed to the next page.
 *
 * Chromium 156 builds the PDF outline from painted text, so an Arabic or Urdu heading's bookmark holds its words in
 * visual order: "برنامج التعليم الفردي" becomes "الفردي التعليم برنامج" in the bookmarks pane and for screen readers.
 * (Neither `dir`, `<bdi>`, `unicode-bidi` nor `aria-label` changes it.) After printing, each outline title is
 * compared with the document's headings in order; where a heading holds exactly the same characters in another
 * order, the title is replaced by the heading's logical text.
 */
import { PdfDocument } from './pdf-document.js';
import { PdfRef, PdfString } from './pdf-objects.js';

interface OutlineItem {
  ref: PdfRef;
  title: string;
}

/** The outline titles in document order (depth first), as a reader shows them. */
export function readOutlineTitles(pdf: Buffer): string[] {
  const doc = PdfDocument.open(pdf);
  return doc ? outlineItems(doc).map((i) => i.title) : [];
}

/**
 * Replaces visually ordered right-to-left outline titles with the matching headings' logical text; returns the
 * same buffer when nothing changes or the file is not one this reader knows.
 */
export function fixOutlineTitles(pdf: Buffer, headings: readonly string[]): Buffer {
  const doc = PdfDocument.open(pdf);
  return doc && retitleOutline(doc, headings) > 0 ? doc.save() : pdf;
}

const STRONG_RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/**
 * The same repair on an open document (the post-print stage's one rewrite). `headings` are the document's h1-h6
 * in document order, as rendered (innerText). Returns how many titles changed.
 */
export function retitleOutline(doc: PdfDocument, headings: readonly string[]): number {
  const items = outlineItems(doc);
  const wanted = headings.map(collapse);
  const replacements: { item: OutlineItem; title: string }[] = [];
  // Chromium also builds titles from the painted lines in left-to-right text: a heading that wraps loses the space
  // at the break ("assistivetechnology") and one pushed to the next page by break-after: avoid is written twice.
  // With one bookmark per heading, in order, every title that differs from its heading is replaced.
  if (items.length === wanted.length) {
    items.forEach((item, i) => {
      if (collapse(item.title) !== wanted[i]) replacements.push({ item, title: wanted[i]! });
    });
  } else if (items.some((i) => STRONG_RTL.test(i.title))) {
    let next = 0;
    for (const item of items) {
      const key = anagramKey(item.title);
      const found = wanted.findIndex((h, i) => i >= next && anagramKey(h) === key);
      if (found < 0) continue;
      next = found + 1;
      const heading = wanted[found]!;
      if (heading !== collapse(item.title)) replacements.push({ item, title: heading });
    }
  }
  for (const { item, title } of replacements) {
    const dict = doc.resolveDict(item.ref)!;
    dict.set('Title', PdfString.fromText(title));
    doc.set(item.ref, dict);
  }
  return replacements.length;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The characters of a text regardless of order, bidi controls and mirrored brackets: a visual-order text has the same key. */
function anagramKey(text: string): string {
  return [...text.normalize('NFKC').replace(/[\s\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '').replace(/[()[\]{}<>«»]/g, '(')]
    .sort()
    .join('');
}

function outlineItems(doc: PdfDocument): OutlineItem[] {
  const items: OutlineItem[] = [];
  const seen = new Set<string>();
  const walk = (first: unknown) => {
    for (let ref = first; ref instanceof PdfRef && !seen.has(ref.key); ) {
      seen.add(ref.key);
      const item = doc.resolveDict(ref);
      if (!item) return;
      const title = item.get('Title');
      if (title instanceof PdfString) items.push({ ref, title: title.toText() });
      walk(item.get('First'));
      ref = item.get('Next');
    }
  };
  walk(doc.resolveDict(doc.catalog.get('Outlines'))?.get('First'));
  return items;
}
