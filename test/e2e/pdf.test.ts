/**
 * What every PDF promises, for every bundled example in every layout: tagged (a structure tree for screen
 * readers), a bookmark outline that is the document's heading tree, "Page X of N" and the student's name on every
 * page, the title in the metadata; the student summary on exactly one page; a DRAFT watermark on every page of a
 * draft (mateo-almonte) and on no page of a final IEP.
 *
 * One browser pool for the file; each example x layout is printed once and the buffers are shared by the tests.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Iep } from '../../src/model/iep.js';
import { BrowserPool } from '../../src/render/pdf/browser-pool.js';
import { renderIep, type RenderResult } from '../../src/pipeline/render-iep.js';
import {
  describeDiagnostics,
  errorsOf,
  EXAMPLES,
  LAYOUT_CASES,
  loadExample,
  pageCount,
  pagePixels,
  pdfInfo,
  pdfObjects,
  pdfPageText,
  pdfFile,
  removeTemporary,
  ROOT,
  squash,
  treeHeadings,
  type TreeNode,
} from './helpers.js';

const CASES = EXAMPLES.flatMap((example) => LAYOUT_CASES.map((layout) => ({ example, ...layout, id: `${example}-${layout.name}` })));
const COMMON = JSON.parse(readFileSync(path.join(ROOT, 'locales/en/common.json'), 'utf8')) as { draft: string };

let pool: BrowserPool;
const results = new Map<string, { result: RenderResult; pdf: Buffer; iep: Iep; pages: number; text: string[] }>();

beforeAll(async () => {
  pool = new BrowserPool();
  for (const c of CASES) {
    const iep = loadExample(c.example);
    const result = await renderIep(iep, { layout: c.layout, profile: c.profile, lang: 'en', formats: ['pdf'], browserPool: pool });
    const pdf = result.outputs.find((o) => o.format === 'pdf')?.data;
    if (!pdf) throw new Error(`${c.id} gave no PDF:\n${describeDiagnostics(result.diagnostics)}`);
    const pages = pageCount(pdf);
    results.set(c.id, { result, pdf, iep, pages, text: Array.from({ length: pages }, (_, i) => squash(pdfPageText(pdf, i + 1))) });
  }
}, 300_000);

afterAll(async () => {
  await pool?.close();
  removeTemporary();
});

const get = (id: string) => results.get(id)!;

interface OutlineItem {
  title: string;
  kids: OutlineItem[];
}

/** The bookmarks, depth first, with their nesting depth (0 for the top level), as qpdf reads them. */
function outlineOf(pdf: Buffer): { title: string; depth: number }[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', pdfFile(pdf)], { encoding: 'utf8' })) as { outlines: OutlineItem[] };
  const flatten = (items: OutlineItem[], depth: number): { title: string; depth: number }[] =>
    items.flatMap((i) => [{ title: i.title, depth }, ...flatten(i.kids, depth + 1)]);
  return flatten(json.outlines, 0);
}

/** Where headings of these levels nest in an outline: under the nearest earlier heading of a higher level. */
function nesting(levels: number[]): number[] {
  const open: number[] = [];
  return levels.map((level) => {
    while (open.length > 0 && open.at(-1)! >= level) open.pop();
    open.push(level);
    return open.length - 1;
  });
}


/** Words printed at watermark size (taller than 100 pt) on a page, left to right. */
function giantWords(pdf: Buffer, page: number): { text: string; x: number; y: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdfFile(pdf), '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]! }))
    .filter((w) => w.yMax - w.yMin > 100)
    .sort((a, b) => a.xMin - b.xMin)
    .map((w) => ({ text: w.text, x: (w.xMin + w.xMax) / 2, y: (w.yMin + w.yMax) / 2 }));
}

/** Pixels of the watermark's tint (rgba(190, 30, 30, 0.12) over white is about rgb(247, 227, 227)) on a page. */
function tintedPixels(pdf: Buffer, page: number): number {
  const { width, height, pixels } = pagePixels(pdf, page, 30);
  let count = 0;
  for (let i = 0; i < width * height; i++) {
    const r = pixels[i * 3]!;
    const g = pixels[i * 3 + 1]!;
    const b = pixels[i * 3 + 2]!;
    if (r >= 200 && r - g >= 14 && r - b >= 14 && Math.abs(g - b) <= 8) count++;
  }
  return count;
}

