/**
 * The bilingual copy's tree (issue 18 item 5): the official IEP composed in English and in the family's language,
 * zipped part by part. Each pair holds the English part and the same part translated, in the official layout's
 * order; tables print each English row and then the same row translated; each side says its language and direction.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { LOCALES_DIR } from '../../src/model/paths.js';
import { allNodes, examplePath, loadExample, nodeText, rawIep, treeHeadings, validated, type TreeNode } from '../e2e/helpers.js';

const amira = loadExample('amira-saleh');
const rayhan = loadExample('rayhan-chowdhury');

const columnsOf = (pair: TreeNode) => (pair.children ?? []) as TreeNode[];
const pairs = (body: TreeNode) => allNodes(body).filter((n) => n.name === 'pair');

describe.each([
  { name: 'Arabic', iep: amira, lang: 'ar', dir: 'rtl' },
  { name: 'Bengali', iep: rayhan, lang: 'bn', dir: 'ltr' },
] as const)('the English + $name bilingual copy', ({ iep, lang, dir }) => {
  const composed = composeDocument(iep, { layout: 'bilingual', lang });
  const body = composed.document!.body as TreeNode;
  const english = composeDocument(iep, { layout: 'official', lang: 'en' }).document!.body as TreeNode;
  const translated = composeDocument(iep, { layout: 'official', lang }).document!.body as TreeNode;

  it('composes without diagnostics and says which language is beside English', () => {
    expect(composed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(composed.document!.meta).toMatchObject({ layout: 'bilingual', lang: 'en', dir: 'ltr', pairedLang: lang });
  });

  it('pairs every section heading of the official IEP with the same heading translated, in the form order', () => {
    const headingPairs = pairs(body)
      .map((pair) => columnsOf(pair).map((column) => treeHeadings(column).map((h) => `${h.depth} ${h.text}`)))
      .filter(([en]) => en!.length > 0);
    const inEnglish = treeHeadings(english).map((h) => `${h.depth} ${h.text}`);
    const inTranslation = treeHeadings(translated).map((h) => `${h.depth} ${h.text}`);
    expect(headingPairs.flatMap(([en]) => en)).toEqual(inEnglish);
    expect(headingPairs.flatMap(([, xx]) => xx)).toEqual(inTranslation);
    // Each pair holds the same heading on both sides: the same level, and one section's name in two languages.
    for (const [en, xx] of headingPairs) expect(en!.map((h) => h[0])).toEqual(xx!.map((h) => h[0]));
    expect(inEnglish.length).toBeGreaterThan(20);
  });

  it('gives each column its language and direction: English left-to-right first, the translation second', () => {
    for (const pair of pairs(body)) {
      const [en, xx] = columnsOf(pair);
      expect(columnsOf(pair)).toHaveLength(2);
      expect(en!.attributes).toMatchObject({ lang: 'en', dir: 'ltr' });
      expect(xx!.attributes).toMatchObject({ lang, dir });
    }
  });

  it('prints each table row in English and then the same row translated, cell under cell', () => {
    const tables = allNodes(body).filter((n) => n.type === 'table');
    const englishTables = allNodes(english).filter((n) => n.type === 'table');
    const translatedTables = allNodes(translated).filter((n) => n.type === 'table');
    expect(tables).toHaveLength(englishTables.length);
    tables.forEach((table, t) => {
      const rows = table.children as TreeNode[];
      const enRows = englishTables[t]!.children as TreeNode[];
      const xxRows = translatedTables[t]!.children as TreeNode[];
      // A table of labels and values keeps one empty header row; the others have both header rows.
      const emptyHead = nodeText(enRows[0]!) === '';
      expect(rows).toHaveLength(enRows.length * 2 - (emptyHead ? 1 : 0));
      enRows.forEach((row, r) => {
        const at = r === 0 ? 0 : 2 * r - (emptyHead ? 1 : 0);
        expect(nodeText(rows[at]!)).toBe(nodeText(row));
        if (r === 0 && emptyHead) return;
        const next = rows[at + 1]!.children as TreeNode[];
        next.forEach((cell, c) => {
          const xxCell = (xxRows[r]!.children as TreeNode[])[c]!;
          expect(nodeText(cell)).toBe(nodeText(xxCell));
          if ((cell.children ?? []).length > 0) expect((cell.children as TreeNode[])[0]).toMatchObject({ name: 'language', attributes: { lang, dir } });
        });
      });
    });
  });

  it('opens with the column names, each in its own language', () => {
    const [first] = pairs(body);
    const [en, xx] = columnsOf(first!);
    const names = (l: string) => JSON.parse(readFileSync(join(LOCALES_DIR, l, 'bilingual.json'), 'utf8')).language as string;
    expect(nodeText((en!.children as TreeNode[])[0]!)).toBe(names('en'));
    expect(nodeText((xx!.children as TreeNode[])[0]!)).toBe(names(lang));
  });

  it('has one attendance and signature table, its labels and roles also in the translation, so no one signs twice', () => {
    const tables = allNodes(body).filter((n) => n.name === 'signatures');
    expect(tables).toHaveLength(1);
    const [table] = tables;
    const label = (l: string, key: string) => JSON.parse(readFileSync(join(LOCALES_DIR, l, 'official.json'), 'utf8'))[key] as string;
    expect(table!.attributes).toMatchObject({ signature: label('en', 'signature'), pairedSignature: label(lang, 'signature'), pairedLang: lang, pairedDir: dir });
    const signers = (table!.children ?? []) as TreeNode[];
    expect(signers.map((s) => s.attributes!.name)).toEqual(iep.team.map((m) => m.name));
    // Each role beside the same role translated (gendered in some languages: "অভিভাবক (মা)").
    const translatedRoles = allNodes(translated).filter((n) => n.name === 'signer').map((s) => s.attributes!.role);
    expect(signers.map((s) => s.attributes!.pairedRole)).toEqual(translatedRoles);
    expect(signers[0]!.attributes!.role).toBe('Parent');
    expect(signers[0]!.attributes!.pairedRole).not.toBe('Parent');
  });
});

describe('the bilingual copy of an English-only record in Bengali', () => {
  const maya = loadExample('maya-thompson');
  const composed = composeDocument(maya, { layout: 'bilingual', lang: 'bn' });

  it('marks the untranslated fields in the Bengali column as the family copy marks them, and reports them', () => {
    const marked = pairs(composed.document!.body as TreeNode).flatMap((pair) => allNodes(columnsOf(pair)[1]!).filter((n) => n.name === 'untranslated'));
    const inEnglishColumn = pairs(composed.document!.body as TreeNode).flatMap((pair) => allNodes(columnsOf(pair)[0]!).filter((n) => n.name === 'untranslated'));
    expect(marked.length).toBeGreaterThan(10);
    expect(inEnglishColumn).toEqual([]);
    expect(composed.untranslated.length).toBeGreaterThan(10);
  });
});

describe('a translation written in more paragraphs than its English', () => {
  it('is printed whole beside the English, and the parts after it are paired as before', () => {
    const data = rawIep(examplePath('amira-saleh'));
    const [first, ...rest] = (data.parentConcerns.ar as string).split('. ');
    data.parentConcerns.ar = `${first}.\n\n${rest.join('. ')}`;
    const composed = composeDocument(validated(data), { layout: 'bilingual', lang: 'ar' });
    expect(composed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const concerns = pairs(composed.document!.body as TreeNode).find((pair) => nodeText(columnsOf(pair)[0]!).startsWith('Parent concerns'))!;
    const [en, ar] = columnsOf(concerns).map((column) => (column.children as TreeNode[]).map((n) => n.type));
    expect(en).toEqual(['heading', 'paragraph']);
    expect(ar).toEqual(['heading', 'paragraph', 'paragraph']);
    const headings = treeHeadings(composed.document!.body as TreeNode).map((h) => h.text);
    expect(headings.indexOf('In the student\'s own words')).toBeGreaterThan(headings.indexOf('Parent concerns'));
  });
});

describe('a bilingual copy that cannot be made', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('refuses English beside English', () => {
    const composed = composeDocument(amira, { layout: 'bilingual', lang: 'en' });
    expect(composed.document).toBeUndefined();
    expect(composed.diagnostics).toMatchObject([{ code: 'bilingual-language', severity: 'error' }]);
  });

  it('reports where the two languages stop lining up (a label that adds a heading) instead of drifting', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bilingual-locales-'));
    dirs.push(dir);
    cpSync(LOCALES_DIR, dir, { recursive: true });
    const file = join(dir, 'ar', 'bilingual.json');
    const labels = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...labels, note: `${labels.note}\n\n## ${labels.language}` }));
    const composed = composeDocument(amira, { layout: 'bilingual', lang: 'ar', localesDir: dir });
    expect(composed.document).toBeUndefined();
    expect(composed.diagnostics).toMatchObject([{ code: 'bilingual-misaligned', severity: 'error', path: 'body[3]' }]);
    expect(composed.diagnostics[0]!.message).toContain('at body[3]: a heading (level 1) (of 27 headings) in English, a heading (level 2) (of 28 headings) in ar');
  });
});
