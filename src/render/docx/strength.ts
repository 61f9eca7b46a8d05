import { Bookmark } from 'docx';
import type { TextDirective } from 'mdast-util-directive';
import { strengthBookmark } from './bookmark-name.js';
import type { Marks, RenderContext } from './context.js';
import { renderInlines, type Inline } from './handlers.js';

/**
 * `:strength[text]{#id}`: the text inside a bookmark named strengthAnchor(id), the target of `::buildson` links.
 * Without an id nothing can link to it: the text alone.
 */
export function strength(node: TextDirective, ctx: RenderContext, marks: Marks): Inline[] {
  const id = node.attributes?.id;
  const children = renderInlines(node.children, ctx, marks);
  return id ? [new Bookmark({ id: strengthBookmark(id), children })] : children;
}
