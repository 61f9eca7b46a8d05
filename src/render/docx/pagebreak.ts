import { PageBreak, Paragraph } from 'docx';
import type { DirectiveNode } from '../../model/directives.js';
import type { Block, RenderContext } from './context.js';
import { DOCX_LINE, DOCX_SIZE } from '../theme/docx-styles.js';

/**
 * `::pagebreak`: a paragraph holding only a page break (w:br w:type="page"), as Word writes one. Its empty paragraph
 * mark lands at the top of the next page, so it is made 1 pt high with no spacing.
 */
export function pagebreak(_node: DirectiveNode<'pagebreak'>, ctx: RenderContext): Block[] {
  ctx.flow.afterTable = false;
  return [
    new Paragraph({
      ...(ctx.rtl ? { bidirectional: true } : {}),
      spacing: { before: 0, after: 0, line: DOCX_LINE.single },
      run: { size: DOCX_SIZE.pageBreak, sizeComplexScript: DOCX_SIZE.pageBreak },
      children: [new PageBreak()],
    }),
  ];
}
