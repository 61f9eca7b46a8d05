import { BorderStyle, Paragraph } from 'docx';
import type { ThematicBreak } from 'mdast';
import type { Block, RenderContext } from './context.js';
import { paragraphOptions } from './paragraph-options.js';
import { COLOR } from './styles.js';

/** `***` / `---`: an empty paragraph with a light rule under it. */
export function thematicBreak(_node: ThematicBreak, ctx: RenderContext): Block[] {
  return [
    new Paragraph({
      ...paragraphOptions(ctx),
      spacing: { before: 120, after: 240 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: COLOR.rule, space: 1 } },
      children: [],
    }),
  ];
}
