import { BorderStyle, Paragraph } from 'docx';
import type { ThematicBreak } from 'mdast';
import type { Block, RenderContext } from './context.js';
import { paragraphOptions } from './paragraph-options.js';
import { DOCX_BORDER, DOCX_SPACE } from '../theme/docx-styles.js';
import { THEME } from '../theme/tokens.js';
import { COLOR } from './styles.js';

/** `***` / `---`: an empty paragraph with a light rule under it. */
export function thematicBreak(_node: ThematicBreak, ctx: RenderContext): Block[] {
  return [
    new Paragraph({
      ...paragraphOptions(ctx),
      spacing: { before: DOCX_SPACE.thematicBreak.before, after: DOCX_SPACE.thematicBreak.after },
      border: { bottom: { style: BorderStyle.SINGLE, size: DOCX_BORDER.thematicBreak, color: COLOR.rule, space: THEME.space.thematicBreak.rule } },
      children: [],
    }),
  ];
}
