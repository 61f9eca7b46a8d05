import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { dropEmptyTableHeads } from '../../../src/render/html/drop-empty-table-heads.js';

const cell = (tag: 'th' | 'td', text: string): Element => ({ type: 'element', tagName: tag, properties: {}, children: text ? [{ type: 'text', value: text }] : [] });
const table = (head: string[], body: string[]): Root => ({
  type: 'root',
  children: [
    {
      type: 'element',
      tagName: 'table',
      properties: {},
      children: [
        { type: 'element', tagName: 'thead', properties: {}, children: [{ type: 'element', tagName: 'tr', properties: {}, children: head.map((t) => cell('th', t)) }] },
        { type: 'element', tagName: 'tbody', properties: {}, children: [{ type: 'element', tagName: 'tr', properties: {}, children: body.map((t) => cell('td', t)) }] },
      ],
    },
  ],
});
const parts = (root: Root) => ((root.children[0] as Element).children as Element[]).map((c) => c.tagName);

describe('dropEmptyTableHeads', () => {
  it('drops a header row with nothing printable in it (a table of labels and values), as the DOCX writer does', () => {
    const root = table(['', '\u00a0'], ['Student Name:', 'Ana Lopez']);
    dropEmptyTableHeads(root);
    expect(parts(root)).toEqual(['tbody']);
  });

  it('keeps a header row with any text', () => {
    const root = table(['Frequency', ''], ['2 times a week', '30 minutes']);
    dropEmptyTableHeads(root);
    expect(parts(root)).toEqual(['thead', 'tbody']);
  });
});
