import type { Blockquote } from 'mdast';
import type { RenderContext } from './context.js';
import { renderBlocks, type Block } from './handlers.js';
import { STYLE } from './styles.js';

/** A quotation: its paragraphs in the Quote style (indented, muted, a rule on the start side). */
export function blockquote(node: Blockquote, ctx: RenderContext): Block[] {
  return renderBlocks(node.children, { ...ctx, paragraphStyle: STYLE.blockquote });
}
