/**
 * Issue 19's must-show for the progress layouts, with the real browser and the real DOCX writer: the family progress
 * report of Mateo (Spanish) and Amira (Arabic), and Amira's in English, render to PDF and DOCX; every chart is a PDF
 * Figure whose /Alt is the chart's trend sentence (read back by pikepdf, test/pdfua/list_figures.py) and the PDFs
 * pass the independent PDF/UA checker; every chart in the DOCX is a PNG picture whose wp:docPr descr is the same
 * sentence.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../src/model/languages.js';
import { BrowserPool } from '../../src/render/pdf/browser-pool.js';
import { renderIep } from '../../src/pipeline/render-iep.js';
import { CHECKS, checkPdfua, type PdfReport } from '../pdfua/check-pdfua.js';
import { unzipParts } from '../render/docx/helpers.js';
import { allNodes, describeDiagnostics, errorsOf, loadExample, removeTemporary, tempDir, type Example, type TreeNode } from './helpers.js';

const LIST_FIGURES = fileURLToPath(new URL('../pdfua/list_figures.py', import.meta.url));
const CASES: { example: Example; lang: Language }[] = [
  { example: 'mateo-almonte', lang: 'es' },
  { example: 'amira-saleh', lang: 'ar' },
  { example: 'amira-saleh', lang: 'en' },
];

interface Rendered {
  id: string;
  alts: string[];
  pdf: string;
  html: string;
  docx: Buffer;
}
const rendered: Rendered[] = [];
let pool: BrowserPool;

const decodeXml = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

beforeAll(async () => {
  const dir = tempDir('progress');
  pool = new BrowserPool({ concurrency: 1 });
  for (const { example, lang } of CASES) {
    const result = await renderIep(loadExample(example), { layout: 'progress', lang, formats: ['pdf', 'docx', 'html'], browserPool: pool });
    expect(describeDiagnostics(errorsOf(result.diagnostics))).toBe('');
    const id = `${example}-${lang}`;
    const file = (format: string) => result.outputs.find((o) => o.format === format)!.data;
    const alts = allNodes(result.document!.body as TreeNode)
      .filter((n) => n.type === 'leafDirective' && n.name === 'chart')
      .map((n) => (n.attributes as Record<string, string>).alt!);
    const pdf = path.join(dir, `${id}.pdf`);
    const html = path.join(dir, `${id}.html`);
    writeFileSync(pdf, file('pdf'));
    writeFileSync(html, file('html'));
    rendered.push({ id, alts, pdf, html, docx: file('docx') });
  }
  await pool.close();
}, 600_000);

afterAll(async () => {
  await pool?.close();
  removeTemporary();
});

describe('progress report charts', () => {
  it('has a chart for every goal with a measure in each copy', () => {
    for (const r of rendered) expect(r.alts.length, r.id).toBeGreaterThanOrEqual(5);
  });

  it('tags every chart in the PDF as a Figure with the trend sentence as /Alt, and no Figure without /Alt', () => {
    const out = execFileSync('/usr/bin/python3', [LIST_FIGURES, ...rendered.map((r) => r.pdf)], { encoding: 'utf8' });
    const lists = out.trim().split('\n').map((line) => JSON.parse(line) as { figures: { alt: string | null }[] });
    rendered.forEach((r, i) => {
      const figures = lists[i]!.figures;
      expect(figures.filter((f) => !f.alt), r.id).toEqual([]);
      // The figure and the SVG inside it (role img) are both tagged Figure with the same /Alt.
      expect(new Set(figures.map((f) => f.alt)), r.id).toEqual(new Set(r.alts));
      for (const alt of r.alts) expect(figures.filter((f) => f.alt === alt).length, `${r.id}: ${alt}`).toBeGreaterThanOrEqual(1);
    });
  });

  it('passes the independent PDF/UA checker', async () => {
    const reports: PdfReport[] = await checkPdfua(rendered.map((r) => ({ pdf: r.pdf, html: r.html })));
    const failing = reports.flatMap((report) => CHECKS.filter((c) => !report.checks[c].pass).map((c) => `${report.pdf}: ${c} ${JSON.stringify(report.checks[c].failures)}`));
    expect(failing).toEqual([]);
  });

  it('puts every chart in the DOCX as a PNG picture whose descr is the trend sentence', async () => {
    for (const r of rendered) {
      const parts = await unzipParts(r.docx);
      const document = parts.get('word/document.xml')!;
      const descr = [...document.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => decodeXml(m[1]!));
      expect(descr, r.id).toEqual(r.alts);
      expect((document.match(/<pic:pic\b/g) ?? []).length, r.id).toBe(r.alts.length);
      const media = [...parts.keys()].filter((p) => p.startsWith('word/media/'));
      expect(media.length, r.id).toBe(r.alts.length);
      expect(media.every((p) => p.endsWith('.png')), r.id).toBe(true);
    }
  });

  it('writes the trend sentence in the copy\'s language', () => {
    const byId = new Map(rendered.map((r) => [r.id, r.alts]));
    expect(byId.get('mateo-almonte-es')![0]).toBe('De 2 de 5 en abril a 4 de 5 en noviembre; la meta es 4 de 5.');
    expect(byId.get('amira-saleh-ar')![1]).toBe('من 1 من 5 في مايو إلى 3 من 5 في أكتوبر؛ والهدف 4 من 5.');
    expect(byId.get('amira-saleh-en')![1]).toBe('From 1 of 5 in May to 3 of 5 in October; the goal is 4 of 5.');
  });
});
