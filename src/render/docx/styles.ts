/**
 * Every style of the DOCX, defined once, from the theme (src/render/theme): fonts, sizes, spacing and colours are
 * the tokens the PDF's print CSS uses, converted to Word's units in src/render/theme/docx-styles.ts. Handlers refer
 * to styles by id (STYLE.*) rather than formatting runs one by one, so a reader can restyle the document in Word,
 * and the navigation pane and screen readers see real headings (Heading1..Heading6).
 */
import {
  AlignmentType,
  BorderStyle,
  LevelFormat,
  ShadingType,
  UnderlineType,
  LineRuleType,
  type ILevelsOptions,
  type INumberingOptions,
  type IStylesOptions,
} from 'docx';
import type { Language } from '../../model/languages.js';
import {
  DOCX_BORDER,
  DOCX_BUILDS_ON,
  DOCX_CALLOUT,
  DOCX_COLOR,
  DOCX_HEADER,
  DOCX_FOOTER,
  DOCX_SPACE,
  DOCX_UNTRANSLATED,
  docxStyles,
} from '../theme/docx-styles.js';
import { THEME } from '../theme/tokens.js';
import { docxFonts } from './fonts.js';
import { wordLanguage } from './language.js';
import { lineSpacing } from './line-spacing.js';

export type { CalloutKind } from '../theme/tokens.js';
/** Colours (Word's hex RGB), from the theme. */
export const COLOR = DOCX_COLOR;
/** Callout kinds: a tint behind the text, a thin border and a thick one on the start side; text stays COLOR.text. */
export const CALLOUT = DOCX_CALLOUT;

/** Style ids (Word shows the style names; the ids are what the XML refers to). */
export const STYLE = {
  headerText: 'HeaderText',
  noticeText: 'NoticeText',
  footerText: 'FooterText',
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  tableRowHeading: 'TableRowHeading',
  buildsOn: 'BuildsOn',
  buildsOnLink: 'BuildsOnLink',
  blockquote: 'Quote',
  hyperlink: 'Hyperlink',
  untranslated: 'Untranslated',
  untranslatedNote: 'UntranslatedNote',
  code: 'InlineCode',
  caption: 'Caption',
} as const;

