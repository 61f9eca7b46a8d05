import { Paragraph, Table } from 'docx';
import type { Block, RenderContext } from './context.js';

/** A small empty paragraph (6 pt) in the document's direction. */
function spacer(ctx: RenderContext): Paragraph {
  return new Paragraph({
    ...(ctx.rtl ? { bidirectional: true } : {}),
    spacing: { before: 0, after: 0, line: 240 },
    run: { size: 12, sizeComplexScript: 12 },
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
