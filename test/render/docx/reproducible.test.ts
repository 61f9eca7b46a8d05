import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderDocx } from '../../../src/render/docx/render-docx.js';
import { readZip, writeZip } from '../../../src/render/docx/zip.js';
import { makeReproducible } from '../../../src/render/docx/reproducible.js';
import { arabicMeta, testMeta, tree, unzipParts } from './helpers.js';
import JSZip from 'jszip';
import { composeDocument } from '../../../src/compose/compose-document.js';
import { loadIep } from '../../../src/validate/load-iep.js';
import { loadExample } from '../../e2e/helpers.js';

const ALL_FEATURES = readFileSync(new URL('../../fixtures/tree/all-features.md', import.meta.url), 'utf8');

describe('reproducible output', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives byte-identical DOCX for the same tree at different wall-clock times', async () => {
    const doc = tree(ALL_FEATURES, testMeta({ watermark: 'DRAFT', notice: 'Notice.' }));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T08:00:00Z'));
    const first = await renderDocx(doc);
    vi.setSystemTime(new Date('2031-06-15T17:31:07Z'));
    const second = await renderDocx(doc);
    vi.useRealTimers();
    const third = await renderDocx(doc);
    expect(second.equals(first)).toBe(true);
    expect(third.equals(first)).toBe(true);
  });

  it('gives byte-identical Arabic DOCX too', async () => {
    const doc = tree(ALL_FEATURES, arabicMeta());
    const first = await renderDocx(doc);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await renderDocx(doc)).equals(first)).toBe(true);
  });

  it('dates every zip entry and the core properties at meta.created', async () => {
    const created = new Date('2026-09-01T12:00:00Z');
    const docx = await renderDocx(tree('Text.\n', testMeta({ created })));
    const zip = await JSZip.loadAsync(docx);
    for (const file of Object.values(zip.files)) {
      // JSZip reads the DOS date as local time.
      const date = file.date;
      const utc = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
      expect(utc.toISOString(), file.name).toBe('2026-09-01T12:00:00.000Z');
    }
    const core = (await unzipParts(docx)).get('docProps/core.xml') ?? '';
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-09-01T12:00:00Z</dcterms:created>');
  });

  it('numbers bookmarks from 1 in every document, however many the process rendered before', async () => {
    const doc = tree(':strength[A]{#a} :strength[B]{#b}\n');
    await renderDocx(doc);
    const parts = await unzipParts(await renderDocx(doc));
    const ids = [...(parts.get('word/document.xml') ?? '').matchAll(/<w:bookmarkStart [^>]*w:id="(\d+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['1', '2']);
  });

  it('numbers drawings from 1 in every document, however many the process rendered before', async () => {
    // A progress report holds a chart (a drawing); the library's drawing ids count across the process.
    const body = composeDocument(loadExample('amira-saleh'), { layout: 'progress', lang: 'en' }).document!;
    const first = await renderDocx(body);
    await renderDocx(body);
    const again = await renderDocx(body);
    const ids = [...((await unzipParts(again)).get('word/document.xml') ?? '').matchAll(/<wp:docPr [^>]*?id="(\d+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(ids.map((_, i) => String(i + 1)));
    expect(again.equals(first)).toBe(true);
  });

  it("numbers a redline's tracked changes after the bookmarks, the same in every document", async () => {
    // The changes were numbered after the library's process-wide bookmark ids, before the bookmarks were numbered
    // from 1: a second render of the same redline had other ids, and other bytes.
    const redline = loadIep(readFileSync(new URL('../../../examples/amendments/mateo-almonte-v2.iep.yaml', import.meta.url))).iep!;
    const body = composeDocument(redline, { layout: 'official', lang: 'en', base: loadExample('mateo-almonte'), redline: true }).document!;
    const first = await renderDocx(body);
    const again = await renderDocx(body);
    expect(again.equals(first)).toBe(true);
    const xml = (await unzipParts(again)).get('word/document.xml') ?? '';
    const bookmarks = [...xml.matchAll(/<w:bookmarkStart [^>]*?w:id="(\d+)"/g)].map((m) => Number(m[1]));
    const changes = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(bookmarks.length).toBeGreaterThan(0);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes).toEqual(changes.map((_, i) => bookmarks.length + i + 1));
  });
});

describe('relationship ids', () => {
  it('names a hyperlink\'s random relationship id in order, the same in the .rels part and the document', async () => {
    const doc = tree('See [the guide](https://example.org/guide) and [the form](https://example.org/form).');
    const first = await renderDocx(doc);
    expect((await renderDocx(doc)).equals(first)).toBe(true);
    const parts = await unzipParts(first);
    const rels = parts.get('word/_rels/document.xml.rels')!;
    const ids = [...rels.matchAll(/Id="([^"]+)"[^>]*Target="https:\/\/example\.org\/(\w+)"/g)].map((m) => [m[1], m[2]]);
    expect(ids).toEqual([
      ['rIdX1', 'guide'],
      ['rIdX2', 'form'],
    ]);
    const document = parts.get('word/document.xml')!;
    expect([...document.matchAll(/<w:hyperlink\b[^>]*r:id="([^"]+)"/g)].map((m) => m[1])).toEqual(['rIdX1', 'rIdX2']);
  });

  it('renames every use of an id, also after an empty attribute, and nothing that only contains it', () => {
    const parts = new Map([
      ['word/_rels/document.xml.rels', '<Relationships><Relationship Id="rId1" Target="a"/><Relationship Id="Xy_z-9" Target="b"/></Relationships>'],
      ['word/document.xml', '<w:p><w:hyperlink w:tooltip="" r:id="Xy_z-9"/><w:t w:x="Xy_z-90"/><w:hyperlink r:id="Xy_z-9"/></w:p>'],
    ]);
    makeReproducible(parts);
    expect(parts.get('word/_rels/document.xml.rels')).toBe('<Relationships><Relationship Id="rId1" Target="a"/><Relationship Id="rIdX1" Target="b"/></Relationships>');
    expect(parts.get('word/document.xml')).toBe('<w:p><w:hyperlink w:tooltip="" r:id="rIdX1"/><w:t w:x="Xy_z-90"/><w:hyperlink r:id="rIdX1"/></w:p>');
  });
});

describe('zip', () => {
  it('reads back what it writes, in order', () => {
    const entries = [
      { path: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { path: 'word/document.xml', data: Buffer.from('<w:document>é</w:document>'.repeat(100)) },
      { path: 'empty.bin', data: Buffer.alloc(0) },
    ];
    const zip = writeZip(entries, new Date('2026-09-01T12:00:00Z'));
    expect(readZip(zip)).toEqual(entries);
  });

  it('opens with another zip reader (JSZip)', async () => {
    const zip = writeZip([{ path: 'a/b.txt', data: Buffer.from('hello') }], new Date('2026-01-01T00:00:00Z'));
    expect(await (await JSZip.loadAsync(zip)).file('a/b.txt')?.async('string')).toBe('hello');
  });
});
