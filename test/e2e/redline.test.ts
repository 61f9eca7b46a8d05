/**
 * `iep render NEW --layout official --redline OLD` end to end (issue 20), on the Mateo pair, through the real CLI:
 * the file names, the DOCX's Word tracked changes (w:ins / w:del with author, date and unique ids; the removed
 * accommodation's row and the new goal's paragraphs tracked whole), the same DOCX opened by LibreOffice, the PDF's
 * text with its visible labels (what a screen reader announces: Chromium tags <ins> and <del> as nothing of their
 * own, so the label is the announcement), and the independent PDF/UA checker on the English and Arabic PDFs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { unzipParts } from '../render/docx/helpers.js';
import { CHECKS, checkPdfua, describeFailures, type PdfReport } from '../pdfua/check-pdfua.js';
import { runIep } from '../helpers/run-iep.js';

const V1 = 'examples/mateo-almonte.iep.yaml';
const V2 = 'examples/amendments/mateo-almonte-v2.iep.yaml';
const NAME = '231876045-official-%s-v2-redline';

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const soffice = has('soffice');
if (!soffice && process.env.CI) throw new Error('LibreOffice (soffice) is needed: apt-get install -y libreoffice-writer-nogui');

let out: string;
let documentXml: string;
let reports: PdfReport[];
const file = (lang: string, ext: string) => path.join(out, `${NAME.replace('%s', lang)}.${ext}`);
const pdfText = (pdf: string, ...args: string[]) => execFileSync('pdftotext', [...args, '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
/** Text without white space and combining marks: pdftotext spaces Arabic letters apart and moves their vowel marks. */
const letters = (text: string) => text.normalize('NFC').replace(/[\s\p{M}]/gu, '');

