import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool, fixOutlineTitles, readOutlineTitles, renderPdf } from '../../../src/render/pdf/index.js';
import { fontFaceCss, textCss } from '../../../src/render/fonts/index.js';
import { pdfInfo, pdfOutline, flattenOutline } from './pdf-tools.js';

let pool: BrowserPool;
let tmp: string;
beforeAll(() => {
  pool = new BrowserPool();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'iepkit-outline-'));
});
afterAll(async () => {
  await pool.close();
  rmSync(tmp, { recursive: true, force: true });
});

const HEADINGS = ['برنامج التعليم الفردي: مايا طومسون', 'نقاط القوة', 'الخدمات 2026 (ABC)', 'Services in English', 'الأهداف السنوية'];
function html(): string {
  const body = HEADINGS.map((h, i) => `<h${i === 0 ? 1 : 2}>${h}</h${i === 0 ? 1 : 2}><p>نص قصير.</p>`).join('\n');
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>عنوان</title>
<style>${fontFaceCss({ text: body })} body { ${textCss('ar')} }</style></head><body>${body}</body></html>`;
}

describe('right-to-left bookmark titles', () => {
  // Broke once: Chromium wrote Arabic and Urdu bookmark titles in visual order ("القوة نقاط").
  it('read in logical order, as the headings do', async () => {
    const pdf = await renderPdf(pool, html());
    expect(readOutlineTitles(pdf)).toEqual(HEADINGS);
    expect(flattenOutline(pdfOutline(pdf))).toEqual(HEADINGS); // qpdf agrees
    const file = path.join(tmp, 'fixed.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    expect(pdfInfo(pdf).Tagged).toBe('yes');
  });

  it('leaves a PDF alone when nothing needs fixing or the headings do not match', async () => {
    const latin = await renderPdf(pool, html().replaceAll(/<h([12])>[^<]*</g, '<h$1>Plain heading<'));
    expect(fixOutlineTitles(latin, ['Plain heading'])).toBe(latin);
    const arabic = await renderPdf(pool, html());
    expect(fixOutlineTitles(arabic, HEADINGS)).toBe(arabic); // already in logical order: nothing to append
    expect(fixOutlineTitles(Buffer.from('%PDF-1.4 not really'), HEADINGS).toString()).toBe('%PDF-1.4 not really');
  });
});
