import { directiveAttributes, type DirectiveNode } from '../../model/directives.js';
import type { Inline, Marks, RenderContext } from './context.js';
import { SYMBOL_FONT } from './fonts.js';
import { run } from './runs.js';

export const CHECKED = '\u2612'; // ☒
export const UNCHECKED = '\u2610'; // ☐

/** `:checkbox[label]{checked}`: a ballot box, ☒ when the `checked` attribute is present, then the label. */
export function checkbox(node: DirectiveNode<'checkbox'>, ctx: RenderContext, marks: Marks): Inline[] {
  const { checked } = directiveAttributes(node);
  return [
    run(ctx, { text: checked ? CHECKED : UNCHECKED, font: SYMBOL_FONT }),
    run(ctx, { text: '\u00a0' }),
    ...ctx.inlines(node.children, ctx, marks),
  ];
}
