/**
 * Issue 14 part 2: each official DOCX had a table without a header row (the identifying block, a table of labels and
 * values whose empty Markdown header is dropped on purpose). Every data table now says where its headers are: a
 * header row repeated on each page (w:tblHeader), or, for labels and values, the first column (w:tblLook
 * w:firstColumn, labels in the bold Table Row Heading style). A callout's one-cell box is a layout table: no headers.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../../../src/compose/compose-document.js';
import { loadIepFile } from '../../../src/validate/load-iep.js';
import type { Language } from '../../../src/model/languages.js';
import { renderDocx } from '../../../src/render/docx/render-docx.js';
import { part, renderParts, tableRows, unzipParts } from './helpers.js';

const EXAMPLES = new URL('../../../examples/', import.meta.url);
const examples = readdirSync(EXAMPLES).filter((name) => name.endsWith('.iep.yaml'));
const COPIES = [
  { layout: 'official', profile: 'ny' },
  { layout: 'official', profile: 'federal' },
  { layout: 'family', profile: 'ny' },
] as const;

/** Every table of a document body, nested ones (inside callouts) included, each as its XML. */
function tablesOf(xml: string): string[] {
  const tables: string[] = [];
  const open = /<w:tbl>|<\/w:tbl>/g;
  const starts: number[] = [];
  for (const match of xml.matchAll(open)) {
    if (match[0] === '<w:tbl>') starts.push(match.index!);
    else tables.push(xml.slice(starts.pop()!, match.index! + match[0].length));
  }
  return tables;
}

/** The table's own rows (not those of a table nested in one of its cells). */
function ownRows(table: string): string[] {
  const inner = table.slice('<w:tbl>'.length, -'</w:tbl>'.length);
  let flat = inner;
  for (const nested of tablesOf(inner)) flat = flat.replace(nested, '');
  return flat.match(/<w:tr\b[\s\S]*?<\/w:tr>/g) ?? [];
}

type Kind = 'header row' | 'first column' | 'layout' | 'none';

function kindOf(table: string): Kind {
  const rows = ownRows(table);
  const tblPr = /^<w:tbl><w:tblPr>[\s\S]*?<\/w:tblPr>/.exec(table)?.[0] ?? '';
  const cells = rows.reduce((sum, row) => sum + (row.match(/<w:tc>/g)?.length ?? 0), 0);
  if (rows[0]?.includes('<w:tblHeader/>') && /<w:tblLook [^>]*w:firstRow="(?:1|true)"/.test(tblPr)) return 'header row';
  if (/<w:tblLook [^>]*w:firstColumn="(?:1|true)"/.test(tblPr)) {
    // Every row's first cell is a bold label.
    return rows.every((row) => /^<w:tr\b[\s\S]*?<w:tc>[\s\S]*?<w:pStyle w:val="TableRowHeading"\/>/.test(row)) ? 'first column' : 'none';
  }
  return rows.length === 1 && cells === 1 ? 'layout' : 'none';
}

describe('every table of the official, federal and family DOCX says where its headers are', () => {
  for (const file of examples) {
    for (const { layout, profile } of COPIES) {
      for (const lang of ['en', 'ur', 'bn'] as Language[]) {
        it(`${file} ${layout} ${profile} ${lang}`, async () => {
          const { iep } = await loadIepFile(new URL(file, EXAMPLES).pathname);
          const { document } = composeDocument(iep!, { layout, profile, lang });
          const xml = part(await unzipParts(await renderDocx(document!)), 'word/document.xml');
          const kinds = tablesOf(xml).map(kindOf);
          expect(kinds.length).toBeGreaterThan(0);
          expect(kinds.filter((kind) => kind === 'none'), kinds.join()).toEqual([]);
          if (layout === 'official') expect(kinds).toContain('first column'); // the identifying block
        });
      }
    }
  }
});

describe('a table of labels and values', async () => {
  const parts = await renderParts('|  |  |\n| --- | --- |\n| Student name | Maya |\n| Grade | 3 |\n');
  const xml = part(parts, 'word/document.xml');

  it('has no header row, and its look names the first column as headers', () => {
    expect(xml).not.toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:tblLook [^>]*w:firstColumn="(?:1|true)"/);
    expect(xml).toMatch(/<w:tblLook [^>]*w:firstRow="(?:0|false)"/);
  });

  it('sets each label in the bold Table Row Heading style, and the values as table text', () => {
    for (const row of tableRows(xml)) {
      const [label, value] = row.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!;
      expect(label).toContain('<w:pStyle w:val="TableRowHeading"/>');
      expect(value).toContain('<w:pStyle w:val="TableText"/>');
    }
    const style = /<w:style [^>]*w:styleId="TableRowHeading"[\s\S]*?<\/w:style>/.exec(part(parts, 'word/styles.xml'))?.[0] ?? '';
    expect(style).toContain('<w:basedOn w:val="TableText"/>');
    expect(style).toContain('<w:b/>');
  });
});

describe('a table with column headings', () => {
  it('repeats its first row on each page and its look names the first row, not the first column', async () => {
    const xml = part(await renderParts('| Service | How often |\n| --- | --- |\n| Speech | Twice a week |\n'), 'word/document.xml');
    expect(tableRows(xml)[0]).toContain('<w:tblHeader/>');
    expect(tableRows(xml)[1]).not.toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:tblLook [^>]*w:firstRow="(?:1|true)"/);
    expect(xml).toMatch(/<w:tblLook [^>]*w:firstColumn="(?:0|false)"/);
    expect(xml).not.toContain('TableRowHeading"/>');
  });
});
