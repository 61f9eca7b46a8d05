/**
 * What the DOCX takes from a layout's own print CSS (templates/<...>/print.css), which it cannot read: the one-page
 * student summary is set denser and in two columns under a full-width title, as its print.css does (both from
 * the theme's THEME.compact).
 */
import { DOCX_COLUMNS } from '../theme/docx-styles.js';
export interface LayoutStyle {
  /** Smaller text and tighter spacing (THEME.compact). */
  compact: boolean;
  /** Columns for the body after the title and the first paragraph. */
  columns: number;
}

const LAYOUTS: Record<string, LayoutStyle> = {
  student: { compact: true, columns: DOCX_COLUMNS.count },
};

const DEFAULT: LayoutStyle = { compact: false, columns: 1 };

export function layoutStyle(layout: string): LayoutStyle {
  return Object.prototype.hasOwnProperty.call(LAYOUTS, layout) ? LAYOUTS[layout]! : DEFAULT;
}

/** Space between columns in twips (the theme's, as the print CSS's column-gap). */
export const COLUMN_GAP = DOCX_COLUMNS.gap;
