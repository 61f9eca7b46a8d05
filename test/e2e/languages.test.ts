/**
 * Every layout in every language, for one example (maya-thompson, whose data is English only): DOCX and PDF with
 * no error and no missing glyph, the untranslated narrative fields reported (and exactly those printed in
 * English); right-to-left copies right to left in the DOCX (w:bidi, w:rtl) and on the PDF page; the notice that the
 * English IEP is the legal document on every page of every translated copy. Then the parity report of the
 * translated examples, and what happens when one translation is removed.
 *
 * A language whose locale files are missing still renders, with English labels (the translator falls back to
 * English); the expectations below read the labels through the same translator, so they hold either way.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { parityReport } from '../../src/i18n/parity-report.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { textFields } from '../../src/model/text-fields.js';
import { formatJsonPath } from '../../src/model/diagnostic.js';
import type { Iep } from '../../src/model/iep.js';
import { LANGUAGES, RTL_LANGUAGES, type Language } from '../../src/model/languages.js';
import { BrowserPool } from '../../src/render/pdf/browser-pool.js';
import { renderIep, type RenderResult } from '../../src/pipeline/render-iep.js';
import { LOCALES_DIR } from '../../src/model/paths.js';
import {
  allNodes,
  describeDiagnostics,
  docxParagraphs,
  docxParts,
  docxRuns,
  docxTextOf,
  errorsOf,
  examplePath,
  loadExample,
  missingLetters,
  MM,
  nodeText,
  pageCount,
  part,
  pdfLines,
  pdfFile,
  pdfPageText,
  rawIep,
  removeTemporary,
  squash,
  validated,
  type TreeNode,
} from './helpers.js';

const LAYOUTS = [
  { name: 'official', layout: 'official' },
  { name: 'family', layout: 'family' },
  { name: 'student', layout: 'student' },
] as const;
const CASES = LANGUAGES.flatMap((lang) => LAYOUTS.map((l) => ({ lang, ...l, id: `${l.name}-${lang}` })));
const maya = loadExample('maya-thompson');

let pool: BrowserPool;
const results = new Map<string, { result: RenderResult; docx: Buffer; pdf: Buffer }>();

beforeAll(async () => {
  pool = new BrowserPool({ concurrency: 2 });
  // Two documents at a time: the pool prints two pages at once.
  const queue = [...CASES];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      const result = await renderIep(maya, { layout: c.layout, lang: c.lang, formats: ['docx', 'pdf'], browserPool: pool });
      const docx = result.outputs.find((o) => o.format === 'docx')?.data;
      const pdf = result.outputs.find((o) => o.format === 'pdf')?.data;
      if (!docx || !pdf) throw new Error(`${c.id}: no DOCX or PDF\n${describeDiagnostics(result.diagnostics)}`);
      results.set(c.id, { result, docx, pdf });
    }
  };
  await Promise.all([worker(), worker()]);
}, 400_000);

afterAll(async () => {
  await pool?.close();
  removeTemporary();
});

const get = (id: string) => results.get(id)!;
/** English text of a narrative field value. */
const englishOf = (value: unknown): string => squash(typeof value === 'string' ? value : (value as { en: string }).en);