describe.each(CASES)('the PDF of $example in the $name layout', ({ id, layout }) => {
  it('renders without error diagnostics', () => {
    expect(errorsOf(get(id).result.diagnostics)).toEqual([]);
  });

  it('is tagged, with a structure tree and the document language', () => {
    const { pdf } = get(id);
    expect(pdfInfo(pdf)['Tagged']).toBe('yes');
    const { catalog } = pdfObjects(pdf);
    expect(catalog['/StructTreeRoot']).toBeDefined();
    expect(catalog['/Lang']).toBe('u:en');
  });

  it('has an outline with one bookmark per heading, in order and nested as the headings are', () => {
    const { pdf, result } = get(id);
    const { catalog, objects } = pdfObjects(pdf);
    const outlines = objects[`obj:${catalog['/Outlines'] as string}`]?.value as Record<string, unknown> | undefined;
    expect(outlines?.['/First'], '/Outlines with a /First entry').toBeDefined();
    const bookmarks = outlineOf(pdf);
    const headings = treeHeadings(result.document!.body as TreeNode);
    expect(bookmarks.map((b) => b.depth)).toEqual(nesting(headings.map((h) => h.depth)));
    // Each title is exactly its heading. Chromium 156 builds titles from the painted lines: a heading that wraps
    // lost the space at the break ("assistivetechnology at home") and one that `break-after: avoid` pushed to the
    // next page was written twice ("Parent concernsParent concerns"); fixOutlineTitles repairs them.
    expect(bookmarks.map((b) => squash(b.title))).toEqual(headings.map((h) => h.text));
  });

  it('says "Page X of N" and the student\'s name on every page', () => {
    const { pages, text, iep } = get(id);
    const name = `${iep.student.firstName} ${iep.student.lastName}`;
    expect(pages).toBeGreaterThan(0);
    text.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages}`);
      expect(page, `page ${i + 1}`).toContain(name);
    });
    expect(text[0]).toContain(`Page 1 of ${pages}`);
  });

  it('has the document title in its metadata', () => {
    const { pdf, result } = get(id);
    expect(result.document!.meta.title).toContain(get(id).iep.student.lastName);
    expect(pdfInfo(pdf)['Title']).toBe(result.document!.meta.title);
  });

  if (layout === 'student') {
    it('is exactly one page', () => {
      expect(get(id).pages).toBe(1);
    });
  }

  it('shows the DRAFT watermark on every page if and only if the IEP is a draft', () => {
    const { pdf, pages, iep } = get(id);
    const draft = iep.document.status === 'draft';
    for (let page = 1; page <= pages; page++) {
      const giant = giantWords(pdf, page);
      const tint = tintedPixels(pdf, page);
      if (draft) {
        // The letters of DRAFT, 110 pt tall, rising left to right across the middle of the page, in the watermark's red tint.
        expect(giant.map((w) => w.text).join(''), `page ${page}`).toBe(COMMON.draft);
        expect(giant.at(-1)!.y).toBeLessThan(giant[0]!.y);
        const x = giant.reduce((sum, w) => sum + w.x, 0) / giant.length;
        expect(Math.abs(x - 306), 'centred across the page').toBeLessThan(40);
        expect(tint, `red-tinted pixels on page ${page}`).toBeGreaterThan(300);
      } else {
        expect(giant, `page ${page}`).toEqual([]);
        expect(tint, `red-tinted pixels on page ${page}`).toBeLessThan(30);
      }
    }
  });
});

describe('the examples cover both sides of the watermark', () => {
  it('has a draft and a final IEP among the examples', () => {
    const statuses = new Set(EXAMPLES.map((e) => loadExample(e).document.status));
    expect(statuses).toEqual(new Set(['draft', 'final']));
  });
});
