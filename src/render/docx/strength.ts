import { Bookmark } from 'docx';
import type { TextDirective } from 'mdast-util-directive';
import { strengthBookmark } from './bookmark-name.js';
import type { Marks, RenderContext } from './context.js';
import { renderInlines, type Inline } from './handlers.js';
import { DocxRenderError } from './render-error.js';

/** `:strength[text]{#id}`: the text inside a bookmark named strengthAnchor(id), the target of `::buildson` links. */
export function strength(node: TextDirective, ctx: RenderContext, marks: Marks): Inline[] {
  const id = node.attributes?.id;
  if (typeof id !== 'string' || id === '') throw new DocxRenderError(node, 'the strength has no id ({#id})');
  return [new Bookmark({ id: strengthBookmark(id), children: renderInlines(node.children, ctx, marks) })];
}
