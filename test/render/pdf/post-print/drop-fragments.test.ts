import { describe, expect, it } from 'vitest';
import { ContentOperations } from '../../../../src/render/pdf/post-print/content-stream.js';
import { dropFragments } from '../../../../src/render/pdf/post-print/drop-fragments.js';
import { indexMarks } from '../../../../src/render/pdf/post-print/element-text.js';
import type { MarkedContent, PageContent } from '../../../../src/render/pdf/post-print/page-content.js';
import { PdfDict, PdfRef } from '../../../../src/render/pdf/post-print/pdf-objects.js';
import type { StructElement, StructTree } from '../../../../src/render/pdf/post-print/struct-tree.js';

const page1 = new PdfRef(10, 0);
const page2 = new PdfRef(11, 0);
const page3 = new PdfRef(12, 0);
let next = 100;

function element(type: string, kids: (StructElement | [PdfRef, number])[]): StructElement {
  const e: StructElement = { ref: new PdfRef(next++, 0), dict: new PdfDict(), type, kids: [] };
  e.kids = kids.map((k) => (Array.isArray(k) ? { kind: 'mcid' as const, page: k[0], mcid: k[1] } : { kind: 'element' as const, element: k }));
  for (const k of kids) if (!Array.isArray(k)) k.parent = e;
  return e;
}

function page(ref: PdfRef, marks: Partial<MarkedContent>[]): PageContent {
  const map = new Map<number, MarkedContent>();
  for (const m of marks) map.set(m.mcid!, { mcid: m.mcid!, text: m.text ?? '', glyphs: m.glyphs ?? 0, unmapped: 0, silent: 0, drawings: m.drawings ?? 0, visible: m.visible ?? (m.glyphs ?? 0) + (m.drawings ?? 0) });
  return { ref, page: new PdfDict(), data: Buffer.alloc(0), operations: new ContentOperations(), marks: map, emptySpans: [] };
}

describe('dropFragments', () => {
  it('keeps a heading tagged only on the page with most of its glyphs, and drops empty fragments', () => {
    const headingText = element('NonStruct', [[page1, 5], [page2, 0]]);
    const heading = element('H2', [[page2, 1], headingText]);
    const paragraph = element('P', [element('NonStruct', [[page1, 3], [page2, 2]])]); // a paragraph split across pages stays whole
    const empty = element('NonStruct', [[page1, 4]]);
    const doc = element('Document', [paragraph, heading, empty]);
    const tree: StructTree = { rootRef: undefined, root: new PdfDict(), top: [doc] };
    const pages = [
      page(page1, [{ mcid: 3, glyphs: 40, text: 'end of a paragraph' }, { mcid: 4 }, { mcid: 5, glyphs: 1, text: 'ب' }]),
      page(page2, [{ mcid: 0, glyphs: 12, text: 'heading text' }, { mcid: 1, drawings: 1 }, { mcid: 2, glyphs: 30, text: 'rest of it' }]),
    ];
    const result = dropFragments(tree, pages, indexMarks(pages));
    expect(result).toMatchObject({ empty: 1, overflow: 1, repeated: 0 });
    expect([...result.byPage.get(page1.key)!].sort()).toEqual([4, 5]);
    expect(result.byPage.has(page2.key)).toBe(false);
    expect(headingText.kids).toEqual([{ kind: 'mcid', page: page2, mcid: 0 }]);
    expect(paragraph.kids[0]!.kind === 'element' && paragraph.kids[0]!.element.kids).toHaveLength(2);
    expect(doc.kids.map((k) => k.kind === 'element' && k.element.type)).toEqual(['P', 'H2']); // the emptied element is gone
  });

  it('keeps the first of a table header repeated on each page', () => {
    const th = element('TH', [element('NonStruct', [[page1, 0], [page2, 0], [page3, 0]])]);
    const td = element('TD', [element('NonStruct', [[page1, 1], [page2, 1]])]); // a data cell is never a repeat
    const table = element('Table', [element('TR', [th, td])]);
    const tree: StructTree = { rootRef: undefined, root: new PdfDict(), top: [table] };
    const pages = [page1, page2, page3].map((ref) => page(ref, [{ mcid: 0, glyphs: 4, text: 'Name' }, { mcid: 1, glyphs: 4, text: 'Same' }]));
    const result = dropFragments(tree, pages, indexMarks(pages));
    expect(result.repeated).toBe(2);
    expect(result.byPage.get(page2.key)).toEqual(new Set([0]));
    expect(result.byPage.get(page3.key)).toEqual(new Set([0]));
  });
});
