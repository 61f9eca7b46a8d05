import type { ContainerDirective } from 'mdast-util-directive';
import type { RenderContext } from './context.js';
import { renderBlocks, type Block } from './handlers.js';

/**
 * `:::keep`: keep the content on one page when it fits. Every paragraph inside keeps its lines together (keepLines)
 * and keeps with the next (keepNext), except the group's last paragraph, which must not pull what follows along;
 * table rows inside keep with the next row the same way.
 */
export function keep(node: ContainerDirective, ctx: RenderContext): Block[] {
  return renderBlocks(node.children, { ...ctx, keep: ctx.keep === 'all' ? 'all' : 'allButLast' });
}
