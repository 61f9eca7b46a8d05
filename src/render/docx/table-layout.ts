import { BorderStyle, ShadingType, type ITableBordersOptions, type ITableCellOptions } from 'docx';

type ITableCellMarginOptions = NonNullable<ITableCellOptions['margins']>;
import { textWidth } from '../fonts/text-width.js';
import { DOCX_BORDER, DOCX_SPACE, twips } from '../theme/docx-styles.js';
import { THEME } from '../theme/tokens.js';
import { COLOR } from './styles.js';

/** Thin, light grey lines between all cells: readable without looking like a spreadsheet. */
export const TABLE_BORDERS: ITableBordersOptions = {
  top: { style: BorderStyle.SINGLE, size: DOCX_BORDER.table, color: COLOR.rule },
  bottom: { style: BorderStyle.SINGLE, size: DOCX_BORDER.table, color: COLOR.rule },
  left: { style: BorderStyle.SINGLE, size: DOCX_BORDER.table, color: COLOR.rule },
  right: { style: BorderStyle.SINGLE, size: DOCX_BORDER.table, color: COLOR.rule },
  insideHorizontal: { style: BorderStyle.SINGLE, size: DOCX_BORDER.table, color: COLOR.rule },
  insideVertical: { style: BorderStyle.SINGLE, size: DOCX_BORDER.table, color: COLOR.rule },
};

/** Cell padding in twips. */
export const CELL_MARGINS: ITableCellMarginOptions = { top: DOCX_SPACE.cell.top, bottom: DOCX_SPACE.cell.bottom, left: DOCX_SPACE.cell.inline, right: DOCX_SPACE.cell.inline };

export const HEADER_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: COLOR.tableHeaderFill } as const;

/**
 * Where a table's headers are, as Word's table look (w:tblLook, the "Header Row" and "First Column" options): the
 * first row for a table with column headings (whose row also repeats on each page, w:tblHeader), the first column
 * for a table of labels and values. No banding: the tables have no table style that would band them.
 */
export const HEADER_ROW_LOOK = { firstRow: true, firstColumn: false, noVBand: true } as const;
export const HEADER_COLUMN_LOOK = { firstRow: false, firstColumn: true, noVBand: true } as const;

/** What a column's cells need: the length of its longest text in characters, and the width of its widest word in twips. */
export interface ColumnText {
  longest: number;
  widestWord: number;
}

/** The cell padding, in twips. */
const PADDING = 2 * DOCX_SPACE.cell.inline;
/** About the width of one character of table text (twips), for a word not measured below. */
const CHAR = 105;

/**
 * How wide a word of table text is (twips), bold or not: a Latin, Greek or Cyrillic word measured in Noto Sans, the
 * family Word sets it in; a word of another script estimated from its length (shaping Arabic, Urdu or Bengali words
 * one by one would triple the time a DOCX takes, and CJK text breaks between any two characters anyway).
 */
export function wordWidth(word: string, bold: boolean): number {
  const em = textWidth(word, 'Noto Sans', bold ? 700 : 400);
  return em === undefined ? Array.from(word).length * CHAR : twips(em * THEME.size.table * FIT + THEME.border.table);
}

/**
 * Room for a word beyond its exact advance: readers round glyph advances to their device grid (LibreOffice broke
 * "September" in a cell exactly its width), and the cell's border takes its width from the text.
 */
const FIT = 1.05;

/**
 * Column widths in twips that fill `width`, as a browser lays out an auto table: each column's share grows with its
 * longest text (damped by a square root, so a column of paragraphs does not take everything from a column of
 * dates), and no column is narrower than its widest word when the table has room for that (Word and LibreOffice
 * break a word that does not fit its cell: "Novembe/r"). A word wider than an equal share (a pasted link) gets no
 * more: it wraps, as the PDF's long words do.
 */
export function columnWidths(width: number, columns: readonly ColumnText[]): number[] {
  if (columns.length === 0) return [];
  const weights = columns.map((column) => Math.sqrt(Math.max(column.longest, 4)));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const wanted = weights.map((weight) => (width * weight) / total);
  const minimum = columns.map((column) => Math.min(Math.ceil(column.widestWord) + PADDING, width / columns.length));
  // Raise narrow columns to their minimum, taking the difference from the others in proportion to their room.
  const raised = wanted.map((w, i) => Math.max(w, minimum[i]!));
  const excess = raised.reduce((sum, w) => sum + w, 0) - width;
  const room = raised.map((w, i) => w - minimum[i]!);
  const totalRoom = room.reduce((sum, r) => sum + r, 0);
  const widths = raised.map((w, i) => Math.floor(excess > 0 && totalRoom > 0 ? w - (excess * room[i]!) / totalRoom : w));
  // Give the rounding remainder to the last column, so the columns add up to the table exactly.
  widths[widths.length - 1]! += width - widths.reduce((sum, w) => sum + w, 0);
  return widths;
}

/** Fixed shares of `width` (they add up to 1); the last column takes the rounding remainder. */
export function shareWidths(width: number, shares: readonly number[]): number[] {
  const widths = shares.map((share) => Math.floor(width * share));
  if (widths.length > 0) widths[widths.length - 1]! += width - widths.reduce((sum, w) => sum + w, 0);
  return widths;
}
