import { Paragraph, Table } from 'docx';
import type { Block, RenderContext } from './context.js';
import { DOCX_LINE, DOCX_SIZE } from '../theme/docx-styles.js';

/** A small empty paragraph (6 pt) in the document's direction. */
function spacer(ctx: RenderContext): Paragraph {
  return new Paragraph({
    ...(ctx.rtl ? { bidirectional: true } : {}),
    spacing: { before: 0, after: 0, line: DOCX_LINE.single },
    run: { size: DOCX_SIZE.tableSpacer, sizeComplexScript: DOCX_SIZE.tableSpacer },
    children: [],
  });
}

/**
 * Word joins two tables with nothing between them into one table, and a table cell (or the body) must end with a
 * paragraph. So: a small empty paragraph between adjacent tables, and after a table at the end.
 */
export function separateTables(blocks: readonly Block[], ctx: RenderContext): Block[] {
  const out: Block[] = [];
  blocks.forEach((block, index) => {
    if (index > 0 && block instanceof Table && blocks[index - 1] instanceof Table) out.push(spacer(ctx));
    out.push(block);
  });
  if (out.length === 0 || out[out.length - 1] instanceof Table) out.push(spacer(ctx));
  return out;
}
