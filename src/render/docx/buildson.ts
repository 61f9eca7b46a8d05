import { InternalHyperlink, Paragraph } from 'docx';
import { directiveAttributes, type DirectiveNode } from '../../model/directives.js';
import { strengthBookmark } from './bookmark-name.js';
import type { Block, RenderContext } from './context.js';
import { paragraphOptions } from './paragraph-options.js';
import { DOCX_SPACE } from '../theme/docx-styles.js';
import { STYLE } from './styles.js';

/**
 * `::buildson[Builds on: ...]{ref="id"}`: a small indented note under a goal whose text links to the strength's
 * bookmark (w:hyperlink w:anchor), so a reader can jump back to the strength the goal builds on. An empty ref means
 * the strength is not printed in this document (the one-page summary may leave it out): the note without a link.
 */
export function buildson(node: DirectiveNode<'buildson'>, ctx: RenderContext): Block[] {
  const { ref } = directiveAttributes(node);
  const { style: _style, spacing, ...options } = paragraphOptions(ctx);
  return [
    new Paragraph({
      ...options,
      style: STYLE.buildsOn,
      spacing: { before: Math.max(spacing?.before ?? 0, DOCX_SPACE.buildsOn.before) },
      children: ref
        ? [new InternalHyperlink({ anchor: strengthBookmark(ref), children: ctx.inlines(node.children, ctx, { style: STYLE.buildsOnLink }) })]
        : ctx.inlines(node.children, ctx),
    }),
  ];
}
