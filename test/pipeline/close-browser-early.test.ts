/**
 * A run closes its browser as soon as its last PDF is printed, before that PDF's post-print stage and the writing
 * of the files (a fresh browser keeps both cores busy for most of a second after it starts). Real Chromium: what
 * is checked is when the pool closes against how many documents it printed, and that nothing is printed after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Iep } from '../../src/model/iep.js';
import { BrowserPool } from '../../src/render/pdf/browser-pool.js';
import { pdfPageCount } from '../../src/render/pdf/page-count.js';
import { renderDocument } from '../../src/pipeline/render-document.js';
import { renderFiles } from '../../src/pipeline/render-files.js';
import { examplePath, loadExample } from '../e2e/helpers.js';

// The post-print stage counted: a copy thrown away (a shorter one is printed next) is not made accessible.
vi.mock('../../src/render/pdf/post-print/make-pdf-accessible.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/render/pdf/post-print/make-pdf-accessible.js')>();
  return { ...original, makePdfAccessibleInTurns: vi.fn(original.makePdfAccessibleInTurns) };
});
const { makePdfAccessibleInTurns } = await import('../../src/render/pdf/post-print/make-pdf-accessible.js');

const work = mkdtempSync(path.join(os.tmpdir(), 'iepkit-close-early-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Maya's record with strengths long enough that her one-page summary overflows once the layout's limits apply. */
function overflowingSummary(): Iep {
  const iep = loadExample('maya-thompson');
  for (const domain of Object.values(iep.presentLevels)) {
    if (typeof domain !== 'object' || !('strengths' in domain)) continue;
    for (const strength of domain.strengths ?? []) strength.text = `${strength.text} `.repeat(5).trim();
  }
  return iep;
}

describe('the browser is closed once the last PDF is printed', () => {
  it('a one-page summary that had to be shortened: called once, after the last of its prints, the only copy made accessible', async () => {
    const iep = overflowingSummary();
    vi.mocked(makePdfAccessibleInTurns).mockClear();
    const pool = new BrowserPool();
    const printedWhenCalled: number[] = [];
    try {
      const result = await renderDocument(iep, {
        layout: 'student',
        lang: 'en',
        formats: ['pdf'],
        browserPool: pool,
        afterLastPrint: () => printedWhenCalled.push(pool.stats.documents),
      });
      const pdf = result.outputs.find((o) => o.format === 'pdf');
      expect(pdf, JSON.stringify(result.diagnostics)).toBeDefined();
      expect(pdfPageCount(pdf!.data)).toBe(1);
      // The first print ran over one page, so the summary was shortened and printed again.
      expect(pool.stats.documents).toBeGreaterThan(1);
      // Once, and nothing printed after it: the copy kept is the last one printed.
      expect(printedWhenCalled).toEqual([pool.stats.documents]);
      expect(vi.mocked(makePdfAccessibleInTurns)).toHaveBeenCalledTimes(1);
      // The copy kept is the accessible one: PDF/UA's identifier in its metadata.
      expect(pdf!.data.toString('latin1')).toContain('pdfuaid:part');
      // A pool the caller gave is the caller's to close.
      expect(pool.closed).toBe(false);
    } finally {
      await pool.close();
    }
  });

  it('iep render: the last file\'s last PDF closes the pool before it is written; earlier ones do not', async () => {
    const pool = new BrowserPool();
    const closedWhenWritten: { file: string; closed: boolean }[] = [];
    try {
      const files = [examplePath('maya-thompson'), examplePath('amira-saleh')];
      const { written, diagnostics } = await renderFiles(files, {
        outDir: path.join(work, 'render'),
        layouts: ['student', 'family'],
        langs: ['en'],
        formats: ['pdf', 'html'],
        browserPool: pool,
        closeBrowserPool: true,
        lint: false,
        onWritten: (output) => closedWhenWritten.push({ file: path.basename(output.path!), closed: pool.closed }),
      });
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(written.filter((o) => o.format === 'pdf')).toHaveLength(4);
      // Each job writes its PDF first, then its HTML: only the very last PDF and what follows it find the pool closed.
      expect(closedWhenWritten.map((w) => w.closed)).toEqual([false, false, false, false, false, false, true, true]);
      expect(closedWhenWritten[6]!.file).toMatch(/-family-en-v\d+\.pdf$/);
    } finally {
      await pool.close();
    }
  });

  it("iep render with the caller's pool and no closeBrowserPool: the pool stays open for the caller", async () => {
    const pool = new BrowserPool();
    try {
      const { written } = await renderFiles([examplePath('maya-thompson')], { outDir: path.join(work, 'kept'), layouts: ['student'], langs: ['en'], formats: ['pdf'], browserPool: pool, lint: false });
      expect(written).toHaveLength(1);
      expect(pool.closed).toBe(false);
      // Still usable: the next document prints in the same browser.
      const again = await renderFiles([examplePath('maya-thompson')], { outDir: path.join(work, 'kept-again'), layouts: ['student'], langs: ['en'], formats: ['pdf'], browserPool: pool, lint: false });
      expect(again.written).toHaveLength(1);
      expect(pool.stats.launches).toBe(1);
    } finally {
      await pool.close();
    }
  });
});
