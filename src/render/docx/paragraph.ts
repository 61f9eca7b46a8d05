import { Paragraph as DocxParagraph } from 'docx';
import type { Paragraph } from 'mdast';
import type { RenderContext } from './context.js';
import { renderInlines, type Block } from './handlers.js';
import { paragraphOptions } from './paragraph-options.js';

export function paragraph(node: Paragraph, ctx: RenderContext): Block[] {
  return [new DocxParagraph({ ...paragraphOptions(ctx), children: renderInlines(node.children, ctx) })];
}
