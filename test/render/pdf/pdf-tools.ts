/**
 * Test helpers: the HTML fixtures with the page chrome inserted, and poppler/qpdf readings of a PDF
 * (pdfinfo, pdftotext per page, pdffonts, qpdf's outline and catalog).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '../../../src/model/languages.js';
import { FONT_CSS_URL, fontFaceCss, fontStack, textCss } from '../../../src/render/fonts/index.js';
import { pageChromeCss, type PageChromeOptions } from '../../../src/render/pdf/index.js';

export const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/pdf/', import.meta.url));

export interface PdfFixture {
  file: string;
  lang: Language;
  dir: 'ltr' | 'rtl';
  header: string;
  pageCounter: string;
  notice?: string;
  watermark?: string;
  /** pdffonts must list a font whose name matches each of these. */
  fonts: RegExp[];
  /** Link the full font stylesheet from the private origin instead of inlining the faces the text needs. */
  linkFonts?: boolean;
}

export const MARGINS = { top: 24, right: 18, bottom: 20, left: 18 };
export const MM = 72 / 25.4;

export const FIXTURES: Record<string, PdfFixture> = {
  en: {
    file: 'en-long.html',
    lang: 'en',
    dir: 'ltr',
    header: 'Maya Thompson · DOB 2015-03-02 · Student ID 123456789',
    notice: 'Confidential student record',
    pageCounter: 'Page {page} of {pages}',
    fonts: [/NotoSans-Regular/, /NotoSans-Bold/],
  },
  ar: {
    file: 'ar.html',
    lang: 'ar',
    dir: 'rtl',
    // An ISO date inside right-to-left text must be isolated (LRI ... PDI) or it displays as 02-03-2015.
    header: 'مايا طومسون · تاريخ الميلاد \u20662015-03-02\u2069',
    notice: 'النسخة الإنجليزية هي الوثيقة الرسمية',
    pageCounter: 'صفحة {page} من {pages}',
    watermark: 'مسودة',
    fonts: [/NotoSansArabic/],
  },
  bn: {
    file: 'bn.html',
    lang: 'bn',
    dir: 'ltr',
    header: 'মায়া থম্পসন · জন্মতারিখ 2015-03-02',
    pageCounter: 'পৃষ্ঠা {page} / {pages}',
    fonts: [/NotoSansBengali/],
  },
  'zh-Hans': {
    file: 'zh-Hans.html',
    lang: 'zh-Hans',
    dir: 'ltr',
    header: '玛雅·汤普森 · 出生日期 2015-03-02',
    pageCounter: '第 {page} 页，共 {pages} 页',
    watermark: '草稿',
    fonts: [/NotoSansSC/],
  },
  'zh-Hant': {
    file: 'zh-Hant.html',
    lang: 'zh-Hant',
    dir: 'ltr',
    header: '瑪雅·湯普森 · 出生日期 2015-03-02',
    pageCounter: '第 {page} 頁，共 {pages} 頁',
    fonts: [/NotoSansTC/],
  },
  ko: {
    file: 'ko.html',
    lang: 'ko',
    dir: 'ltr',
    header: '마야 톰슨 · 생년월일 2015-03-02',
    pageCounter: '{pages}쪽 중 {page}쪽',
    fonts: [/NotoSansKR/],
    linkFonts: true,
  },
  ur: {
    file: 'ur.html',
    lang: 'ur',
    dir: 'rtl',
    header: 'مایا تھامسن · تاریخ پیدائش \u20662015-03-02\u2069',
    pageCounter: 'صفحہ {page} از {pages}',
    fonts: [/NotoNastaliqUrdu/],
  },
};

/** The fixture's HTML with font faces, the page chrome and the language's font stack in its <head>. */
export function fixtureHtml(fixture: PdfFixture, overrides: Partial<PageChromeOptions> = {}): string {
  const source = readFileSync(path.join(FIXTURE_DIR, fixture.file), 'utf8');
  const chrome: PageChromeOptions = {
    header: fixture.header,
    pageCounter: fixture.pageCounter,
    size: 'letter',
    margins: MARGINS,
    dir: fixture.dir,
    lang: fixture.lang,
    ...(fixture.notice ? { notice: fixture.notice } : {}),
    ...(fixture.watermark ? { watermark: fixture.watermark } : {}),
    ...overrides,
  };
  const text = [source.replace(/<[^>]*>/g, ' '), chrome.header, chrome.notice, chrome.pageCounter, chrome.watermark, '0123456789'].join(' ');
  const fonts = fixture.linkFonts ? `<link rel="stylesheet" href="${FONT_CSS_URL}">` : `<style>\n${fontFaceCss({ text })}</style>`;
  const head = `${fonts}\n<style>\n${pageChromeCss(chrome)}\nbody { ${textCss(fixture.lang)} }\n</style>`;
  return source.replace(/<!-- iepkit:head[^>]*-->/, head);
}

