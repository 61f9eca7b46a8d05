import { Paragraph as DocxParagraph } from 'docx';
import type { Paragraph } from 'mdast';
import type { Block, RenderContext } from './context.js';
import { paragraphOptions } from './paragraph-options.js';

export function paragraph(node: Paragraph, ctx: RenderContext): Block[] {
  return [new DocxParagraph({ ...paragraphOptions(ctx), children: ctx.inlines(node.children, ctx) })];
}
