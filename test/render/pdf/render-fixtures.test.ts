/**
 * The HTML fixtures printed by the real browser: tagged, titled, letter by default and A4 when asked, the running
 * header and "Page X of Y" on every page, a bookmark outline, and the bundled Noto fonts embedded for every script.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool, renderPdf, renderPdfWithReport } from '../../../src/render/pdf/index.js';
import {
  FIXTURE_DIR,
  FIXTURES,
  fixtureHtml,
  flattenOutline,
  letterKey,
  MARGINS,
  MM,
  pdfFonts,
  pdfInfo,
  pdfObjects,
  pdfOutline,
  pdfText,
  simpleHtml,
  structElementCount,
} from './pdf-tools.js';

let pool: BrowserPool;
beforeAll(() => {
  pool = new BrowserPool({ concurrency: 2 });
});
afterAll(async () => {
  await pool.close();
});

/** Text for comparison: no spaces (pdftotext splits Arabic and Bengali words), no bidi controls, compatibility forms folded. */
function squash(text: string): string {
  return text.normalize('NFKD').replace(/[\s\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '');
}

function headingsOf(file: string): string[] {
  const html = readFileSync(path.join(FIXTURE_DIR, file), 'utf8');
  return [...html.matchAll(/<h[1-4][^>]*>([\s\S]*?)<\/h[1-4]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
}

describe.each(Object.entries(FIXTURES))('the %s fixture', (name, fixture) => {
  let pdf: Buffer;
  let pages: number;
  beforeAll(async () => {
    pdf = await renderPdf(pool, fixtureHtml(fixture));
    pages = Number(pdfInfo(pdf).Pages);
  });

  it('is tagged, titled and letter-sized', () => {
    const info = pdfInfo(pdf);
    const title = /<title>([^<]*)<\/title>/.exec(readFileSync(path.join(FIXTURE_DIR, fixture.file), 'utf8'))![1];
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe(title);
    expect(info['Page size']).toMatch(/^612 x 792 pts/);
    expect(pages).toBeGreaterThanOrEqual(name === 'en' ? 3 : 2);
  });

  it('declares its language and has a structure tree', () => {
    const { catalog } = pdfObjects(pdf);
    expect(catalog['/Lang']).toBe(`u:${fixture.lang}`);
    expect(catalog['/StructTreeRoot']).toBeDefined();
    expect(catalog['/MarkInfo']).toMatchObject({ '/Marked': true });
  });

  it('prints the running header and the page counter on every page', () => {
    // Read the top and bottom margins only: what is there must be exactly the header and the counter.
    const header = { x: 0, y: 0, width: 612, height: MARGINS.top * MM };
    const footer = { x: 0, y: 792 - MARGINS.bottom * MM, width: 612, height: MARGINS.bottom * MM };
    const expectedHeader = [fixture.header, fixture.notice ?? ''].join(' ');
    for (let page = 1; page <= pages; page++) {
      const counter = fixture.pageCounter.replace('{pages}', String(pages)).replace('{page}', String(page));
      const top = pdfText(pdf, page, { crop: header });
      const bottom = pdfText(pdf, page, { crop: footer });
      // Right-to-left lines come out of pdftotext in visual pieces (Nastaliq even cascades letters onto their own
      // lines), so compare their letters; left-to-right ones must read exactly.
      expect(letterKey(top), `page ${page} header`).toBe(letterKey(expectedHeader));
      expect(letterKey(bottom), `page ${page} footer`).toBe(letterKey(counter));
      if (fixture.dir === 'ltr') {
        expect(squash(top)).toBe(squash(expectedHeader));
        expect(squash(bottom)).toBe(squash(counter));
      }
    }
  });

  it('has bookmarks for its headings, in reading order even when right-to-left', () => {
    const titles = flattenOutline(pdfOutline(pdf));
    expect(titles).toEqual(headingsOf(fixture.file));
  });

  it('embeds the bundled Noto fonts for its script, and nothing else', () => {
    const fonts = pdfFonts(pdf);
    for (const expected of fixture.fonts) expect(fonts.map((f) => f.name).join(' ')).toMatch(expected);
    for (const font of fonts) {
      expect(font.name).toMatch(/\+Noto/);
      expect(font.name).not.toMatch(/DejaVu|Liberation/);
      // Type 3 would mean a synthesized (fake bold) or bitmap face.
      expect(font.type).not.toMatch(/Type 3/);
    }
  });
});

describe('page chrome', () => {
  it('prints A4 when asked', async () => {
    const pdf = await renderPdf(pool, fixtureHtml(FIXTURES.en!, { size: 'a4' }), { pageSize: 'a4' });
    expect(pdfInfo(pdf)['Page size']).toMatch(/^59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
  });

  it('uses the pageSize option when the HTML names no paper size', async () => {
    expect(pdfInfo(await renderPdf(pool, simpleHtml('<p>No page rules.</p>'), { pageSize: 'a4' }))['Page size']).toMatch(/A4/);
    expect(pdfInfo(await renderPdf(pool, simpleHtml('<p>No page rules.</p>')))['Page size']).toMatch(/^612 x 792/);
  });

  it('prints the watermark on every page without adding it to the tag tree', async () => {
    const plain = await renderPdf(pool, fixtureHtml(FIXTURES.en!));
    const draft = await renderPdf(pool, fixtureHtml(FIXTURES.en!, { watermark: 'DRAFT' }));
    const pages = Number(pdfInfo(draft).Pages);
    expect(pages).toBe(Number(pdfInfo(plain).Pages));
    for (let page = 1; page <= pages; page++) expect(pdfText(draft, page, { raw: true }).replace(/\s/g, '')).toContain('DRAFT');
    expect(structElementCount(draft)).toBe(structElementCount(plain));
  });

  // Broke once: margin boxes are laid out while printing, after fonts were loaded for the body only, so a header in
  // a script the body does not use printed blank.
  it('prints a header in a script the body does not use', async () => {
    const pdf = await renderPdf(pool, fixtureHtml(FIXTURES.en!, { header: 'মায়া থম্পসন · 마야 톰슨', lang: 'en' }));
    const names = pdfFonts(pdf).map((f) => f.name).join(' ');
    expect(names).toMatch(/NotoSansBengali/);
    expect(names).toMatch(/NotoSansKR/);
    expect(squash(pdfText(pdf, 2))).toContain(squash('মায়া থম্পসন'));
  });

  it('sets title and language from the options when given', async () => {
    const result = await renderPdfWithReport(pool, simpleHtml('<h1>Heading</h1>'), { title: 'Resumen para la familia', lang: 'es' });
    expect(pdfInfo(result.pdf).Title).toBe('Resumen para la familia');
    expect(pdfObjects(result.pdf).catalog['/Lang']).toBe('u:es');
    expect(result.attempts).toBe(1);
    expect(result.blockedRequests).toEqual([]);
  });
});
