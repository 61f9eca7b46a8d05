import { PageBreak, Paragraph } from 'docx';
import type { DirectiveNode } from '../../model/directives.js';
import type { Block, RenderContext } from './context.js';

/**
 * `::pagebreak`: a paragraph holding only a page break (w:br w:type="page"), as Word writes one. Its empty paragraph
 * mark lands at the top of the next page, so it is made 1 pt high with no spacing.
 */
export function pagebreak(_node: DirectiveNode<'pagebreak'>, ctx: RenderContext): Block[] {
  ctx.flow.afterTable = false;
  return [
    new Paragraph({
      ...(ctx.rtl ? { bidirectional: true } : {}),
      spacing: { before: 0, after: 0, line: 240 },
      run: { size: 2, sizeComplexScript: 2 },
      children: [new PageBreak()],
    }),
  ];
}
