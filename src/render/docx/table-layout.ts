import { BorderStyle, ShadingType, type ITableBordersOptions, type ITableCellOptions } from 'docx';

type ITableCellMarginOptions = NonNullable<ITableCellOptions['margins']>;
import { COLOR } from './styles.js';

/** Thin, light grey lines between all cells: readable without looking like a spreadsheet. */
export const TABLE_BORDERS: ITableBordersOptions = {
  top: { style: BorderStyle.SINGLE, size: 4, color: COLOR.tableBorder },
  bottom: { style: BorderStyle.SINGLE, size: 4, color: COLOR.tableBorder },
  left: { style: BorderStyle.SINGLE, size: 4, color: COLOR.tableBorder },
  right: { style: BorderStyle.SINGLE, size: 4, color: COLOR.tableBorder },
  insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: COLOR.tableBorder },
  insideVertical: { style: BorderStyle.SINGLE, size: 4, color: COLOR.tableBorder },
};

/** Cell padding in twips. */
export const CELL_MARGINS: ITableCellMarginOptions = { top: 70, bottom: 50, left: 110, right: 110 };

export const HEADER_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: COLOR.tableHeaderFill } as const;

/**
 * Column widths in twips that fill `width`: each column's share follows the length of its longest cell text, within
 * bounds so that a column of short values ("Yes") is not squeezed and a long one does not take everything.
 */
export function columnWidths(width: number, lengths: readonly number[]): number[] {
  const weights = lengths.map((length) => Math.min(Math.max(length, 8), 48));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const widths = weights.map((weight) => Math.floor((width * weight) / total));
  // Give the rounding remainder to the last column, so the columns add up to the table exactly.
  const rest = width - widths.reduce((sum, w) => sum + w, 0);
  if (widths.length > 0) widths[widths.length - 1]! += rest;
  return widths;
}

/** Fixed shares of `width` (they add up to 1); the last column takes the rounding remainder. */
export function shareWidths(width: number, shares: readonly number[]): number[] {
  const widths = shares.map((share) => Math.floor(width * share));
  if (widths.length > 0) widths[widths.length - 1]! += width - widths.reduce((sum, w) => sum + w, 0);
  return widths;
}