export function createStyles(lang: Language, options: { compact?: boolean; rtl?: boolean; charts?: boolean } = {}): IStylesOptions {
  const fonts = docxFonts(lang);
  // Paragraph borders are physical sides, even in a right-to-left paragraph (w:bidi mirrors indents and alignment,
  // not borders): the rule on a note's start side is its right border in Arabic and Urdu.
  const [start, end] = options.rtl ? (['right', 'left'] as const) : (['left', 'right'] as const);
  const { size, space, line, headingRule } = docxStyles({ compact: options.compact });
  // Line spacing of text of a size (half-points), with the leading the language needs (line-spacing.ts).
  const lines = (textSize: number, multiple: number) => lineSpacing(lang, textSize, multiple);
  const heading = (key: 'h1' | 'h2' | 'h3' | 'h4' | 'body', gap: { before: number; after: number }, level: number, extra: object = {}) => ({
    run: { font: fonts, size: size[key], sizeComplexScript: size[key], bold: true, color: COLOR.heading },
    paragraph: {
      // The rule written out (auto, what Word assumes when it is absent): LibreOffice took an absent rule as exact,
      // and set a wrapped heading's second line over its first (a bilingual copy's half-width headings wrap).
      spacing: { before: gap.before, after: gap.after, lineRule: LineRuleType.AUTO, ...lines(size[key], line.single) },
      keepNext: true,
      keepLines: true,
      outlineLevel: level,
      ...extra,
    },
  });
  const small = { size: DOCX_HEADER.size, sizeComplexScript: DOCX_HEADER.size, color: DOCX_HEADER.color };
  const buildsOnRule = (width: number, color: string, gap: number) => ({ style: BorderStyle.SINGLE, size: width, color, space: gap });
  const { block: noteBlock, ruleGap: noteGap } = THEME.space.buildsOn; // border gaps are in points

  return {
    default: {
      document: {
        run: { font: fonts, size: size.body, sizeComplexScript: size.body, color: COLOR.text, language: wordLanguage(lang) },
        paragraph: { spacing: { after: space.paragraph, ...lines(size.body, line.body) } },
      },
      heading1: heading('h1', space.h1, 0),
      heading2: heading('h2', space.h2, 1, {
        border: { bottom: { style: BorderStyle.SINGLE, size: headingRule, color: COLOR.heading, space: THEME.space.headingRule } },
      }),
      heading3: heading('h3', space.h3, 2),
      heading4: heading('h4', space.h4, 3),
      heading5: heading('body', space.h5, 4),
      heading6: heading('body', space.h5, 5),
      listParagraph: { paragraph: { spacing: { after: space.listItem, ...lines(size.body, line.body) }, contextualSpacing: true } },
    },
    paragraphStyles: [
      {
        id: STYLE.headerText,
        name: 'Running Header',
        basedOn: 'Normal',
        run: small,
        paragraph: { spacing: { after: 0, ...lines(DOCX_HEADER.size, line.single) } },
      },
      {
        id: STYLE.noticeText,
        name: 'Header Notice',
        basedOn: STYLE.headerText,
        paragraph: { spacing: { before: DOCX_HEADER.noticeBefore, after: 0, ...lines(DOCX_HEADER.size, line.single) } },
      },
      {
        id: STYLE.footerText,
        name: 'Running Footer',
        basedOn: 'Normal',
        run: { size: DOCX_FOOTER.size, sizeComplexScript: DOCX_FOOTER.size, color: DOCX_FOOTER.color },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0, ...lines(DOCX_FOOTER.size, line.single) } },
      },
      {
        id: STYLE.tableText,
        name: 'Table Text',
        basedOn: 'Normal',
        run: { size: size.table, sizeComplexScript: size.table },
        paragraph: { spacing: { before: 0, after: 0, ...lines(size.table, line.table) } },
      },
      {
        id: STYLE.tableHeading,
        name: 'Table Heading',
        basedOn: STYLE.tableText,
        run: { bold: true, color: COLOR.strong },
        paragraph: { keepNext: true },
      },
      {
        // The label in the first column of a table of labels and values: it heads its row.
        id: STYLE.tableRowHeading,
        name: 'Table Row Heading',
        basedOn: STYLE.tableText,
        run: { bold: true, color: COLOR.strong },
      },
      {
        id: STYLE.buildsOn,
        name: 'Builds On Note',
        basedOn: 'Normal',
        run: { size: size.note, sizeComplexScript: size.note, color: DOCX_BUILDS_ON.text },
        paragraph: {
          indent: { left: space.buildsOn.inline, right: space.buildsOn.inline },
          spacing: { before: space.buildsOn.before, after: space.buildsOn.after, ...lines(size.note, line.table) },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: DOCX_BUILDS_ON.fill },
          // The top, bottom and end borders, in the tint's colour, widen the tinted box around the text.
          border: {
            [start]: buildsOnRule(DOCX_BORDER.buildsOnAccent, DOCX_BUILDS_ON.accent, noteGap),
            top: buildsOnRule(DOCX_BORDER.buildsOnEdge, DOCX_BUILDS_ON.fill, noteBlock),
            bottom: buildsOnRule(DOCX_BORDER.buildsOnEdge, DOCX_BUILDS_ON.fill, noteBlock),
            [end]: buildsOnRule(DOCX_BORDER.buildsOnEdge, DOCX_BUILDS_ON.fill, noteGap),
          },
        },
      },
      {
        id: STYLE.blockquote,
        name: 'Quote',
        basedOn: 'Normal',
        run: { color: COLOR.muted, italics: true },
        paragraph: {
          indent: { left: DOCX_SPACE.quoteIndent },
          border: { [start]: { style: BorderStyle.SINGLE, size: DOCX_BORDER.quote, color: COLOR.rule, space: THEME.space.quoteRule } },
        },
      },
      // Under a progress chart: a small muted line, as the PDF's figcaption (only in documents with charts).
      ...(options.charts
        ? [
            {
              id: STYLE.caption,
              name: 'Caption',
              basedOn: 'Normal',
              run: { color: COLOR.muted, size: size.note, sizeComplexScript: size.note },
              paragraph: { spacing: { before: 0, after: space.paragraph, ...lines(size.note, line.table) } },
            },
          ]
        : []),
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
        run: { color: DOCX_BUILDS_ON.text },
      },
      {
        id: STYLE.untranslated,
        name: 'Untranslated Text',
        basedOn: 'DefaultParagraphFont',
        run: {
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: DOCX_UNTRANSLATED.fill },
          underline: { type: UnderlineType.DOTTED, color: DOCX_UNTRANSLATED.underline },
        },
      },
      {
        id: STYLE.untranslatedNote,
        name: 'Untranslated Note',
        basedOn: 'DefaultParagraphFont',
        run: { italics: true, color: DOCX_UNTRANSLATED.note, size: size.tiny, sizeComplexScript: size.tiny },
      },
      {
        id: STYLE.code,
        name: 'Inline Code',
        basedOn: 'DefaultParagraphFont',
        run: { shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLOR.codeFill } },
      },
    ],
  };
}

const BULLETS = ['\u2022', '\u25E6', '\u25AA'] as const; // • ◦ ▪
const ORDERED_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN] as const;

/** Numbering references used by the list handler. */
export const NUMBERING = { bullet: 'bullet', ordered: 'ordered' } as const;

/** List indents: each level the theme's list indent further in, the marker hanging before the text. */
export function listIndent(level: number): { left: number; hanging: number } {
  return { left: DOCX_SPACE.listIndent * (level + 1), hanging: DOCX_SPACE.listHanging };
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
