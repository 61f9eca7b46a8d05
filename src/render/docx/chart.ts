import { ImageRun, LineRuleType, Paragraph } from 'docx';
import { directiveAttributes, type DirectiveNode } from '../../model/directives.js';
import { decodeChartSpec } from '../../model/progress-chart.js';
import { progressChartPng } from '../chart/progress-chart-png.js';
import { THEME } from '../theme/tokens.js';
import { DOCX_LINE, DOCX_SPACE } from '../theme/docx-styles.js';
import type { Block, RenderContext } from './context.js';
import { paragraphOptions } from './paragraph-options.js';
import { STYLE } from './styles.js';

/** Twips per CSS pixel (Word sizes pictures in pixels at 96 per inch). */
const TWIPS_PER_PX = 15;

/**
 * `::chart[caption]{alt spec}`: the progress chart as a PNG (the same SVG the HTML shows inline, rasterized), with the
 * trend sentence as its description (wp:docPr descr, what Word reads out and shows as alt text), kept with its
 * caption under it.
 */
export function chart(node: DirectiveNode<'chart'>, ctx: RenderContext): Block[] {
  const { alt, spec } = directiveAttributes(node);
  const png = progressChartPng(decodeChartSpec(spec));
  // Printed at the theme's width, or narrower where the text column is (a two-column page).
  const width = Math.min((THEME.chart.printWidth * 96) / 72, ctx.width / TWIPS_PER_PX);
  const height = (width * png.height) / png.width;
  return [
    new Paragraph({
      ...paragraphOptions(ctx),
      // Single line spacing: LibreOffice cuts an inline picture to the line's height under proportional spacing.
      spacing: { before: DOCX_SPACE.paragraph, after: DOCX_SPACE.paragraph / 2, line: DOCX_LINE.single, lineRule: LineRuleType.AUTO },
      keepNext: true,
      keepLines: true,
      children: [new ImageRun({ type: 'png', data: png.data, transformation: { width, height }, altText: { name: 'progress chart', title: alt, description: alt } })],
    }),
    new Paragraph({ ...paragraphOptions(ctx), style: STYLE.caption, children: ctx.inlines(node.children, ctx) }),
  ];
}
