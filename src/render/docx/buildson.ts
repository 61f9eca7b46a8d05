import { InternalHyperlink, Paragraph } from 'docx';
import type { LeafDirective } from 'mdast-util-directive';
import { strengthBookmark } from './bookmark-name.js';
import type { RenderContext } from './context.js';
import { renderInlines, type Block } from './handlers.js';
import { paragraphOptions } from './paragraph-options.js';
import { DOCX_SPACE } from '../theme/docx-styles.js';
import { STYLE } from './styles.js';

/**
 * `::buildson[Builds on: ...]{ref="id"}`: a small indented note under a goal whose text links to the strength's
 * bookmark (w:hyperlink w:anchor), so a reader can jump back to the strength the goal builds on. An empty ref means
 * the strength is not printed in this document (the one-page summary may leave it out): the note without a link.
 */
export function buildson(node: LeafDirective, ctx: RenderContext): Block[] {
  const ref = node.attributes?.ref;
  const { style: _style, spacing, ...options } = paragraphOptions(ctx);
  return [
    new Paragraph({
      ...options,
      style: STYLE.buildsOn,
      spacing: { before: Math.max(spacing?.before ?? 0, DOCX_SPACE.buildsOn.before) },
      children: ref
        ? [new InternalHyperlink({ anchor: strengthBookmark(ref), children: renderInlines(node.children, ctx, { style: STYLE.buildsOnLink }) })]
        : renderInlines(node.children, ctx),
    }),
  ];
}
