/**
 * The post-print stage on a real Chromium print, read back with qpdf's JSON (not with our own reader), and the
 * pages rendered before and after to prove that not one pixel changed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserArgs, findBrowser } from '../../../../src/render/pdf/index.js';
import { makePdfAccessible, makePdfAccessibleInTurns } from '../../../../src/render/pdf/post-print/make-pdf-accessible.js';
import { COLLECT_TEXT_RUNS, type TextRun } from '../../../../src/render/pdf/post-print/text-runs.js';

const ARABIC = 'نقاط القوة لدى الطالبة';
const HTML = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>عنوان المستند</title>
<style>@page { size: letter; margin: 20mm; @top-center { content: "رأس الصفحة"; } @bottom-center { content: counter(page); } }
body { font-family: 'DejaVu Sans', sans-serif; } .note { background: #fff3c4; border-bottom: 1px dotted #999; }</style></head>
<body><h1>${ARABIC}</h1>
<p>تحب <strong>القراءة</strong> مع <span class="note"><bdi lang="en" dir="ltr">her younger brother</bdi></span> كل يوم.</p>
<ul><li>البند الأول</li><li>البند الثاني</li></ul>
<aside><p>ملاحظة جانبية</p></aside>
<p><a href="https://www.nysed.gov/special-education">موقع الولاية</a></p>
</body></html>`;

interface QpdfObjects {
  [key: string]: { value?: unknown; stream?: { dict: Record<string, unknown> } };
}

let browser: Browser;
let tmp: string;
let raw: Buffer;
let runs: TextRun[];
beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'iepkit-postprint-'));
  const found = findBrowser();
  if (!found.found) throw new Error('no browser: ' + JSON.stringify(found));
  browser = await puppeteer.launch({ executablePath: found.executablePath, args: browserArgs(true), userDataDir: path.join(tmp, 'profile') });
  const page = await browser.newPage();
  await page.setContent(HTML, { waitUntil: 'load' });
  runs = (await page.evaluate(COLLECT_TEXT_RUNS)) as TextRun[];
  raw = Buffer.from(await page.pdf({ tagged: true, preferCSSPageSize: true, printBackground: true }));
});
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

function objects(pdf: Buffer): QpdfObjects {
  const file = path.join(tmp, `q-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=qpdf', '--json-stream-data=none', file], { encoding: 'utf8' }));
  return json.qpdf[1] as QpdfObjects;
}

function pngs(pdf: Buffer, name: string): Buffer[] {
  const dir = mkdtempSync(path.join(tmp, name));
  writeFileSync(path.join(dir, 'in.pdf'), pdf);
  execFileSync('pdftoppm', ['-png', '-r', '50', path.join(dir, 'in.pdf'), path.join(dir, 'p')]);
  return readdirSync(dir).filter((f) => f.endsWith('.png')).sort().map((f) => readFileSync(path.join(dir, f)));
}

/** qpdf writes text strings as "u:..." and names as "/...". */
const text = (v: unknown) => (typeof v === 'string' ? v.replace(/^u:/, '') : undefined);

