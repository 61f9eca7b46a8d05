import { AlignmentType, Paragraph, ShadingType, Table as DocxTable, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { AlignType, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Block, RenderContext } from './context.js';
import { keepFor } from './keep-mode.js';
import { paragraphOptions, tableEnded, tableStarts } from './paragraph-options.js';
import { wholeChange } from './whole-change.js';
import { STYLE } from './styles.js';
import { cellDirection } from './language-directive.js';
import { DOCX_BILINGUAL } from '../theme/docx-styles.js';

const TRANSLATED_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: DOCX_BILINGUAL.rowFill } as const;
import { CELL_MARGINS, columnWidths, HEADER_COLUMN_LOOK, HEADER_ROW_LOOK, HEADER_SHADING, TABLE_BORDERS, wordWidth } from './table-layout.js';

/**
 * Column alignment from the GFM delimiter row, as start/end so that it follows the document's direction: `:---`
 * (left in a left-to-right document) is the start side, which is the right in Arabic and Urdu.
 */
function alignment(align: AlignType | undefined) {
  if (align === 'center') return AlignmentType.CENTER;
  if (align === 'right') return AlignmentType.END;
  return AlignmentType.START;
}

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Characters in a text, as Array.from counts them (a surrogate pair is one), without making the array. */
function codePointLength(text: string): number {
  return text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);
}

/**
 * A GFM table across the full text width. The first row is the header: marked to repeat at the top of every page
 * (w:tblHeader), bold on a light tint. An empty header row (a table of labels and values) is left out; the labels in
 * the first column are then the table's headers: OOXML has no header flag for a column, so the table says so in its
 * look (w:tblLook w:firstColumn, Word's "First Column" option) and the labels are bold (Table Row Heading). No row
 * splits across a page (w:cantSplit). Inside `:::keep` the rows also keep with the next row, so a short table stays
 * on one page.
 */
export function table(node: Table, ctx: RenderContext): Block[] {
  const columns = Math.max(0, ...node.children.map((row) => row.children.length));
  if (columns === 0) return [];
  const texts = Array.from({ length: columns }, (_, column) =>
    node.children.map((row) => (row.children[column] ? toString(row.children[column]) : '')),
  );
  // A header row with nothing in it (a two-column list of labels and values) is left out rather than drawn empty.
  const rowsToWrite = texts.every((cells) => cells[0]!.trim() === '') ? node.children.slice(1) : node.children;
  const hasHeader = rowsToWrite.length === node.children.length;
  // Bold text: the header row, or the labels of a table without one.
  const bold = (row: number, column: number) => (hasHeader ? row === 0 : column === 0);
  const widths = columnWidths(
    ctx.width,
    texts.map((cells, column) => ({
      longest: Math.max(...cells.map(codePointLength)),
      widestWord: Math.max(
        ...cells.flatMap((text, row) => text.split(/\s+/).filter(Boolean).map((word) => wordWidth(word, bold(row, column)))),
        0,
      ),
    })),
  );
  tableStarts(ctx);
  const cellCtx: RenderContext = { ...ctx, keep: 'none', indent: 0, paragraphStyle: STYLE.tableText };

  const rows = rowsToWrite.map((row, rowIndex) => {
    const header = hasHeader && rowIndex === 0;
    // A bilingual copy's translated row: its cells are each one `:language`, tinted, in that language's direction.
    const translated = row.children.some((cell) => cellDirection(cell.children) !== undefined);
    const cells = widths.map((width, column) => {
      const cell = row.children[column];
      const dir = cell ? cellDirection(cell.children) : undefined;
      return new TableCell({
        width: { size: width, type: WidthType.DXA },
        margins: CELL_MARGINS,
        ...(header ? { shading: HEADER_SHADING } : translated ? { shading: TRANSLATED_SHADING } : {}),
        children: [
          new Paragraph({
            ...paragraphOptions(dir ? { ...cellCtx, rtl: dir === 'rtl' } : cellCtx),
            style: header ? STYLE.tableHeading : !hasHeader && column === 0 ? STYLE.tableRowHeading : STYLE.tableText,
            alignment: alignment(node.align?.[column]),
            children: cell ? ctx.inlines(cell.children, cellCtx) : [],
          }),
        ],
      });
    });
    // A row followed by its translation (a bilingual copy) keeps with it: the two are read together.
    const nextTranslated = rowsToWrite[rowIndex + 1]?.children.some((cell) => cellDirection(cell.children) !== undefined) === true;
    const keepNext = nextTranslated || (ctx.keep !== 'none' && keepFor(ctx.keep, rowIndex, rowsToWrite.length) === 'all');
    // A row only one version of a redline has is a tracked row: accepting its deletion removes the row.
    const change = wholeChange(row.children.map((cell) => cell.children), ctx);
    return new TableRow({
      children: cells,
      cantSplit: true,
      ...change,
      ...(header ? { tableHeader: true } : {}),
      ...(keepNext ? { keepNext } : {}),
    });
  });

  tableEnded(ctx);
  return [
    new DocxTable({
      rows,
      width: { size: ctx.width, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: TABLE_BORDERS,
      tableLook: hasHeader ? HEADER_ROW_LOOK : HEADER_COLUMN_LOOK,
      ...(ctx.rtl ? { visuallyRightToLeft: true } : {}),
    }),
  ];
}
