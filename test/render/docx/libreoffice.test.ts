/**
 * Opens the DOCX the way a parent without Word would: LibreOffice converts it to PDF, and the PDF's text, pages and
 * pixels are checked. Needs `soffice` (Debian: libreoffice-writer-nogui) and poppler-utils; skipped without them
 * outside CI, failing in CI (CI installs them: scripts/ensure-system-deps.mjs).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/render/docx/render-docx.js';
import { arabicMeta, testMeta, tree } from './helpers.js';

const ALL_FEATURES = readFileSync(new URL('../../fixtures/tree/all-features.md', import.meta.url), 'utf8');
const ARABIC = readFileSync(new URL('../../fixtures/tree/all-features.ar.md', import.meta.url), 'utf8');

/** Issue 14 part 2: in a narrow date column, "November" broke as "Novembe/r" (the columns were sized by counting characters). */
const DATES = `| Assessment | Date | Results |
| --- | --- | --- |
| NYS CareerZone Interest Profiler and transition interview (Vocational assessment) | November 5, 2025 | Amira's top interest areas are Social (helping people) and Investigative (science). Careers that fit include pharmacy technician, pharmacist, nurse and medical interpreter. In her interview, she said she wants a job where she helps people and uses science every day. |
| PSAT/NMSQT (school day) (District assessment) | September 15, 2025 | Reading and Writing 540. Math 470. Her reading and writing score meets the college readiness benchmark (460). Her math score is close to the benchmark (510). |
| Psychoeducational reevaluation (WISC-V, WJ-IV, BRIEF-2, Conners 4) (Psychoeducational evaluation) | January 21, 2025 | Amira's reasoning skills are in the average range. Her verbal skills are in the high average range (standard score 114). Holding information in mind while using it took more effort (working memory, 12th percentile). So did timed tasks (processing speed, 19th percentile). Her reading and math scores are in the average range. Amira, her parents and her teachers filled out rating scales. They show that planning, organizing, starting tasks and keeping focus are her main skills to build. These results fit her ADHD diagnosis. |

| Shared | Link | Results |
| --- | --- | --- |
| Yes | https://example.org/a-very-long-address/that-is-pasted-whole/into-a-narrow-table-cell/without-any-spaces | See the report. |
`;

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const available = has('soffice') && has('pdftotext') && has('pdftoppm');
if (!available && process.env.CI) {
  throw new Error('LibreOffice (soffice) and poppler-utils are needed: apt-get install -y libreoffice-writer-nogui poppler-utils');
}

