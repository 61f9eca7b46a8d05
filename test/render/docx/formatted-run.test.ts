/**
 * Text runs are written with their properties formatted once per formatting (formatted-run.ts): each run formats as
 * docx's own TextRun of the same options, and whole documents come out byte for byte as with docx's TextRun.
 */
import { TextRun } from 'docx';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formattedTextRun } from '../../../src/render/docx/formatted-run.js';
import { docxFonts } from '../../../src/render/docx/fonts.js';
import { wordLanguage } from '../../../src/render/docx/language.js';
import { runOptions } from '../../../src/render/docx/runs.js';
import type { Marks } from '../../../src/render/docx/context.js';
import { wholeDocuments } from './helpers.js';

const context = { stack: [] } as never;
const formatted = (run: { prepForXml(context: never): unknown }) => JSON.stringify(run.prepForXml(context));

describe('formatted text runs', () => {
  afterEach(() => {
    vi.doUnmock('../../../src/render/docx/formatted-run.js');
    vi.resetModules();
  });

  it('format as docx formats a TextRun of the same options, for every formatting the renderer makes', () => {
    const marks: Marks[] = [
      {},
      { bold: true },
      { italics: true },
      { strike: true },
      { bold: true, italics: true, strike: true },
      { code: true },
      { style: 'Hyperlink' },
      { style: 'Untranslated', language: 'en-US' },
      { bold: true, code: true, style: 'Strength' },
    ];
    const languages = [{}, ...(['es', 'ar', 'zh-Hans', 'bn', 'ko', 'ur'] as const).map((lang) => ({ language: wordLanguage(lang), font: docxFonts(lang) }))];
    const texts = ['', 'Mateo reads', '  spaces around  ', 'a & b < c > "d" \'e\'', 'tab\there', 'قراءة', '阅读', '😀 x', '{{x}} <script>'];
    let compared = 0;
    for (const mark of marks) {
      for (const rtl of [false, true]) {
        for (const language of languages) {
          for (const text of texts) {
            const options = { ...runOptions(mark, rtl), ...language };
            expect(formatted(formattedTextRun(options, text)), JSON.stringify({ options, text })).toBe(formatted(new TextRun({ ...options, text })));
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(marks.length * 2 * languages.length * texts.length);
  });

  it('gives whole documents the bytes docx TextRuns give them', async () => {
    const documents = wholeDocuments();
    vi.resetModules();
    vi.doMock('../../../src/render/docx/formatted-run.js', async () => {
      const docx = await import('docx');
      return { formattedTextRun: (options: object, text: string) => new docx.TextRun({ ...options, text }) };
    });
    const withLibraryRuns = (await import('../../../src/render/docx/render-docx.js')).renderDocx;
    vi.doUnmock('../../../src/render/docx/formatted-run.js');
    vi.resetModules();
    const withFormattedRuns = (await import('../../../src/render/docx/render-docx.js')).renderDocx;
    expect(withFormattedRuns).not.toBe(withLibraryRuns);
    for (const [i, document] of documents.entries()) {
      const library = await withLibraryRuns(document);
      expect((await withFormattedRuns(document)).equals(library), `document ${i}`).toBe(true);
    }
  });
});
