import type { DirectiveNode } from '../../model/directives.js';
import type { Inline, Marks, RenderContext } from './context.js';
import { STYLE } from './styles.js';

/**
 * `:placeholder[text]`: a part of an incomplete draft still to be written, in the Untranslated Text style (grey
 * italic on a tint), so that it never looks like real data; the text itself says it is to be written.
 */
export function placeholder(node: DirectiveNode<'placeholder'>, ctx: RenderContext, marks: Marks): Inline[] {
  return ctx.inlines(node.children, ctx, { ...marks, style: STYLE.untranslated });
}
