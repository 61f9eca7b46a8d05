import { BorderStyle, ShadingType, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import { toString } from 'mdast-util-to-string';
import { directiveAttributes, type DirectiveNode } from '../../model/directives.js';
import type { Block, RenderContext } from './context.js';
import { tableEnded, tableStarts } from './paragraph-options.js';
import { separateTables } from './separate-tables.js';
import { DocxRenderError } from './render-error.js';
import { DOCX_BORDER, DOCX_SPACE } from '../theme/docx-styles.js';
import { CALLOUT, COLOR } from './styles.js';

const PADDING = { top: DOCX_SPACE.callout.block, bottom: DOCX_SPACE.callout.block, left: DOCX_SPACE.callout.inline, right: DOCX_SPACE.callout.inline };
/** A callout shorter than this (characters) never splits across pages. */
const SHORT = 1200;

/**
 * `:::callout{kind="info|notice|important"}`: a shaded box with a thick coloured line on its start side, as a
 * one-cell table (Word and LibreOffice both draw cell shading and borders reliably; paragraph borders break at every
 * list or table inside).
 * Short callouts do not split across a page.
 */
export function callout(node: DirectiveNode<'callout'>, ctx: RenderContext): Block[] {
  const colors = CALLOUT[directiveAttributes(node).kind];
  const thin = { style: BorderStyle.SINGLE, size: DOCX_BORDER.callout, color: COLOR.rule };
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const inner = ctx.width - PADDING.left - PADDING.right;
  tableStarts(ctx);
  const children = ctx.all(node.children, { ...ctx, keep: 'none', indent: 0, width: inner });
  if (children.length === 0) throw new DocxRenderError(node, 'the callout is empty');
  tableEnded(ctx);
  const short = toString(node).length < SHORT;

  return [
    new Table({
      width: { size: ctx.width, type: WidthType.DXA },
      columnWidths: [ctx.width],
      layout: TableLayoutType.FIXED,
      borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
      ...(ctx.rtl ? { visuallyRightToLeft: true } : {}),
      rows: [
        new TableRow({
          cantSplit: short,
          ...(ctx.keep === 'all' ? { keepNext: true } : {}),
          children: [
            new TableCell({
              width: { size: ctx.width, type: WidthType.DXA },
              margins: PADDING,
              shading: { type: ShadingType.CLEAR, color: 'auto', fill: colors.fill },
              // A thick line on the start side (the right in Arabic and Urdu), thin ones around.
              borders: {
                top: thin,
                bottom: thin,
                end: thin,
                start: { style: BorderStyle.SINGLE, size: DOCX_BORDER.calloutAccent, color: colors.accent },
              },
              children: separateTables(children, ctx),
            }),
          ],
        }),
      ],
    }),
  ];
}
