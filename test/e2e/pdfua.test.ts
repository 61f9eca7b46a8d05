/**
 * Issue 14's must-show: the independent PDF/UA checker (test/pdfua/check_pdfua.py) passes on every example x every
 * layout x every language, and reports its counts. Each document is rendered to PDF and HTML (the language and
 * order checks compare the PDF with its HTML rendition) with one browser pool, then the checker runs once over all
 * the PDFs. The table of counts is printed before anything is asserted, so a failing run still shows the state.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/model/languages.js';
import { BrowserPool } from '../../src/render/pdf/browser-pool.js';
import { renderIep } from '../../src/pipeline/render-iep.js';
import { CHECKS, checkPdfua, describeFailures, totals, totalsTable, type CheckInput, type PdfReport } from '../pdfua/check-pdfua.js';
import { describeDiagnostics, errorsOf, EXAMPLES, LAYOUT_CASES, loadExample, removeTemporary, tempDir } from './helpers.js';

const CASES = EXAMPLES.flatMap((example) =>
  LAYOUT_CASES.flatMap((layout) => LANGUAGES.map((lang) => ({ example, ...layout, lang, id: `${example}-${layout.name}-${lang}` }))),
);

let pool: BrowserPool;
let reports: PdfReport[] = [];
const renderErrors: string[] = [];

beforeAll(async () => {
  const dir = tempDir('pdfua');
  const ieps = new Map(EXAMPLES.map((name) => [name, loadExample(name)]));
  const inputs: CheckInput[] = [];
  pool = new BrowserPool({ concurrency: 2 });
  const started = performance.now();
  // Two documents at a time: the pool prints two pages at once.
  const queue = [...CASES];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      const result = await renderIep(ieps.get(c.example)!, { layout: c.layout, profile: c.profile, lang: c.lang, formats: ['pdf', 'html'], browserPool: pool });
      const pdf = result.outputs.find((o) => o.format === 'pdf')?.data;
      const html = result.outputs.find((o) => o.format === 'html')?.data;
      if (!pdf || !html || errorsOf(result.diagnostics).length > 0) {
        renderErrors.push(`${c.id}: ${describeDiagnostics(errorsOf(result.diagnostics)) || 'no PDF or HTML'}`);
        continue;
      }
      const input = { pdf: path.join(dir, `${c.id}.pdf`), html: path.join(dir, `${c.id}.html`) };
      writeFileSync(input.pdf, pdf);
      writeFileSync(input.html, html);
      inputs.push(input);
    }
  };
  await Promise.all([worker(), worker()]);
  await pool.close();
  const rendered = performance.now();
  reports = await checkPdfua(inputs);
  const checked = performance.now();
  const failing = reports.filter((r) => r.error || CHECKS.some((c) => !r.checks[c].pass)).length;
  console.log(
    `PDF/UA checker over ${reports.length} PDFs (${EXAMPLES.length} examples x ${LAYOUT_CASES.length} layouts x ${LANGUAGES.length} languages): ` +
      `${reports.length - failing} pass every check; rendering took ${Math.round((rendered - started) / 1000)} s, checking ${Math.round((checked - rendered) / 1000)} s\n` +
      totalsTable(reports),
  );
  // 176 documents, then the checker: about 7 minutes on 2 idle cores, much more on a busy machine.
}, 2_400_000);

afterAll(async () => {
  await pool?.close();
  removeTemporary();
});

describe('PDF/UA: every example x layout x language', () => {
  it('renders every document to PDF and HTML', () => {
    expect(renderErrors).toEqual([]);
    expect(reports).toHaveLength(CASES.length);
    expect(reports.filter((r) => r.error).map((r) => `${r.pdf}: ${r.error}`)).toEqual([]);
  });

  it.each(CHECKS)('%s passes on every PDF', (check) => {
    const failing = describeFailures(reports.filter((r) => r.checks[check] && !r.checks[check].pass)).filter((line) => line.includes(` ${check}: `));
    expect(failing, `${failing.length} PDFs fail ${check}:\n${failing.join('\n')}`).toEqual([]);
  });

  it('checks something for every item (no check passes vacuously over the matrix)', () => {
    const empty = totals(reports).filter((t) => t.items === 0).map((t) => t.check);
    expect(empty).toEqual([]);
  });
});