/** Minimal HTML with the chrome CSS, for engine tests. */
export function simpleHtml(body: string, title = 'Engine test'): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>${fontFaceCss({ text: body + title })}
body { font-family: ${fontStack('en')}; }</style></head><body>${body}</body></html>`;
}

/** Runs a command on the PDF written to a temporary folder of its own, removed afterwards (nothing is left in /tmp). */
function withFile<T>(pdf: Buffer, run: (file: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'iepkit-pdf-test-'));
  const file = path.join(dir, 'document.pdf');
  try {
    writeFileSync(file, pdf);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `pdfinfo` as key -> value. */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const out = withFile(pdf, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1]!.trim()] = m[2]!.trim();
  }
  return info;
}

export interface TextOptions {
  /** Only the text inside this rectangle, in points from the top left (pdftotext -x -y -W -H at 72 dpi). */
  crop?: { x: number; y: number; width: number; height: number };
  /** Content-stream order (pdftotext -raw) instead of reading layout. */
  raw?: boolean;
}

/** `pdftotext` of one page (1-based) or of all pages. */
export function pdfText(pdf: Buffer, page?: number, options: TextOptions = {}): string {
  const args = page ? ['-f', String(page), '-l', String(page)] : [];
  if (options.raw) args.push('-raw');
  if (options.crop) {
    const { x, y, width, height } = options.crop;
    args.push('-x', String(Math.round(x)), '-y', String(Math.round(y)), '-W', String(Math.round(width)), '-H', String(Math.round(height)));
  }
  return withFile(pdf, (file) => execFileSync('pdftotext', [...args, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

/** The letters and digits of a text in sorted order: equal for a text and any reordering of it (right-to-left extraction). */
export function letterKey(text: string): string {
  return [...text.normalize('NFKD').replace(/[^\p{L}\p{N}\p{M}]/gu, '')].sort().join('');
}

/** Font names from `pdffonts`, e.g. `AAAAAA+NotoSans-Regular`, with their types. */
export function pdfFonts(pdf: Buffer): { name: string; type: string }[] {
  const out = withFile(pdf, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  return out
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const [name = '', ...rest] = line.split(/\s+/);
      return { name, type: rest.slice(0, 2).join(' ') };
    });
}

export interface OutlineItem {
  title: string;
  kids: OutlineItem[];
}

/** The bookmark tree, read by qpdf. */
export function pdfOutline(pdf: Buffer): OutlineItem[] {
  const out = withFile(pdf, (file) => execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' }));
  const strip = (items: { title: string; kids: unknown[] }[]): OutlineItem[] =>
    items.map((i) => ({ title: i.title, kids: strip(i.kids as { title: string; kids: unknown[] }[]) }));
  return strip((JSON.parse(out) as { outlines: { title: string; kids: unknown[] }[] }).outlines);
}

export function flattenOutline(items: OutlineItem[]): string[] {
  return items.flatMap((i) => [i.title, ...flattenOutline(i.kids)]);
}

/** All objects, as qpdf's JSON (v2) gives them, and the document catalog. */
export function pdfObjects(pdf: Buffer): { catalog: Record<string, unknown>; objects: Record<string, { value?: unknown }> } {
  const out = withFile(pdf, (file) => execFileSync('qpdf', ['--json', '--json-key=qpdf', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  const [, objects] = (JSON.parse(out) as { qpdf: [unknown, Record<string, { value?: unknown }>] }).qpdf;
  const trailer = objects['trailer']?.value as Record<string, string>;
  return { catalog: objects[`obj:${trailer['/Root']}`]?.value as Record<string, unknown>, objects };
}

/** Number of structure elements (tags) in a tagged PDF. */
export function structElementCount(pdf: Buffer): number {
  const { objects } = pdfObjects(pdf);
  return Object.values(objects).filter((o) => (o.value as Record<string, unknown> | undefined)?.['/Type'] === '/StructElem').length;
}

/** Process ids whose command line contains `text` (pgrep -f; never matches pgrep itself). */
export function processesWith(text: string): number[] {
  const result = spawnSync('pgrep', ['-f', text], { encoding: 'utf8' });
  return result.stdout.split('\n').filter(Boolean).map(Number);
}

/** Renders the first page of a PDF to a PNG for a person to look at; answers the PNG's path. */
export function firstPagePng(pdf: Buffer, outPrefix: string, dpi = 60): string {
  withFile(pdf, (file) => execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', file, outPrefix]));
  return `${outPrefix}-1.png`;
}
