import { DeletedTextRun, InsertedTextRun, TextRun, type IRunOptions } from 'docx';
import { splitByDirection } from './bidi.js';
import type { Marks, RenderContext } from './context.js';
import { formattedTextRun } from './formatted-run.js';
import { docxFonts, MONO_FONT } from './fonts.js';
import { wordLanguage } from './language.js';
import { STYLE } from './styles.js';

type RunOptions = { -readonly [K in keyof IRunOptions]: IRunOptions[K] };

/** Run properties from the marks; `rtl` marks the run right-to-left (w:rtl), with complex-script bold/italics. */
export function runOptions(marks: Marks, rtl: boolean): RunOptions {
  const options: RunOptions = {};
  if (marks.bold) options.bold = true; // docx writes w:bCs with w:b
  if (marks.italics) options.italics = true; // and w:iCs with w:i
  if (marks.strike) options.strike = true;
  if (marks.code) {
    options.style = STYLE.code;
    options.font = MONO_FONT;
  }
  if (marks.style) options.style = marks.style;
  if (marks.language) options.language = { value: marks.language };
  if (rtl) options.rightToLeft = true;
  return options;
}

/**
 * The runs for a piece of text. Markdown soft line breaks are spaces. In a right-to-left document the text is split
 * into right-to-left and left-to-right stretches (see bidi.ts), each its own run.
 */
export function textRuns(text: string, ctx: RenderContext, marks: Marks = {}): (TextRun | InsertedTextRun | DeletedTextRun)[] {
  const value = text.replace(/\r?\n/g, ' ');
  if (value === '') return [];
  const own = ownLanguage(ctx, marks);
  const make = tracked(ctx, marks);
  if (!ctx.rtl || marks.ltr) return [make({ ...runOptions(marks, false), ...own, text: value })];
  return splitByDirection(value).map((part) => make({ ...runOptions(marks, part.rtl), ...own, text: part.text }));
}

/**
 * How a run is made: a plain run, or in a redline's change a Word tracked change, each with its own id (w:id is
 * unique in the document); Word and LibreOffice show them as tracked changes to review, accept or reject.
 */
function tracked(ctx: RenderContext, marks: Marks): (options: RunOptions) => TextRun | InsertedTextRun | DeletedTextRun {
  const change = marks.change;
  if (!change) return ({ text, ...properties }) => formattedTextRun(properties, text ?? '');
  return (options) => {
    const revision = { id: ctx.revisions.next(), author: change.author, date: change.date };
    return change.kind === 'inserted' ? new InsertedTextRun({ ...options, ...revision }) : new DeletedTextRun({ ...options, ...revision });
  };
}

/**
 * Text in a language other than the document's (a bilingual copy's column): its runs carry the language in all
 * three w:lang slots and that language's fonts, so Word spell-checks, shapes and reads each column in its own
 * language. Untranslated English inside it keeps its own w:lang (marks.language).
 */
function ownLanguage(ctx: RenderContext, marks: Marks): Pick<RunOptions, 'language' | 'font'> {
  if (!ctx.lang || marks.language || marks.code) return {};
  const { value, eastAsia, bidirectional } = wordLanguage(ctx.lang);
  return { language: { value, eastAsia, bidirectional }, font: docxFonts(ctx.lang) };
}

/** A run of its own formatting (a symbol, a field, a break) that follows the document's direction. */
export function run(ctx: RenderContext, options: IRunOptions): TextRun {
  return new TextRun(ctx.rtl ? { ...options, rightToLeft: true } : options);
}
