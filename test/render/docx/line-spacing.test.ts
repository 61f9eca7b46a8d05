/**
 * Issue 14 part 2: Urdu lines overlapped in the DOCX student summary (LibreOffice), and an Urdu heading touched what
 * followed it. Word's proportional spacing multiplies a line's own height, which LibreOffice takes from the Latin font
 * (about 1.5 em) while Noto Nastaliq Urdu needs 2.5 em. Urdu text now gets an exact height, 1.75 em of its size,
 * the same in both readers; other languages keep proportional spacing.
 */
import { describe, expect, it } from 'vitest';
import { languageLeading, LANGUAGE_LINE_HEIGHT } from '../../../src/render/fonts/font-stack.js';
import { THEME } from '../../../src/render/theme/tokens.js';
import { arabicMeta, part, renderParts, testMeta } from './helpers.js';

const MARKDOWN = '# عنوان\n\nمتن\n\n- ایک\n\n| الف | ب |\n| --- | --- |\n| ج | د |\n';
const urdu = arabicMeta({ lang: 'ur', layout: 'student' });

/** The w:spacing of a style (or of the document defaults), as attributes. */
function spacingOf(styles: string, styleId: string | 'defaults'): Record<string, string> {
  const block =
    styleId === 'defaults'
      ? /<w:pPrDefault>[\s\S]*?<\/w:pPrDefault>/.exec(styles)?.[0]
      : new RegExp(`<w:style [^>]*w:styleId="${styleId}"[\\s\\S]*?</w:style>`).exec(styles)?.[0];
  const spacing = /<w:spacing ([^>]*)\/>/.exec(block ?? '')?.[1];
  if (!spacing) throw new Error(`no w:spacing in ${styleId}`);
  return Object.fromEntries([...spacing.matchAll(/w:(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

/** A style's font size in points (the document default when the style has none). */
function sizeOf(styles: string, styleId: string | 'defaults'): number {
  const block =
    styleId === 'defaults'
      ? /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(styles)?.[0]
      : new RegExp(`<w:style [^>]*w:styleId="${styleId}"[\\s\\S]*?</w:style>`).exec(styles)?.[0];
  const halfPoints = /<w:sz w:val="(\d+)"\/>/.exec(block ?? '')?.[1];
  return halfPoints ? Number(halfPoints) / 2 : sizeOf(styles, 'defaults');
}

describe('Urdu lines get the leading Nastaliq needs in the DOCX', async () => {
  const styles = part(await renderParts(MARKDOWN, urdu), 'word/styles.xml');

  it('running text, list items, table text, headings and the running header have an exact line height', () => {
    for (const id of ['defaults', 'ListParagraph', 'TableText', 'Heading1', 'Heading2', 'HeaderText'] as const) {
      expect(spacingOf(styles, id), id).toMatchObject({ lineRule: 'exact' });
    }
  });

  it('the height is 1.75 em of the text size (times the style\'s own multiple), more than the 1.5 em that collided', () => {
    const body = Number(spacingOf(styles, 'defaults').line) / 20;
    expect(body).toBeCloseTo(sizeOf(styles, 'defaults') * THEME.wordLine.compact * THEME.wordStackedLineEms, 1);
    expect(body / sizeOf(styles, 'defaults')).toBeGreaterThan(1.5);
    // A heading's line is at least its size times Urdu's leading: an H1 no longer touches the table after it.
    const h1 = Number(spacingOf(styles, 'Heading1').line) / 20;
    expect(h1).toBeGreaterThanOrEqual(sizeOf(styles, 'Heading1') * languageLeading('ur'));
  });

  it('every layout gets it (the official copy as the student summary)', async () => {
    const official = part(await renderParts(MARKDOWN, arabicMeta({ lang: 'ur', layout: 'ny-official' })), 'word/styles.xml');
    expect(spacingOf(official, 'defaults')).toMatchObject({ lineRule: 'exact' });
    expect(Number(spacingOf(official, 'defaults').line)).toBeGreaterThan(Number(spacingOf(styles, 'defaults').line));
  });
});

describe('other languages keep proportional spacing', () => {
  it('English, Arabic and Chinese: 240ths of a line, no rule (auto)', async () => {
    for (const meta of [testMeta(), arabicMeta(), testMeta({ lang: 'zh-Hans' })]) {
      const styles = part(await renderParts(MARKDOWN, meta), 'word/styles.xml');
      const spacing = spacingOf(styles, 'defaults');
      expect(spacing.lineRule, meta.lang).toBeUndefined();
      expect(Number(spacing.line)).toBe(Math.round(THEME.wordLine.body * 240));
    }
  });
});
