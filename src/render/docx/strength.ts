import { Bookmark } from 'docx';
import { directiveAttributes, type DirectiveNode } from '../../model/directives.js';
import { strengthBookmark } from './bookmark-name.js';
import type { Inline, Marks, RenderContext } from './context.js';

/**
 * `:strength[text]{#id}`: the text inside a bookmark named strengthAnchor(id), the target of `::buildson` links.
 * Without an id nothing can link to it: the text alone.
 */
export function strength(node: DirectiveNode<'strength'>, ctx: RenderContext, marks: Marks): Inline[] {
  const { id } = directiveAttributes(node);
  const children = ctx.inlines(node.children, ctx, marks);
  return id ? [new Bookmark({ id: strengthBookmark(id), children })] : children;
}
