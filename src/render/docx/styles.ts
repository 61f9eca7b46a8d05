/**
 * Every style of the DOCX, defined once: fonts, sizes, spacing and colours. Handlers refer to styles by id
 * (STYLE.*) rather than formatting runs one by one, so a reader can restyle the document in Word, and the navigation
 * pane and screen readers see real headings (Heading1..Heading6).
 *
 * The look follows the PDF's print CSS (templates/base.css), so both formats of a copy look like the same document:
 * calm and clear for a parent. One sans family (Noto, as the PDF), 10.5 pt body text, deep blue headings with a rule
 * under section headings, light blue-grey table lines and header tints, soft tinted callouts and "builds on" notes.
 * Every text colour has a contrast of at least 4.5:1 on white and on the tints it sits on (ratios below).
 */
import {
  AlignmentType,
  BorderStyle,
  LevelFormat,
  ShadingType,
  UnderlineType,
  type ILevelsOptions,
  type INumberingOptions,
  type IStylesOptions,
} from 'docx';
import type { Language } from '../../model/languages.js';
import { docxFonts } from './fonts.js';
import { wordLanguage } from './language.js';

/** Colours (hex RGB), those of templates/base.css. Contrast ratios on white in the comments. */
export const COLOR = {
  text: '1F2933', // 14.7:1
  heading: '0B4F6C', // 8.9:1
  strong: '102A43', // 14.9:1
  muted: '486581', // 6.1:1 (header, footer, notes)
  link: '0B4F6C', // 8.9:1
  rule: '9FB3C8',
  tableBorder: '9FB3C8',
  tableHeaderFill: 'E3EEF5', // heading text on it 13.1:1
  buildsOnBorder: '3F9142',
  buildsOnFill: 'EEF7EE',
  buildsOnText: '1E5B20', // 7.1:1 on its tint
  untranslatedFill: 'FFF4D6',
  untranslatedUnderline: '8D6E00',
  untranslatedNote: '6B5200', // 6.9:1 on white
  watermark: 'C8D0D8',
} as const;

/** Callout kinds: a tint behind the text, a thin border and a thick one on the start side; text stays COLOR.text. */
export const CALLOUT = {
  info: { fill: 'F0F6FA', accent: '0B4F6C' },
  notice: { fill: 'F0F6FA', accent: '486581' },
  important: { fill: 'FDF3EC', accent: 'B44D12' },
} as const;
export type CalloutKind = keyof typeof CALLOUT;

/** Sizes in half-points, as Word stores them (the regular density; see COMPACT). */
export const SIZE = {
  body: 21, // 10.5 pt
  table: 19, // 9.5 pt
  small: 17, // 8.5 pt (running header and footer)
  note: 19, // 9.5 pt (builds-on)
  tiny: 16, // 8 pt (the untranslated note)
  h1: 38, // 19 pt
  h2: 27, // 13.5 pt
  h3: 23, // 11.5 pt
  h4: 21, // 10.5 pt
} as const;

/**
 * The compact density of the one-page student summary, after templates/common/student/print.css: 9.5 pt text,
 * tighter headings and lists (the summary is also set in two columns; see layouts.ts).
 */
const COMPACT: Partial<Record<keyof typeof SIZE, number>> = { body: 19, note: 17, h1: 40, h2: 25, h3: 20, h4: 20 };

/** Style ids (Word shows the style names; the ids are what the XML refers to). */
export const STYLE = {
  headerText: 'HeaderText',
  noticeText: 'NoticeText',
  footerText: 'FooterText',
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  buildsOn: 'BuildsOn',
  buildsOnLink: 'BuildsOnLink',
  blockquote: 'Quote',
  hyperlink: 'Hyperlink',
  untranslated: 'Untranslated',
  untranslatedNote: 'UntranslatedNote',
  code: 'InlineCode',
} as const;

/** Line spacing (240 = single). Noto's single line is already about 1.36 em, so 1.1 reads like the PDF's 1.45. */
const BODY_LINE = 264;

