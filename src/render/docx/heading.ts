import { HeadingLevel, Paragraph } from 'docx';
import type { Heading } from 'mdast';
import type { Block, RenderContext } from './context.js';
import { paragraphOptions } from './paragraph-options.js';

const LEVELS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/**
 * mdast depth n is Word's Heading n style (no Title style: the document's first heading is Heading1), so the
 * navigation pane and screen readers see the outline. Headings always keep with the next paragraph.
 */
export function heading(node: Heading, ctx: RenderContext): Block[] {
  // Headings have their own space before (styles.ts), also after a table.
  const { style: _style, indent: _indent, spacing: _spacing, ...options } = paragraphOptions(ctx);
  return [
    new Paragraph({
      ...options,
      heading: LEVELS[node.depth - 1],
      keepNext: true,
      keepLines: true,
      children: ctx.inlines(node.children, ctx),
    }),
  ];
}