describe.each(CASES)('maya-thompson, $name layout, in $lang', ({ id, lang }) => {
  it('renders to DOCX and PDF with no error and no missing glyph', () => {
    const { result } = get(id);
    expect(errorsOf(result.diagnostics), describeDiagnostics(result.diagnostics)).toEqual([]);
    expect(result.diagnostics.filter((d) => d.code === 'missing-glyph')).toEqual([]);
    expect(result.document!.meta.lang).toBe(lang);
    expect(result.document!.meta.dir).toBe(RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr');
  });

  it('reports the untranslated fields, and exactly those printed in English', () => {
    const { result } = get(id);
    const warning = result.diagnostics.filter((d) => d.code === 'untranslated-fields');
    if (lang === 'en') {
      expect(result.untranslated).toEqual([]);
      expect(warning).toEqual([]);
      return;
    }
    expect(result.untranslated.length).toBeGreaterThan(0);
    expect(warning).toHaveLength(1);
    expect(warning[0]!.severity).toBe('warning');
    expect(warning[0]!.message).toContain(`${result.untranslated.length} narrative field`);
    // Every field reported is printed in English: marked as not yet translated in the text, or (a signer's role)
    // as a directive attribute. Every marked text is a reported field.
    const nodes = allNodes(result.document!.body as TreeNode);
    const marked = nodes.filter((n) => n.type === 'textDirective' && n.name === 'untranslated').map((n) => nodeText(n));
    // An attribute prints as plain text, so an untranslated one carries its marker: "Parent [<note>]".
    const note = JSON.parse(readFileSync(join(LOCALES_DIR, lang, 'common.json'), 'utf8')).untranslated as string;
    const attributes = nodes
      .filter((n) => n.type.endsWith('Directive') && n.name !== 'untranslated')
      .flatMap((n) => Object.values(n.attributes ?? {}))
      .map((value) => (value ?? '').replace(` [${note}]`, ''));
    const values = new Map(textFields(maya).map((f) => [formatJsonPath(f.fieldPath), squash(f.text)]));
    for (const { path } of result.untranslated) {
      expect(values.has(path), path).toBe(true);
      expect([...marked, ...attributes], `${path} is reported as printed in English`).toContain(values.get(path));
    }
    const reported = new Set(result.untranslated.map((u) => values.get(u.path)));
    for (const text of marked) expect(reported.has(text), `"${text.slice(0, 50)}" is printed in English but not reported`).toBe(true);
  });

  it('has a bookmark for every heading, titled as the heading reads (right-to-left titles in logical order)', () => {
    const { pdf, result } = get(id);
    // As printed: an untranslated part of a heading shows its note in brackets first (as in the HTML and DOCX).
    const printed = (node: TreeNode): string =>
      node.type === 'text'
        ? (node.value ?? '')
        : `${node.name === 'untranslated' ? `[${node.attributes?.note}] ` : ''}${(node.children ?? []).map(printed).join('')}`;
    const headings = allNodes(result.document!.body as TreeNode)
      .filter((n) => n.type === 'heading')
      .map((n) => squash(printed(n)));
    const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', pdfFile(pdf)], { encoding: 'utf8' })) as { outlines: Outline[] };
    const titles = (items: Outline[]): string[] => items.flatMap((i) => [squash(i.title), ...titles(i.kids)]);
    expect(titles(json.outlines)).toEqual(headings);
  });

  if (lang !== 'en') {
    it('carries the notice that the English version is the legal document on every page', () => {
      const { pdf, result } = get(id);
      const notice = createTranslator(lang).t('common:translationNotice');
      expect(result.document!.meta.notice).toBe(notice);
      const headerHeight = result.document!.meta.page.margins.top * MM;
      for (let page = 1; page <= pageCount(pdf); page++) {
        if (RTL_LANGUAGES.has(lang)) {
          // pdftotext breaks right-to-left words apart and may reorder them: compare the letters of the page header.
          const header = pdfPageText(pdf, page, { x: 0, y: 0, width: 612, height: headerHeight });
          expect(missingLetters(header, notice), `page ${page}`).toEqual([]);
        } else {
          expect(pdfPageText(pdf, page).replace(/\s+/g, ''), `page ${page}`).toContain(notice.replace(/\s+/g, ''));
        }
      }
    });
  } else {
    it('has no translation notice', () => {
      const { pdf, result } = get(id);
      expect(result.document!.meta.notice).toBeUndefined();
      const notice = createTranslator('en').t('common:translationNotice');
      for (let page = 1; page <= pageCount(pdf); page++) expect(squash(pdfPageText(pdf, page))).not.toContain(notice);
    });
  }

  if (RTL_LANGUAGES.has(lang)) {
    it('is right to left in the DOCX: w:bidi on the section and every paragraph, w:rtl on every run of its script', async () => {
      const parts = await docxParts(get(id).docx);
      const xml = part(parts, 'word/document.xml');
      const sections = xml.match(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g) ?? [];
      expect(sections.length).toBeGreaterThan(0);
      for (const section of sections) expect(section).toMatch(/<w:bidi\/>/);
      const paragraphs = docxParagraphs(xml).filter((p) => docxTextOf(p).trim() !== '');
      expect(paragraphs.length).toBeGreaterThan(10);
      for (const p of paragraphs) expect(/<w:pPr>[\s\S]*?<w:bidi\/>[\s\S]*?<\/w:pPr>/.test(p), docxTextOf(p).slice(0, 60)).toBe(true);
      const arabicRuns = docxRuns(xml).filter((r) => /\p{Script=Arabic}/u.test(docxTextOf(r)));
      expect(arabicRuns.length).toBeGreaterThan(10);
      for (const r of arabicRuns) expect(r, docxTextOf(r)).toMatch(/<w:rPr>[\s\S]*?<w:rtl\/>[\s\S]*?<\/w:rPr>/);
    });

    it('reads right to left on the first PDF page: the title ends at the right margin', () => {
      const { pdf, result } = get(id);
      const { left, right } = result.document!.meta.page.margins;
      const title = titleLine(pdf);
      expect(title.xMax, 'the title ends at the right margin').toBeGreaterThan(612 - right * MM - 6);
      expect(title.xMin, 'and does not start at the left margin').toBeGreaterThan(left * MM + 20);
    });
  }

  if (lang === 'en') {
    it('reads left to right on the first PDF page: the title starts at the left margin', () => {
      const { pdf, result } = get(id);
      const { left, right } = result.document!.meta.page.margins;
      const title = titleLine(pdf);
      expect(Math.abs(title.xMin - left * MM), 'the title starts at the left margin').toBeLessThan(6);
      expect(title.xMax, 'and does not reach the right margin').toBeLessThan(612 - right * MM - 20);
    });

    it('is left to right in the DOCX: no w:bidi, no w:rtl', async () => {
      const xml = part(await docxParts(get(id).docx), 'word/document.xml');
      expect(xml).not.toMatch(/<w:bidi\/>|<w:rtl\/>/);
    });
  }
});

interface Outline {
  title: string;
  kids: Outline[];
}

/** The title: the tallest line in the upper half of page 1 (the h1; no watermark, maya's IEP is final). */
function titleLine(pdf: Buffer) {
  expect(maya.document.status).toBe('final');
  const lines = pdfLines(pdf, 1).filter((l) => l.yMin < 396);
  return lines.reduce((a, b) => (b.yMax - b.yMin > a.yMax - a.yMin ? b : a));
}

// ---------------------------------------------------------------------------------------------------------------

/** For each narrative field (by path): does the raw data give it a translation into `lang`? */
function expectedMissing(iep: Iep, raw: Record<string, unknown>, lang: Language): string[] {
  const at = (path: readonly (string | number)[]) => path.reduce<any>((value, key) => value?.[key], raw);
  return textFields(iep)
    .filter((f) => {
      const value = at(f.fieldPath);
      return !(value && typeof value === 'object' && typeof value[lang] === 'string' && value[lang].length > 0);
    })
    .map((f) => formatJsonPath(f.fieldPath));
}

describe.each([
  { example: 'mateo-almonte', lang: 'es' },
  { example: 'amira-saleh', lang: 'ar' },
  { example: 'rayhan-chowdhury', lang: 'bn' },
] as const)('the parity report of $example in $lang', ({ example, lang }) => {
  const raw = rawIep(examplePath(example));
  const iep = validated(raw);

  it('lists exactly the narrative fields the data does not translate', () => {
    const report = parityReport(iep, lang);
    expect(report.fields.total).toBeGreaterThan(50);
    expect(report.fields.missing).toEqual(expectedMissing(iep, raw, lang));
    expect(report.fields.translated).toBe(report.fields.total - report.fields.missing.length);
  });

  it.each(['official', 'family', 'student'] as const)('agrees with what the %s copy prints untranslated', (layout) => {
    const composed = composeDocument(iep, { layout, lang });
    expect(errorsOf(composed.diagnostics)).toEqual([]);
    const missing = new Set(parityReport(iep, lang).fields.missing);
    for (const { path } of composed.untranslated) expect(missing.has(path), path).toBe(true);
  });

  it('sees a removed translation in the report, in the render and in the copy', async () => {
    const changed = rawIep(examplePath(example));
    expect(typeof changed.parentConcerns?.[lang]).toBe('string');
    delete changed.parentConcerns[lang];
    const before = parityReport(iep, lang).fields.missing;
    const report = parityReport(validated(changed), lang);
    expect(new Set(report.fields.missing)).toEqual(new Set([...before, 'parentConcerns']));
    expect(report.fields.missing).toHaveLength(before.length + 1);
    expect(report.complete).toBe(false);

    // The family copy prints the parents' concerns: now in English, marked, reported by path.
    const result = await renderIep(validated(changed), { layout: 'family', lang, formats: ['docx'] });
    expect(errorsOf(result.diagnostics)).toEqual([]);
    expect(result.untranslated.map((u) => u.path)).toContain('parentConcerns');
    const warning = result.diagnostics.find((d) => d.code === 'untranslated-fields');
    expect(warning?.message).toContain('parentConcerns');
    const marked = allNodes(result.document!.body as TreeNode).filter((n) => n.name === 'untranslated').map((n) => nodeText(n));
    expect(marked).toContain(englishOf(changed.parentConcerns));
    const documentXml = part(await docxParts(result.outputs[0]!.data), 'word/document.xml');
    expect(squash(docxTextOf(documentXml))).toContain(englishOf(changed.parentConcerns));
  });
});