describe.skipIf(!available)('LibreOffice opens the DOCX', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iepkit-docx-'));
  const profile = `file://${join(tmpdir(), `lo-${randomUUID()}`)}`;

  beforeAll(async () => {
    writeFileSync(join(dir, 'all-features.docx'), await renderDocx(tree(ALL_FEATURES, testMeta({ watermark: 'DRAFT' }))));
    writeFileSync(join(dir, 'arabic.docx'), await renderDocx(tree(ARABIC, arabicMeta())));
    writeFileSync(join(dir, 'dates.docx'), await renderDocx(tree(DATES, testMeta())));
    // One LibreOffice start for all files; a private profile so parallel runs do not share a lock.
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, 'all-features.docx', 'arabic.docx', 'dates.docx'],
      { cwd: dir, stdio: 'pipe', timeout: 90_000 },
    );
  }, 120_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(new URL(profile), { recursive: true, force: true });
  });

  const text = (name: string) => execFileSync('pdftotext', ['-layout', join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' });
  const pages = (name: string) => (text(name).match(/\f/g) ?? []).length;

  it('keeps a month name whole in a narrow date column, while a pasted link still wraps in its cell', () => {
    const lines = text('dates').split('\n');
    expect(lines.some((line) => /\bNovember\b/.test(line))).toBe(true);
    expect(lines.some((line) => /\bSeptember\b/.test(line))).toBe(true);
    expect(lines.filter((line) => /\b(Novembe|Septembe)(\s|$)/.test(line))).toEqual([]);
    expect(pages('dates')).toBe(1);
    // The link is wider than its column can be: it wraps over lines of its cell rather than running off the page.
    expect(text('dates')).toContain('https://example.org/');
    expect(lines.some((line) => line.includes('without-any-spaces') && line.includes('https://'))).toBe(false);
  });

  it('converts both documents to PDF', () => {
    expect(existsSync(join(dir, 'all-features.pdf'))).toBe(true);
    expect(existsSync(join(dir, 'arabic.pdf'))).toBe(true);
  });

  it('shows the content of the all-features document on two pages (the page break), with "Page X of Y"', () => {
    const content = text('all-features');
    expect(pages('all-features')).toBe(2);
    for (const expected of [
      'Individualized Education Program',
      'Maya retells stories in order.',
      'Therapy room',
      'Builds on: Maya retells stories in order',
      '\u2612 Eligible for 12-month services',
      'The English version is the legal document.',
      'General education',
      'English text here',
      'Maya Thompson · Date of birth 2015-03-14 · ID 123456',
      'Page 1 of 2',
      'Page 2 of 2',
    ]) {
      expect(content).toContain(expected);
    }
    // The signatures table starts the second page.
    expect(content.split('\f')[1]).toContain('Ana Lopez');
  });

  it('draws the watermark behind the text: light grey pixels in the empty lower half of page 1', () => {
    const { width, height, pixels } = renderPage(join(dir, 'all-features.pdf'), 1);
    let light = 0;
    let dark = 0;
    for (let y = Math.floor(height * 0.55); y < Math.floor(height * 0.8); y++) {
      for (let x = Math.floor(width * 0.15); x < Math.floor(width * 0.5); x++) {
        const i = (y * width + x) * 3;
        const [r, g, b] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
        if (r > 180 && r < 245 && g > 180 && b > 180) light++;
        if (r < 120) dark++;
      }
    }
    expect(light).toBeGreaterThan(200);
    expect(dark).toBe(0);
  });

  it('shows the Arabic document right-aligned: the title ends at the right margin', () => {
    const words = wordBoxes(join(dir, 'arabic.pdf'));
    const pageWidth = 612; // Letter, points
    const rightMargin = pageWidth - (18 / 25.4) * 72;
    // pdftotext -bbox gives right-to-left words in visual order (letters reversed): accept either. The title's first
    // word: with the embedded Noto Sans Arabic, pdftotext splits some words at glyph gaps ("الف ردي").
    const title = words.filter((w) => w.text.includes('برنامج') || Array.from(w.text).reverse().join('').includes('برنامج'));
    expect(title.length).toBeGreaterThan(0);
    // The first-page title (the largest "برنامج") is a line that ends at the right margin and starts past the middle.
    const biggest = title.reduce((a, b) => (b.yMax - b.yMin > a.yMax - a.yMin ? b : a));
    const line = words.filter((w) => Math.abs(w.yMin - biggest.yMin) < 1);
    expect(Math.max(...line.map((w) => w.xMax))).toBeGreaterThan(rightMargin - 6);
    expect(Math.min(...line.map((w) => w.xMin))).toBeGreaterThan(pageWidth / 2 - 50);
    expect(pages('arabic')).toBe(2);
    expect(text('arabic')).toContain('تومسون');
  });
});

/** A page as raw RGB pixels (pdftoppm's PPM output at 40 dpi). */
function renderPage(pdf: string, page: number): { width: number; height: number; pixels: Buffer } {
  const ppm = execFileSync('pdftoppm', ['-r', '40', '-f', String(page), '-l', String(page), pdf], { maxBuffer: 64 << 20 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not give a PPM image');
  return { width: Number(header[1]), height: Number(header[2]), pixels: ppm.subarray(header[0].length) };
}

/** Words with their boxes on page 1 (pdftotext -bbox). */
function wordBoxes(pdf: string): { text: string; xMin: number; xMax: number; yMin: number; yMax: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
    (m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]! }),
  );
}