export function createStyles(lang: Language, options: { compact?: boolean; rtl?: boolean } = {}): IStylesOptions {
  const fonts = docxFonts(lang);
  // Paragraph borders are physical sides, even in a right-to-left paragraph (w:bidi mirrors indents and alignment,
  // not borders): the rule on a note's start side is its right border in Arabic and Urdu.
  const [start, end] = options.rtl ? (['right', 'left'] as const) : (['left', 'right'] as const);
  const compact = options.compact === true;
  const size = (key: keyof typeof SIZE) => (compact ? (COMPACT[key] ?? SIZE[key]) : SIZE[key]);
  // Spacing in twips, tightened for the compact density.
  const space = (twips: number) => (compact ? Math.round(twips * 0.6) : twips);
  const LINE = compact ? 252 : BODY_LINE;
  const heading = (key: keyof typeof SIZE, before: number, after: number, level: number, extra: object = {}) => ({
    run: { font: fonts, size: size(key), sizeComplexScript: size(key), bold: true, color: COLOR.heading },
    paragraph: {
      spacing: { before: space(before), after: space(after), line: 240 },
      keepNext: true,
      keepLines: true,
      outlineLevel: level,
      ...extra,
    },
  });

  return {
    default: {
      document: {
        run: { font: fonts, size: size('body'), sizeComplexScript: size('body'), color: COLOR.text, language: wordLanguage(lang) },
        paragraph: { spacing: { after: space(120), line: LINE } },
      },
      heading1: heading('h1', 0, 200, 0),
      heading2: heading('h2', 320, 120, 1, {
        border: { bottom: { style: BorderStyle.SINGLE, size: compact ? 8 : 12, color: COLOR.heading, space: 3 } },
      }),
      heading3: heading('h3', 240, 80, 2),
      heading4: heading('h4', 200, 60, 3),
      heading5: heading('body', 160, 60, 4),
      heading6: heading('body', 160, 60, 5),
      listParagraph: { paragraph: { spacing: { after: space(40), line: LINE }, contextualSpacing: true } },
    },
    paragraphStyles: [
      {
        id: STYLE.headerText,
        name: 'Running Header',
        basedOn: 'Normal',
        run: { size: SIZE.small, sizeComplexScript: SIZE.small, color: COLOR.muted },
        paragraph: { spacing: { after: 0, line: 240 } },
      },
      {
        id: STYLE.noticeText,
        name: 'Header Notice',
        basedOn: STYLE.headerText,
        run: { italics: true },
        paragraph: { spacing: { before: 20, after: 0, line: 240 } },
      },
      {
        id: STYLE.footerText,
        name: 'Running Footer',
        basedOn: 'Normal',
        run: { size: SIZE.small, sizeComplexScript: SIZE.small, color: COLOR.muted },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0, line: 240 } },
      },
      {
        id: STYLE.tableText,
        name: 'Table Text',
        basedOn: 'Normal',
        run: { size: SIZE.table, sizeComplexScript: SIZE.table },
        paragraph: { spacing: { before: 0, after: 0, line: 252 } },
      },
      {
        id: STYLE.tableHeading,
        name: 'Table Heading',
        basedOn: STYLE.tableText,
        run: { bold: true, color: COLOR.strong },
        paragraph: { keepNext: true },
      },
      {
        id: STYLE.buildsOn,
        name: 'Builds On Note',
        basedOn: 'Normal',
        run: { size: size('note'), sizeComplexScript: size('note'), color: COLOR.buildsOnText },
        paragraph: {
          indent: { left: 160, right: 160 },
          spacing: { before: space(40), after: space(120), line: 252 },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLOR.buildsOnFill },
          // The top, bottom and end borders, in the tint's colour, widen the tinted box around the text.
          border: {
            [start]: { style: BorderStyle.SINGLE, size: 24, color: COLOR.buildsOnBorder, space: 6 },
            top: { style: BorderStyle.SINGLE, size: 4, color: COLOR.buildsOnFill, space: 2 },
            bottom: { style: BorderStyle.SINGLE, size: 4, color: COLOR.buildsOnFill, space: 2 },
            [end]: { style: BorderStyle.SINGLE, size: 4, color: COLOR.buildsOnFill, space: 6 },
          },
        },
      },
      {
        id: STYLE.blockquote,
        name: 'Quote',
        basedOn: 'Normal',
        run: { color: COLOR.muted, italics: true },
        paragraph: {
          indent: { left: 360 },
          border: { [start]: { style: BorderStyle.SINGLE, size: 18, color: COLOR.rule, space: 8 } },
        },
      },
    ],
    characterStyles: [
      {
        id: STYLE.hyperlink,
        name: 'Hyperlink',
        basedOn: 'DefaultParagraphFont',
        run: { color: COLOR.link, underline: { type: UnderlineType.SINGLE, color: COLOR.link } },
      },
      {
        // A link inside a builds-on note: the note's green, not underlined (as the PDF); the box says it is a note.
        id: STYLE.buildsOnLink,
        name: 'Builds On Link',
        basedOn: 'DefaultParagraphFont',
        run: { color: COLOR.buildsOnText },
      },
      {
        id: STYLE.untranslated,
        name: 'Untranslated Text',
        basedOn: 'DefaultParagraphFont',
        run: {
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLOR.untranslatedFill },
          underline: { type: UnderlineType.DOTTED, color: COLOR.untranslatedUnderline },
        },
      },
      {
        id: STYLE.untranslatedNote,
        name: 'Untranslated Note',
        basedOn: 'DefaultParagraphFont',
        run: { italics: true, color: COLOR.untranslatedNote, size: SIZE.tiny, sizeComplexScript: SIZE.tiny },
      },
      {
        id: STYLE.code,
        name: 'Inline Code',
        basedOn: 'DefaultParagraphFont',
        run: { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F0F4F8' } },
      },
    ],
  };
}

const BULLETS = ['\u2022', '\u25E6', '\u25AA'] as const; // • ◦ ▪
const ORDERED_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN] as const;

/** Numbering references used by the list handler. */
export const NUMBERING = { bullet: 'bullet', ordered: 'ordered' } as const;

/** List indents: each level 360 twips (1/4 in) further in, the marker hanging 300 twips before the text. */
export function listIndent(level: number): { left: number; hanging: number } {
  return { left: 420 + 360 * level, hanging: 300 };
}

/** Levels of an ordered list starting at `start` (mdast `list.start`, 1 unless the Markdown said otherwise). */
export function orderedLevels(start = 1): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: ORDERED_FORMATS[level % 3],
    text: `%${level + 1}.`,
    alignment: AlignmentType.START,
    start: level === 0 ? start : 1,
    style: { paragraph: { indent: listIndent(level) } },
  }));
}

export function createNumbering(): INumberingOptions {
  return {
    config: [
      {
        reference: NUMBERING.bullet,
        levels: Array.from({ length: 9 }, (_, level) => ({
          level,
          format: LevelFormat.BULLET,
          text: BULLETS[level % 3],
          alignment: AlignmentType.START,
          style: { paragraph: { indent: listIndent(level) }, run: { color: COLOR.heading } },
        })),
      },
      { reference: NUMBERING.ordered, levels: orderedLevels() },
    ],
  };
}