beforeAll(async () => {
  expect(inject('buildError')).toBe('');
  out = mkdtempSync(path.join(tmpdir(), 'iepkit-redline-'));
  const run = await runIep(['render', V2, '--layout', 'official', '--redline', V1, '--lang', 'en,ar', '--format', 'docx,pdf,html', '--out', out]);
  expect(run.stderr).not.toMatch(/^\s+at \S/m);
  expect(run.code).toBe(0);
  documentXml = (await unzipParts(readFileSync(file('en', 'docx')))).get('word/document.xml')!;
  reports = await checkPdfua(['en', 'ar'].map((lang) => ({ pdf: file(lang, 'pdf'), html: file(lang, 'html') })));
}, 300_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('iep render --redline', () => {
  it('writes the redline beside the versions, named with the version and "redline"', () => {
    expect(readdirSync(out).sort()).toEqual(['ar', 'en'].flatMap((lang) => ['docx', 'html', 'pdf'].map((ext) => path.basename(file(lang, ext)))));
  });
});

describe('the DOCX: Word tracked changes', () => {
  const changes = () => [...documentXml.matchAll(/<w:(ins|del) ([^>]*?)\/?>/g)].map((m) => ({ tag: m[1]!, attributes: m[2]! }));

  it('marks every change w:ins or w:del by the case manager on the amendment date', () => {
    expect(changes().filter((c) => c.tag === 'ins').length).toBeGreaterThan(5);
    expect(changes().filter((c) => c.tag === 'del').length).toBeGreaterThan(5);
    for (const change of changes()) {
      expect(change.attributes).toMatch(/^w:id="\d+" w:author="Ana Lucía Ferreira" w:date="2026-12-01T00:00:00Z"$/);
    }
  });

  it('gives each change an id no other change or bookmark has', () => {
    const ids = [...documentXml.matchAll(/<w:(?:ins|del|bookmarkStart) [^>]*?w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes the removed frequency as deleted text and the new one as inserted text, in the speech-language row', () => {
    const row = [...documentXml.matchAll(/<w:tr>.*?<\/w:tr>/g)].map((m) => m[0]).find((tr) => tr.includes('Speech-language therapy: Social'))!;
    expect(row).toMatch(/<w:del [^>]*><w:r>.*?<w:delText[^>]*>once<\/w:delText>/);
    expect(row).toMatch(/<w:ins [^>]*><w:r>.*?<w:t[^>]*>2 times<\/w:t>/);
    // The rest of the row is not a change.
    expect(row).toMatch(/<w:t[^>]*> a week<\/w:t>/);
  });

  it('tracks the removed accommodation row and the new goal paragraphs whole', () => {
    const seat = [...documentXml.matchAll(/<w:tr>.*?<\/w:tr>/g)].map((m) => m[0]).find((tr) => tr.includes('A seat in a quieter part'))!;
    expect(seat).toMatch(/<w:trPr>.*<w:del w:id="\d+" [^>]*\/><\/w:trPr>/);
    expect(seat).not.toMatch(/<w:t[ >]/); // every word of it is w:delText
    expect(documentXml).toMatch(/<w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:ins [^>]*\/><\/w:rPr><\/w:pPr>/);
  });

  // LibreOffice shows recorded changes by default ("Show Changes"): deletions struck through and insertions
  // underlined in the author's colour, with a bar in the margin; its PDF export prints them so. Both texts are there.
  it.skipIf(!soffice)('opens in LibreOffice, which shows the deleted and the inserted text', () => {
    const profile = `file://${path.join(tmpdir(), `lo-${randomUUID()}`)}`;
    try {
      execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', path.join(out, 'lo'), file('en', 'docx')], { stdio: 'pipe', timeout: 120_000 });
    } finally {
      rmSync(new URL(profile), { recursive: true, force: true });
    }
    const text = pdfText(path.join(out, 'lo', `${NAME.replace('%s', 'en')}.pdf`), '-layout');
    // The frequency cell: the deleted "once" and the inserted "2 times" side by side, then the unchanged "a week".
    expect(text).toMatch(/Speech-language therapy:\s+group of 3\s+once\s*2 times\s.*\n.*a week/);
    expect(text).toContain('A seat in a quieter part');
    expect(text).toContain('Mateo will start a conversation with');
  }, 150_000);
});

describe('the PDF: visible, announced changes', () => {
  it('prints each change after its label', () => {
    const text = pdfText(file('en', 'pdf')).replace(/\s+/g, ' ');
    expect(text).toContain('This copy shows the changes since version 1 of March 12, 2026: added text is underlined, removed text is struck through.');
    expect(text).toContain('[removed] A seat in a quieter part');
    expect(text).toContain('[added] Mateo will start a conversation');
    // The speech-language row in the order it was printed (-raw): each cell whole, the removal before the insertion.
    const raw = pdfText(file('en', 'pdf'), '-raw').replace(/\s+/g, ' ');
    expect(raw).toContain('Speech-language therapy: Social communication, including conversation and figurative language group of 3 [removed] once [added] 2 times a week 30 minutes');
  });

  it('prints the Arabic labels and the Arabic frequency change', () => {
    const text = letters(pdfText(file('ar', 'pdf')));
    for (const words of ['[محذوف]', '[مُضاف]', 'مرتين', 'مرة واحدة', 'تُبيّن هذه النسخة التغييرات منذ الإصدار']) expect(text).toContain(letters(words));
  });

  it('underlines and strikes through, not colour alone', () => {
    const html = readFileSync(file('en', 'html'), 'utf8');
    expect(html).toMatch(/\.change ins \{ text-decoration: underline;/);
    expect(html).toMatch(/\.change del \{ text-decoration: line-through;/);
    expect(html).toContain('<span class="change change-deleted"><span class="change-label"> [removed] </span><del>once</del></span>');
  });

  it.each(CHECKS)('passes the PDF/UA checker: %s (English and Arabic)', (check) => {
    expect(reports.map((r) => r.error ?? null)).toEqual([null, null]);
    const failing = describeFailures(reports.filter((r) => !r.checks[check].pass));
    expect(failing).toEqual([]);
    // Not vacuous: the check looked at something (the official IEP has no links; language and order are checked
    // where a passage is in another language or direction: the Arabic copy).
    if (check !== 'links') expect(Math.max(...reports.map((r) => r.checks[check].count))).toBeGreaterThan(0);
  });
});
