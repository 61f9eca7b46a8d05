/**
 * The redline of the official IEP (issue 20): the Mateo pair (examples/mateo-almonte.iep.yaml, version 1, and
 * examples/amendments/mateo-almonte-v2.iep.yaml, version 2) composed with `redline` and `base`. Speech-language
 * therapy goes from once to 2 times a week, a goal is added, the quieter-seat accommodation ends: each is marked
 * where it is, and nothing else is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { diffPhrasing } from '../../src/compose/redline/diff-phrasing.js';
import { loadIep } from '../../src/validate/load-iep.js';
import { allNodes, loadExample, nodeText, type TreeNode } from '../e2e/helpers.js';

const V2_FILE = join(import.meta.dirname, '..', '..', 'examples', 'amendments', 'mateo-almonte-v2.iep.yaml');
const v1 = loadExample('mateo-almonte');
const v2 = loadIep(readFileSync(V2_FILE), { file: V2_FILE }).iep!;

const redline = (lang: 'en' | 'es' | 'ar' | 'zh-Hans', iep = v2, base = v1) => {
  const composed = composeDocument(iep, { layout: 'official', lang, base, redline: true });
  expect(composed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return composed.document!;
};
const marks = (node: TreeNode, name: 'inserted' | 'deleted') => allNodes(node).filter((n) => n.type === 'textDirective' && n.name === name);
const rows = (body: TreeNode) => allNodes(body).filter((n) => n.type === 'tableRow');
const rowWith = (body: TreeNode, text: string) => {
  const found = rows(body).filter((row) => nodeText(row).includes(text));
  expect(found, `one table row with "${text}"`).toHaveLength(1);
  return found[0]!;
};

describe('the English redline of the Mateo pair', () => {
  const doc = redline('en');
  const body = doc.body as TreeNode;

  it('marks the frequency of speech-language therapy: "once" removed, "2 times" added, the rest of the row as it was', () => {
    const row = rowWith(body, 'Speech-language therapy: Social communication');
    expect(marks(row, 'deleted').map(nodeText)).toEqual(['once']);
    expect(marks(row, 'inserted').map(nodeText)).toEqual(['2 times']);
    // The other cells of the row are unmarked: the words around the change are kept as they were.
    expect(nodeText(row)).toContain('a week');
    expect(nodeText(row)).toContain('30 minutes');
  });

  it('marks the new goal inserted, whole, in the goals table', () => {
    const inserted = marks(body, 'inserted').map(nodeText);
    expect(inserted.some((text) => text.includes('Mateo will start a conversation with a classmate'))).toBe(true);
    expect(marks(body, 'deleted').some((m) => nodeText(m).includes('start a conversation'))).toBe(false);
  });

  it('marks the ended accommodation deleted in every cell of its row', () => {
    const row = rowWith(body, 'A seat in a quieter part of the room');
    const cells = (row.children ?? []) as TreeNode[];
    const filled = cells.filter((cell) => nodeText(cell).trim() !== '');
    expect(filled.length).toBeGreaterThan(3);
    for (const cell of filled) {
      expect(cell.children).toHaveLength(1);
      expect((cell.children![0] as TreeNode).name).toBe('deleted');
    }
    expect(marks(row, 'inserted')).toEqual([]);
  });

  it('leaves unchanged parts unmarked', () => {
    for (const text of ['Yesenia Almonte', 'Integrated co-teaching services for Math', 'Counseling services: Individual counseling']) {
      expect(marks(rowWith(body, text), 'inserted').concat(marks(rowWith(body, text), 'deleted'))).toEqual([]);
    }
    // The same record against itself: no change anywhere, the legend only.
    const same = composeDocument(v2, { layout: 'official', lang: 'en', base: v2, redline: true }).document!.body as TreeNode;
    expect(marks(same, 'inserted').length + marks(same, 'deleted').length).toBe(0);
  });

  it('gives each change its label, the case manager as author and the amendment date', () => {
    const all = [...marks(body, 'inserted'), ...marks(body, 'deleted')];
    expect(all.length).toBeGreaterThan(5);
    for (const mark of all) {
      expect(mark.attributes).toMatchObject({ author: 'Ana Lucía Ferreira', date: '2026-12-01', label: mark.name === 'inserted' ? 'added' : 'removed' });
    }
  });

  it('puts the legend under the title, naming version 1 and its date', () => {
    const [title, legend] = body.children as TreeNode[];
    expect(title!.type).toBe('heading');
    expect(legend!.name).toBe('callout');
    expect(nodeText(legend!)).toBe('This copy shows the changes since version 1 of March 12, 2026: added text is underlined, removed text is struck through.');
  });

  it('is the official layout only: other layouts ignore the redline', () => {
    const family = composeDocument(v2, { layout: 'family', lang: 'en', base: v1, redline: true }).document!.body as TreeNode;
    expect(marks(family, 'inserted').length + marks(family, 'deleted').length).toBe(0);
  });
});

describe.each([
  { lang: 'es', added: 'agregado', removed: 'eliminado', inserted2: '2 veces', legend: 'Esta copia muestra los cambios desde la versión 1 del 12 de marzo de 2026' },
  { lang: 'ar', added: 'مُضاف', removed: 'محذوف', inserted2: 'مرتين', legend: 'تُبيّن هذه النسخة التغييرات منذ الإصدار 1 المؤرخ 12 مارس 2026' },
  { lang: 'zh-Hans', added: '新增', removed: '删除', inserted2: '2', legend: '本副本显示自 2026年3月12日 第 1 版以来的修改' },
] as const)('the $lang redline', ({ lang, added, removed, inserted2, legend }) => {
  const doc = redline(lang);
  const body = doc.body as TreeNode;
  const english = redline('en').body as TreeNode;
  // The rows are those of the English redline, in the copy's words: found by what is marked in them.
  const changedRows = (root: TreeNode) => rows(root).filter((row) => marks(row, 'inserted').length > 0 && marks(row, 'deleted').length > 0);
  const deletedRows = (root: TreeNode) => rows(root).filter((row) => marks(row, 'deleted').length > 0 && marks(row, 'inserted').length === 0);

  it('marks the changed frequency (the one row changed in part) in the language of the copy, with its labels', () => {
    expect(changedRows(body)).toHaveLength(1);
    const row = changedRows(body)[0]!;
    const [deleted] = marks(row, 'deleted');
    const [inserted] = marks(row, 'inserted');
    expect(deleted?.attributes?.label).toBe(removed);
    expect(inserted?.attributes?.label).toBe(added);
    expect(nodeText(inserted!)).toBe(inserted2);
    // In the copy's words, not the English ones.
    expect(nodeText(inserted!)).not.toBe(nodeText(marks(changedRows(english)[0]!, 'inserted')[0]!));
  });

  it('marks the ended accommodation (the one row removed) and the new goal, and writes the legend in the language', () => {
    expect(deletedRows(body)).toHaveLength(deletedRows(english).length);
    expect(marks(deletedRows(body).find((row) => nodeText(row).includes('A seat in a quieter part') || marks(row, 'deleted').length > 3)!, 'deleted').length).toBeGreaterThan(3);
    expect(marks(body, 'inserted').length).toBe(marks(english, 'inserted').length);
    expect(nodeText((body.children as TreeNode[])[1]!)).toContain(legend);
    expect(doc.meta.dir).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  });
});

describe('word-level changes', () => {
  const labels = { labels: { inserted: 'added', deleted: 'removed' }, author: 'A', date: '2026-12-01' };
  const text = (value: string): PhrasingContent[] => [{ type: 'text', value }];
  const describeChanges = (nodes: PhrasingContent[]) =>
    nodes.map((n) => (n.type === 'textDirective' ? `${n.name === 'inserted' ? '+' : '-'}[${toString(n)}]` : toString(n))).join('');

  it('keeps white space between two changes in one removal and one insertion', () => {
    expect(describeChanges(diffPhrasing(text('1 time a week'), text('2 times a week'), 'en', labels))).toBe('-[1 time]+[2 times] a week');
  });

  it('cuts Chinese into words, which are not separated by spaces', () => {
    expect(describeChanges(diffPhrasing(text('每周一次言语治疗'), text('每周两次言语治疗'), 'zh-Hans', labels))).toBe('每周-[一次]+[两次]言语治疗');
  });

  it('marks Arabic words whole', () => {
    expect(describeChanges(diffPhrasing(text('مرة واحدة في الأسبوع'), text('مرتين في الأسبوع'), 'ar', labels))).toBe('-[مرة واحدة]+[مرتين] في الأسبوع');
  });

  it('keeps bold around the words inside it', () => {
    const older: PhrasingContent[] = [{ type: 'strong', children: text('Goal 7:') }, ...text(' reads')];
    const newer: PhrasingContent[] = [{ type: 'strong', children: text('Goal 8:') }, ...text(' reads')];
    const out = diffPhrasing(older, newer, 'en', labels);
    expect(describeChanges(out)).toBe('Goal -[7]+[8]: reads');
    expect(out[0]).toMatchObject({ type: 'strong' });
  });

  it('replaces a passage whole when little of it is left', () => {
    expect(describeChanges(diffPhrasing(text('Reads chapter books aloud'), text('Solves two-step word problems'), 'en', labels))).toBe('-[Reads chapter books aloud]+[Solves two-step word problems]');
  });
});
