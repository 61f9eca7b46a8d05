import { Paragraph as DocxParagraph } from 'docx';
import type { Paragraph } from 'mdast';
import type { Block, RenderContext } from './context.js';
import { paragraphOptions } from './paragraph-options.js';
import { wholeChange } from './whole-change.js';

export function paragraph(node: Paragraph, ctx: RenderContext): Block[] {
  // A paragraph only one version of a redline has: its mark is tracked too (whole-change.ts).
  const change = wholeChange([node.children], ctx);
  return [new DocxParagraph({ ...paragraphOptions(ctx), ...(change ? { run: change } : {}), children: ctx.inlines(node.children, ctx) })];
}