describe('the post-print stage on a Chromium print', () => {
  it('adds what PDF/UA asks for and changes nothing on the page', () => {
    const { pdf, report } = makePdfAccessible(raw, { title: 'عنوان المستند', lang: 'ar', runs });
    expect(report.applied).toBe(true);
    const file = path.join(tmp, 'accessible.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    expect(pdf.subarray(0, 8).toString()).toBe('%PDF-1.7');

    const objs = objects(pdf);
    const values = Object.values(objs).map((o) => (o.value ?? o.stream?.dict) as Record<string, unknown>);
    const catalog = values.find((v) => v?.['/Type'] === '/Catalog')!;
    expect(catalog['/MarkInfo']).toEqual({ '/Marked': true });
    expect((catalog['/ViewerPreferences'] as Record<string, unknown>)['/DisplayDocTitle']).toBe(true);
    const metadata = execFileSync('qpdf', ['--show-object=' + String(catalog['/Metadata']).replace(' 0 R', ''), '--raw-stream-data', file]).toString('utf8');
    expect(metadata).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(metadata).toContain('<rdf:li xml:lang="x-default">عنوان المستند</rdf:li>');

    const elements = values.filter((v) => v?.['/Type'] === '/StructElem');
    const byRef = new Map(Object.entries(objs).map(([k, o]) => [k.replace(/^obj:/, ''), (o.value ?? o.stream?.dict) as Record<string, unknown>]));
    const kids = (e: Record<string, unknown>) => ([] as unknown[]).concat(e['/K'] ?? []).filter((k): k is string => typeof k === 'string').map((k) => byRef.get(k)!);
    // LBody after the label in each list item.
    const items = elements.filter((e) => e['/S'] === '/LI');
    expect(items).toHaveLength(2);
    for (const item of items) expect(kids(item).map((k) => k['/S'])).toEqual(['/Lbl', '/LBody']);
    // Strong and Aside are mapped to PDF 1.7 types.
    const root = values.find((v) => v?.['/Type'] === '/StructTreeRoot')!;
    expect(root['/RoleMap']).toMatchObject({ '/Strong': '/Span', '/Aside': '/Sect' });
    // The English passage carries its language; the Arabic heading reads in logical order.
    expect(elements.some((e) => e['/Lang'] === 'u:en' && text(e['/ActualText']) === undefined)).toBe(true);
    const heading = elements.find((e) => e['/S'] === '/H1')!;
    const headingText = kids(heading).map((k) => text(k['/ActualText'])).join('');
    expect(headingText).toBe(ARABIC);
    // The link says where it goes.
    const link = values.find((v) => v?.['/Subtype'] === '/Link')!;
    expect(text(link['/Contents'])).toBe('موقع الولاية');

    // Not one pixel changed.
    const before = pngs(raw, 'before');
    const after = pngs(pdf, 'after');
    expect(after.length).toBe(before.length);
    after.forEach((png, i) => expect(png.equals(before[i]!), `page ${i + 1}`).toBe(true));
  });

  it('wraps the running header and page counter as artifacts and leaves no painting untagged', () => {
    const { pdf, report } = makePdfAccessible(raw, { title: 't', lang: 'ar', runs });
    expect(report.artifacts).toBeGreaterThan(0);
    const file = path.join(tmp, 'qdf.pdf');
    writeFileSync(path.join(tmp, 'in.pdf'), pdf);
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', path.join(tmp, 'in.pdf'), file]);
    const content = readFileSync(file).toString('latin1');
    const rawContent = (() => {
      writeFileSync(path.join(tmp, 'raw.pdf'), raw);
      execFileSync('qpdf', ['--qdf', '--object-streams=disable', path.join(tmp, 'raw.pdf'), path.join(tmp, 'raw-qdf.pdf')]);
      return readFileSync(path.join(tmp, 'raw-qdf.pdf')).toString('latin1');
    })();
    expect(rawContent).not.toContain('/Artifact');
    expect(content.match(/\/Artifact BMC/g)!.length).toBe(report.artifacts);
  });

  it('returns a PDF it cannot read unchanged', () => {
    const odd = Buffer.from('%PDF-1.4\nnot really a PDF\n');
    const { pdf, report } = makePdfAccessible(odd, { title: 't', lang: 'en' });
    expect(pdf).toBe(odd);
    expect(report.applied).toBe(false);
  });
});

describe('the post-print stage in turns (renderPdf)', () => {
  it('makes the same file and report as the one-go pass, letting other work run between its steps', async () => {
    const input = { title: 'عنوان المستند', lang: 'ar', runs };
    const once = makePdfAccessible(raw, input);
    // Other work queued on the event loop: a one-go pass would let none of it run before it is done.
    let turns = 0;
    let running = true;
    const tick = () => {
      if (!running) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const inTurns = await makePdfAccessibleInTurns(raw, input);
    running = false;
    expect(inTurns.report).toEqual(once.report);
    expect(inTurns.report.applied).toBe(true);
    expect(Buffer.compare(inTurns.pdf, once.pdf)).toBe(0);
    // A turn after opening, after each page (twice over) and after three whole-document steps.
    expect(turns).toBeGreaterThanOrEqual(4);
  });

  it('returns the printed PDF unchanged when a step after the first finds what it cannot read', async () => {
    // Every stream's data spoiled (zlib's header zeroed): the file opens and its structure tree reads, and the first
    // page's content does not inflate.
    const spoiled = Buffer.from(raw);
    const source = spoiled.toString('latin1');
    let count = 0;
    for (const match of source.matchAll(/\/FlateDecode[^]*?stream\r?\n/g)) {
      const at = match.index! + match[0].length;
      spoiled[at] = 0;
      spoiled[at + 1] = 0;
      count++;
    }
    expect(count).toBeGreaterThan(0);
    const { pdf, report } = await makePdfAccessibleInTurns(spoiled, { title: 't', lang: 'ar', runs });
    expect(pdf).toBe(spoiled);
    expect(report.applied).toBe(false);
    expect(makePdfAccessible(spoiled, { title: 't', lang: 'ar', runs }).pdf).toBe(spoiled);
  });
});
