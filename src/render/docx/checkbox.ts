import type { TextDirective } from 'mdast-util-directive';
import type { Marks, RenderContext } from './context.js';
import { SYMBOL_FONT } from './fonts.js';
import { renderInlines, type Inline } from './handlers.js';
import { run } from './runs.js';

export const CHECKED = '\u2612'; // ☒
export const UNCHECKED = '\u2610'; // ☐

/** `:checkbox[label]{checked}`: a ballot box, ☒ when the `checked` attribute is present, then the label. */
export function checkbox(node: TextDirective, ctx: RenderContext, marks: Marks): Inline[] {
  const checked = node.attributes != null && 'checked' in node.attributes;
  return [
    run(ctx, { text: checked ? CHECKED : UNCHECKED, font: SYMBOL_FONT }),
    run(ctx, { text: '\u00a0' }),
    ...renderInlines(node.children, ctx, marks),
  ];
}
