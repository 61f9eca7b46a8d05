/**
 * The letter about an amendment's changes from the command line, with the real browser, poppler and the DOCX writer:
 * `iep render NEW --layout changes --base OLD --lang xx` for Mateo (Spanish) and Amira (Arabic) writes a PDF of one
 * or two pages and a DOCX, both naming the new frequency in the family's language and nothing in English that the
 * record has translated; without --base it is a usage error (base-required); `--layout all` makes it only with
 * --base.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIep } from '../helpers/run-iep.js';
import { docxParts, docxText, part, squash, tempDir } from './helpers.js';

const out = tempDir('changes-letter');
afterAll(() => rmSync(out, { recursive: true, force: true }));

const CASES = [
  {
    name: 'Mateo, in Spanish',
    args: ['examples/amendments/mateo-almonte-v2.iep.yaml', '--base', 'examples/mateo-almonte.iep.yaml', '--lang', 'es'],
    file: '231876045-changes-es-v2',
    frequency: 'Terapia del habla: ahora 2 veces por semana, 30 minutos cada vez (antes: una vez por semana)',
    english: ['Speech', 'Not yet translated', 'What changes'],
  },
  {
    name: 'Amira, in Arabic',
    args: ['examples/amendments/amira-saleh-v2.iep.yaml', '--base', 'examples/amira-saleh.iep.yaml', '--lang', 'ar'],
    file: '226104983-changes-ar-v2',
    frequency: 'الإرشاد: الآن مرتين في الأسبوع',
    english: ['Counseling', 'Not yet translated', 'What changes', 'Noise-reducing'],
  },
];

const pdfText = (file: string) => squash(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
// pdftotext breaks Arabic words apart at joining letters and adds direction marks: compare without spaces and marks.
const compact = (text: string) => text.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

describe.each(CASES)('the changes letter: $name', ({ args, file, frequency, english }) => {
  const dir = path.join(out, file);
  beforeAll(async () => {
    const run = await runIep(['render', ...args, '--layout', 'changes', '--format', 'pdf,docx', '--out', dir]);
    expect(run.stderr).not.toMatch(/\berror\b/);
    expect(run.code).toBe(0);
  }, 300_000);

  it('writes <id>-changes-<lang>-v2 as PDF and DOCX', () => {
    expect(readdirSync(dir).sort()).toEqual([`${file}.docx`, `${file}.pdf`]);
  });

  it('is one or two pages', () => {
    expect(pages(path.join(dir, `${file}.pdf`))).toBeGreaterThanOrEqual(1);
    expect(pages(path.join(dir, `${file}.pdf`))).toBeLessThanOrEqual(2);
  });

  it('names the new frequency in the family\'s language, in the PDF and the DOCX, with no English left', async () => {
    const pdf = pdfText(path.join(dir, `${file}.pdf`));
    const docx = squash(docxText(part(await docxParts(readFileSync(path.join(dir, `${file}.docx`))), 'word/document.xml')));
    for (const text of [pdf, docx]) {
      expect(compact(text)).toContain(compact(frequency));
      for (const word of english) expect(text).not.toContain(word);
    }
  });
});

describe('iep render --layout changes, from the command line', () => {
  it('without --base: base-required, a usage error (exit 2) with the hint, nothing written', async () => {
    const dir = path.join(out, 'no-base');
    const run = await runIep(['render', 'examples/amendments/mateo-almonte-v2.iep.yaml', '--layout', 'changes', '--lang', 'es', '--format', 'html', '--out', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('base-required');
    expect(run.stderr).toContain('--layout changes --base OLD');
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('--layout all makes the letter only when --base names the earlier version', async () => {
    const withBase = path.join(out, 'all-base');
    const run = await runIep(['render', 'examples/amendments/mateo-almonte-v2.iep.yaml', '--base', 'examples/mateo-almonte.iep.yaml', '--layout', 'all', '--lang', 'es', '--format', 'html', '--out', withBase]);
    expect(run.stderr).not.toMatch(/\berror\b/);
    expect(run.code).toBe(0);
    expect(readdirSync(withBase)).toContain('231876045-changes-es-v2.html');
    const without = path.join(out, 'all-no-base');
    const plain = await runIep(['render', 'examples/amendments/mateo-almonte-v2.iep.yaml', '--layout', 'all', '--lang', 'es', '--format', 'html', '--out', without]);
    expect(plain.code).toBe(0);
    expect(readdirSync(without)).toContain('231876045-family-es-v2.html');
    expect(readdirSync(without).filter((f) => f.includes('changes'))).toEqual([]);
  }, 300_000);
});
