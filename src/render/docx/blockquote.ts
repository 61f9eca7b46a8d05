import type { Blockquote } from 'mdast';
import type { Block, RenderContext } from './context.js';
import { STYLE } from './styles.js';

/** A quotation: its paragraphs in the Quote style (indented, muted, a rule on the start side). */
export function blockquote(node: Blockquote, ctx: RenderContext): Block[] {
  return ctx.all(node.children, { ...ctx, paragraphStyle: STYLE.blockquote });
}
