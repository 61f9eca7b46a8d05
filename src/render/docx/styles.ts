/**
 * Every style of the DOCX, defined once: fonts, sizes, spacing and colours. Handlers refer to styles by id
 * (STYLE.*) rather than formatting runs one by one, so a reader can restyle the document in Word, and the navigation
 * pane and screen readers see real headings (Heading1..Heading6).
 *
 * The look: calm and clear for a parent. One sans family (Noto, the same as the PDF), 11 pt body text with 1.15 line
 * spacing, deep blue-teal headings, light grey rules, soft tinted table headers and callouts. Every text colour has a
 * contrast of at least 4.5:1 on white and on the tints it sits on (most are over 7:1; see CONTRAST below).
 */
import {
  AlignmentType,
  BorderStyle,
  LevelFormat,
  UnderlineType,
  type ILevelsOptions,
  type INumberingOptions,
  type IStylesOptions,
} from 'docx';
import type { Language } from '../../model/languages.js';
import { docxFonts } from './fonts.js';
import { wordLanguage } from './language.js';

/** Colours (hex RGB). Contrast ratios on white in the comments. */
export const COLOR = {
  text: '1F2933', // 14.7:1
  heading: '1D4E6B', // 9.2:1
  muted: '4A5560', // 7.6:1 (header, footer, notes)
  link: '1A5A96', // 7.0:1
  rule: 'B8C4CE',
  tableBorder: 'A9B6C2',
  tableHeaderFill: 'E4EDF3', // text on it 12.9:1
  untranslatedFill: 'EEF1F4',
  untranslatedUnderline: '7B8794',
  watermark: 'C8D0D8',
} as const;

/** Callout kinds: a tint behind the text and a stronger border; text stays COLOR.text (over 12:1 on each tint). */
export const CALLOUT = {
  info: { fill: 'EAF3FB', border: '2F6FA8' },
  notice: { fill: 'FFF6E0', border: 'B7791F' },
  important: { fill: 'FDEDEC', border: 'B83232' },
} as const;
export type CalloutKind = keyof typeof CALLOUT;

/** Sizes in half-points, as Word stores them. */
export const SIZE = {
  body: 22, // 11 pt
  small: 18, // 9 pt
  note: 19, // 9.5 pt
  h1: 36,
  h2: 30,
  h3: 25,
  h4: 23,
} as const;

/** Style ids (Word shows the style names; the ids are what the XML refers to). */
export const STYLE = {
  headerText: 'HeaderText',
  noticeText: 'NoticeText',
  footerText: 'FooterText',
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  buildsOn: 'BuildsOn',
  blockquote: 'Quote',
  hyperlink: 'Hyperlink',
  untranslated: 'Untranslated',
  code: 'InlineCode',
} as const;

/** Spacing in twips (1/20 pt). */
const LINE_115 = 276;

export function createStyles(lang: Language): IStylesOptions {
  const fonts = docxFonts(lang);
  const heading = (size: number, before: number, after: number, bold = true) => ({
    run: { font: fonts, size, sizeComplexScript: size, bold, color: COLOR.heading },
    paragraph: { spacing: { before, after, line: LINE_115 }, keepNext: true, keepLines: true },
  });

  return {
    default: {
      document: {
        run: {
          font: fonts,
          size: SIZE.body,
          sizeComplexScript: SIZE.body,
          color: COLOR.text,
          language: wordLanguage(lang),
        },
        paragraph: { spacing: { after: 120, line: LINE_115 } },
      },
      heading1: {
        ...heading(SIZE.h1, 0, 200),
        paragraph: {
          spacing: { before: 0, after: 200, line: LINE_115 },
          keepNext: true,
          keepLines: true,
          outlineLevel: 0,
          border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: COLOR.rule, space: 6 } },
        },
      },
      heading2: {
        ...heading(SIZE.h2, 360, 120),
        paragraph: { spacing: { before: 360, after: 120, line: LINE_115 }, keepNext: true, keepLines: true, outlineLevel: 1 },
      },
      heading3: {
        ...heading(SIZE.h3, 240, 80),
        paragraph: { spacing: { before: 240, after: 80, line: LINE_115 }, keepNext: true, keepLines: true, outlineLevel: 2 },
      },
      heading4: {
        ...heading(SIZE.h4, 200, 60),
        paragraph: { spacing: { before: 200, after: 60, line: LINE_115 }, keepNext: true, keepLines: true, outlineLevel: 3 },
      },
      heading5: {
        ...heading(SIZE.body, 160, 60),
        paragraph: { spacing: { before: 160, after: 60, line: LINE_115 }, keepNext: true, keepLines: true, outlineLevel: 4 },
      },
      heading6: {
        ...heading(SIZE.body, 160, 60, false),
        paragraph: { spacing: { before: 160, after: 60, line: LINE_115 }, keepNext: true, keepLines: true, outlineLevel: 5 },
      },
      listParagraph: {
        paragraph: { spacing: { after: 60, line: LINE_115 }, contextualSpacing: true },
      },
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
        paragraph: { spacing: { before: 40, after: 0, line: 240 } },
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
        paragraph: { spacing: { before: 0, after: 40, line: 252 } },
      },
      {
        id: STYLE.tableHeading,
        name: 'Table Heading',
        basedOn: STYLE.tableText,
        run: { bold: true, color: COLOR.heading },
        paragraph: { keepNext: true },
      },
      {
        id: STYLE.buildsOn,
        name: 'Builds On Note',
        basedOn: 'Normal',
        run: { size: SIZE.note, sizeComplexScript: SIZE.note, color: COLOR.muted, italics: true },
        paragraph: { indent: { left: 360 }, spacing: { before: 0, after: 120, line: LINE_115 } },
      },
      {
        id: STYLE.blockquote,
        name: 'Quote',
        basedOn: 'Normal',
        run: { color: COLOR.muted, italics: true },
        paragraph: {
          indent: { left: 360 },
          border: { left: { style: BorderStyle.SINGLE, size: 18, color: COLOR.rule, space: 8 } },
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
        id: STYLE.untranslated,
        name: 'Untranslated Text',
        basedOn: 'DefaultParagraphFont',
        run: {
          italics: true,
          color: COLOR.muted,
          shading: { type: 'clear', color: 'auto', fill: COLOR.untranslatedFill },
          underline: { type: UnderlineType.DOTTED, color: COLOR.untranslatedUnderline },
        },
      },
      {
        id: STYLE.code,
        name: 'Inline Code',
        basedOn: 'DefaultParagraphFont',
        run: { shading: { type: 'clear', color: 'auto', fill: COLOR.untranslatedFill } },
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
