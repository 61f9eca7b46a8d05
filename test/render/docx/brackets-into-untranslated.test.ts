/**
 * Issue 14 part 2: in the Arabic family DOCX, as in its PDF, a template's brackets around an untranslated field took
 * the Arabic direction, so the English inside them wrapped with a stray bracket at each line's end ("(district and
 * state tests"). They are now part of the field's left-to-right run.
 */
import { describe, expect, it } from 'vitest';
import { bracketsIntoUntranslated } from '../../../src/render/docx/brackets-into-untranslated.js';
import { parseMarkdown } from '../../../src/compose/parse-markdown.js';
import { arabicMeta, paragraphWith, part, renderParts, testMeta } from './helpers.js';

const NOTE = 'لم يُترجَم بعد';
const MARKDOWN = `- :untranslated[Directions read aloud]{lang="en" note="${NOTE}"} (:untranslated[On all tests]{lang="en" note="${NOTE}"})
- وقت إضافي (ساعة)
`;

/** The text of each run of a paragraph, and whether it is right-to-left. */
const runs = (p: string) => [...p.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => ({ rtl: m[1]!.includes('<w:rtl/>'), text: /<w:t[^>]*>([^<]*)<\/w:t>/.exec(m[1]!)?.[1] ?? '' }));

describe('brackets around an untranslated field in a right-to-left DOCX', async () => {
  const document = part(await renderParts(MARKDOWN, arabicMeta()), 'word/document.xml');

  it('are written in the English run, left to right, between its left-to-right marks', () => {
    const all = runs(paragraphWith(document, 'On all tests'));
    const last = all.map((run) => run.text).lastIndexOf('\u200e');
    const first = all.map((run) => run.text).lastIndexOf('\u200e', last - 1);
    const field = all.slice(first, last + 1);
    expect(field.map((run) => run.text).join('')).toBe('\u200e(On all tests)\u200e');
    expect(field.every((run) => !run.rtl)).toBe(true);
    expect(all.filter((run) => run.rtl && /[()]/.test(run.text))).toEqual([]);
  });

  it('leave brackets around Arabic text where they are', () => {
    expect(runs(paragraphWith(document, 'ساعة')).map((run) => run.text).join('')).toBe('وقت إضافي (ساعة)');
  });

  it('leave the tree it was given unchanged (the PDF and HTML are written from the same tree)', () => {
    const body = parseMarkdown(MARKDOWN);
    const before = JSON.stringify(body);
    bracketsIntoUntranslated(body);
    expect(JSON.stringify(body)).toBe(before);
  });

  it('stay where the template put them in a left-to-right document', async () => {
    const ltr = part(await renderParts(MARKDOWN, testMeta({ lang: 'es' })), 'word/document.xml');
    expect(runs(paragraphWith(ltr, 'On all tests')).map((run) => run.text)).toContain('On all tests');
  });
});
