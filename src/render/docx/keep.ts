import type { DirectiveNode } from '../../model/directives.js';
import type { Block, RenderContext } from './context.js';

/**
 * `:::keep`: keep the content on one page when it fits. Every paragraph inside keeps its lines together (keepLines)
 * and keeps with the next (keepNext), except the group's last paragraph, which must not pull what follows along;
 * table rows inside keep with the next row the same way.
 */
export function keep(node: DirectiveNode<'keep'>, ctx: RenderContext): Block[] {
  return ctx.all(node.children, { ...ctx, keep: ctx.keep === 'all' ? 'all' : 'allButLast' });
}
