import { BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { Root } from 'mdast';
import { directiveAttributes, type DirectiveNode } from '../../model/directives.js';
import { isLanguage } from '../../model/languages.js';
import { DOCX_BILINGUAL } from '../theme/docx-styles.js';
import { bracketsIntoUntranslated } from './brackets-into-untranslated.js';
import type { Block, RenderContext } from './context.js';
import { paragraphOptions, tableEnded, tableStarts } from './paragraph-options.js';
import { DocxRenderError } from './render-error.js';
import { separateTables } from './separate-tables.js';
import { shareWidths } from './table-layout.js';
import { COLOR } from './styles.js';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;

/**
 * `:::pair` (the bilingual copy): the same part in two languages as a borderless two-cell table row, a thin rule
 * between the cells, each cell's paragraphs and runs in its column's language and direction (w:bidi, w:rtl, w:lang).
 * The row may split across pages, so a long passage continues beside its translation. `stack` writes the columns
 * one after the other at full width (the attendance table).
 */
export function pair(node: DirectiveNode<'pair'>, ctx: RenderContext): Block[] {
  const { stack } = directiveAttributes(node);
  const columns = node.children as DirectiveNode<'column'>[];
  if (columns.length !== 2) throw new DocxRenderError(node, `a pair holds two columns, this one ${columns.length}`);
  if (stack) return columns.flatMap((column) => ctx.all(columnBlocks(column), columnContext(column, ctx, ctx.width)));
  const half = DOCX_BILINGUAL.inset;
  // Headings have their rule under them; a rule between the two columns would cross it.
  const headed = columns.some((column) => column.children[0]?.type === 'heading');
  const rule = headed ? NONE : { style: BorderStyle.SINGLE, size: DOCX_BILINGUAL.rule, color: COLOR.rule };
  const widths = shareWidths(ctx.width, [0.5, 0.5]);
  tableStarts(ctx);
  const cells = columns.map((column, i) => {
    const margins = i === 0 ? { top: 0, bottom: 0, left: 0, right: half } : { top: 0, bottom: 0, left: half, right: 0 };
    const inner = columnContext(column, ctx, widths[i]! - half);
    const blocks = ctx.all(columnBlocks(column), inner);
    return new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      margins,
      borders: { top: NONE, bottom: NONE, start: NONE, end: i === 0 ? rule : NONE },
      // A cell needs one paragraph at least; a table last in a cell needs one after it.
      children: blocks.length > 0 ? separateTables(blocks, inner) : [new Paragraph(paragraphOptions(inner))],
    });
  });
  tableEnded(ctx);
  return [
    new Table({
      width: { size: ctx.width, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
      rows: [new TableRow({ children: cells, ...(ctx.keep === 'all' ? { keepNext: true } : {}) })],
    }),
  ];
}

/** A right-to-left column's blocks with brackets around untranslated English moved inside it, as the document does. */
function columnBlocks(column: DirectiveNode<'column'>): Root['children'] {
  const root: Root = { type: 'root', children: column.children };
  return directiveAttributes(column).dir === 'rtl' ? bracketsIntoUntranslated(root).children : column.children;
}

function columnContext(column: DirectiveNode<'column'>, ctx: RenderContext, width: number): RenderContext {
  const { lang, dir } = directiveAttributes(column);
  if (!isLanguage(lang)) throw new DocxRenderError(column, `"${lang}" is not a language iepkit writes`);
  return { ...ctx, rtl: dir === 'rtl', lang, width, indent: 0 };
}
