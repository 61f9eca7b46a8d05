/**
 * What the DOCX takes from a layout's own print CSS (templates/<...>/print.css), which it cannot read: the one-page
 * student summary is set denser and in two columns under a full-width title, as its print.css does.
 */
export interface LayoutStyle {
  /** Smaller text and tighter spacing (styles.ts COMPACT). */
  compact: boolean;
  /** Columns for the body after the title and the first paragraph. */
  columns: number;
}

const LAYOUTS: Record<string, LayoutStyle> = {
  student: { compact: true, columns: 2 },
};

const DEFAULT: LayoutStyle = { compact: false, columns: 1 };

export function layoutStyle(layout: string): LayoutStyle {
  return Object.prototype.hasOwnProperty.call(LAYOUTS, layout) ? LAYOUTS[layout]! : DEFAULT;
}

/** Space between columns in twips (16 pt, as the print CSS's column-gap). */
export const COLUMN_GAP = 320;
