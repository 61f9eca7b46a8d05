/**
 * The bilingual copy for interpreters (issue 18 item 5), printed for real: English + Arabic (right-to-left) and
 * English + Bengali, as PDF (Chromium, then the post-print stage) and DOCX (opened by LibreOffice). Both languages
 * are on the same page; the PDF tags each column's text with its language (checked by the independent PDF/UA
 * checker against the HTML rendition); the DOCX's translated paragraphs and runs carry their direction and language.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES_DIR } from '../../src/model/paths.js';
import { BrowserPool } from '../../src/render/pdf/browser-pool.js';
import { renderIep, type RenderedFile } from '../../src/pipeline/render-iep.js';
import { CHECKS, checkPdfua, describeFailures, type PdfReport } from '../pdfua/check-pdfua.js';
import { describeDiagnostics, docxParagraphs, docxParts, docxRuns, docxTextOf, errorsOf, loadExample, pdfPageText, removeTemporary, squash, tempDir } from './helpers.js';

const CASES = [
  { name: 'Arabic', example: 'amira-saleh', lang: 'ar', script: /\p{Script=Arabic}{3}/u, wordLang: 'ar-SA', rtl: true },
  { name: 'Bengali', example: 'rayhan-chowdhury', lang: 'bn', script: /\p{Script=Bengali}{3}/u, wordLang: 'bn-BD', rtl: false },
] as const;

const outputs = new Map<string, Record<string, Buffer>>();
const reports = new Map<string, PdfReport>();
const libreOffice = new Map<string, string[]>();
let pool: BrowserPool;
const profile = `file://${path.join(tmpdir(), `lo-${randomUUID()}`)}`;

beforeAll(async () => {
  pool = new BrowserPool({ concurrency: 1 });
  const dir = tempDir('bilingual');
  for (const c of CASES) {
    const result = await renderIep(loadExample(c.example), { layout: 'bilingual', lang: c.lang, formats: ['pdf', 'html', 'docx'], browserPool: pool });
    if (errorsOf(result.diagnostics).length > 0) throw new Error(describeDiagnostics(errorsOf(result.diagnostics)));
    const files = Object.fromEntries(result.outputs.map((o: RenderedFile) => [o.format, o.data]));
    outputs.set(c.lang, files);
    for (const format of ['pdf', 'html', 'docx']) writeFileSync(path.join(dir, `${c.lang}.${format}`), files[format]!);
  }
  await pool.close();
  const checked = await checkPdfua(CASES.map((c) => ({ pdf: path.join(dir, `${c.lang}.pdf`), html: path.join(dir, `${c.lang}.html`) })));
  CASES.forEach((c, i) => reports.set(c.lang, checked[i]!));
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, 'lo'), ...CASES.map((c) => `${c.lang}.docx`)], { cwd: dir, stdio: 'pipe', timeout: 180_000 });
  for (const c of CASES) {
    const pdf = path.join(dir, 'lo', `${c.lang}.pdf`);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    libreOffice.set(c.lang, text.split('\f'));
  }
}, 600_000);

afterAll(() => {
  removeTemporary();
  rmSync(new URL(profile), { recursive: true, force: true });
});

describe.each(CASES)('the English + $name bilingual copy', ({ lang, script, wordLang, rtl }) => {
  it('is named <id>-bilingual-<lang>', async () => {
    const result = await renderIep(loadExample(lang === 'ar' ? 'amira-saleh' : 'rayhan-chowdhury'), { layout: 'bilingual', lang, formats: ['html'] });
    expect(result.outputs.map((o) => o.fileName)).toEqual([`${lang === 'ar' ? '226104983' : '248193067'}-bilingual-${lang}-v1.html`]);
  });

  it('prints English and the translation on the same PDF page, section by section', () => {
    const pdf = outputs.get(lang)!['pdf']!;
    const first = squash(pdfPageText(pdf, 1));
    expect(first).toContain('Student Information Summary');
    expect(first).toMatch(script);
    // The programs-and-services table: the English row and its translation on one page.
    const services = Array.from({ length: 40 }, (_, i) => i + 1).find((page) => {
      try {
        return pdfPageText(pdf, page).includes('Special Education Program:');
      } catch {
        return false;
      }
    });
    expect(services).toBeDefined();
    expect(pdfPageText(pdf, services!)).toMatch(script);
  });

  it("tags each column's text with its language in the PDF (independent PDF/UA checker, against the HTML)", () => {
    const report = reports.get(lang)!;
    expect(report.error).toBeUndefined();
    const language = report.checks['passage-language'];
    expect(language.pass, describeFailures([report]).join('\n')).toBe(true);
    // Every column and translated cell is a passage: hundreds of them, each found under its /Lang.
    expect(language.count).toBeGreaterThan(150);
    // The rest of PDF/UA holds for the two-column pages too.
    for (const check of CHECKS) {
      expect(report.checks[check].pass, describeFailures([report]).join('\n')).toBe(true);
    }
  });

  it('sets the HTML column direction: English ltr, the translation ' + (rtl ? 'rtl' : 'ltr'), () => {
    const html = outputs.get(lang)!['html']!.toString('utf8');
    const columns = [...html.matchAll(/<div class="column" lang="([^"]+)" dir="([^"]+)">/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(new Set(columns)).toEqual(new Set(['en ltr', `${lang} ${rtl ? 'rtl' : 'ltr'}`]));
    expect(html).toMatch(new RegExp(`<span class="language" lang="${lang}" dir="${rtl ? 'rtl' : 'ltr'}">`));
  });

  it('prints one signature table, each label with its translation under it in that language and direction', async () => {
    const signature = JSON.parse(readFileSync(path.join(LOCALES_DIR, lang, 'official.json'), 'utf8')).signature as string;
    const html = outputs.get(lang)!['html']!.toString('utf8');
    expect(html.match(/<table class="signatures">/g)).toHaveLength(1);
    expect(html).toContain(`<th scope="col">Signature<div lang="${lang}" dir="${rtl ? 'rtl' : 'ltr'}">${signature}</div></th>`);
    const xml = (await docxParts(outputs.get(lang)!['docx']!)).get('word/document.xml')!;
    const labels = docxParagraphs(xml).filter((p) => docxTextOf(p) === signature);
    expect(labels).toHaveLength(1);
    expect(/<w:bidi\/>/.test(labels[0]!)).toBe(rtl);
    expect(docxParagraphs(xml).filter((p) => docxTextOf(p) === 'Signature')).toHaveLength(1);
  });

  it("writes the translation's paragraphs and runs in its language and direction in the DOCX", async () => {
    const xml = (await docxParts(outputs.get(lang)!['docx']!)).get('word/document.xml')!;
    const translated = docxParagraphs(xml).filter((p) => script.test(docxTextOf(p)));
    const english = docxParagraphs(xml).filter((p) => /Student Information Summary|Parent concerns/.test(docxTextOf(p)));
    expect(translated.length).toBeGreaterThan(100);
    expect(english.length).toBeGreaterThan(1);
    for (const p of translated) {
      // Each translated paragraph is right-to-left for Arabic (w:bidi), left-to-right for Bengali.
      expect(/<w:bidi\/>/.test(p), docxTextOf(p)).toBe(rtl);
      const runs = docxRuns(p).filter((r) => script.test(docxTextOf(r)));
      for (const r of runs) {
        expect(r).toContain(`w:bidi="${wordLang}"`);
        expect(/<w:rtl\/>/.test(r)).toBe(rtl);
      }
    }
    for (const p of english) expect(p).not.toContain('<w:bidi/>');
  });

  it('shows both columns when LibreOffice opens the DOCX', () => {
    const pages = libreOffice.get(lang)!.map(squash);
    expect(pages.length).toBeGreaterThan(10);
    expect(pages[0]).toContain('Student Information Summary');
    expect(pages[0]).toMatch(script);
    const both = pages.filter((page) => /[A-Za-z]{4}/.test(page) && script.test(page));
    expect(both.length).toBeGreaterThan(pages.length - 3);
  });
});
