/**
 * The progress chart as a PNG for the DOCX (Word has no dependable inline SVG): the SVG of progress-chart-svg.ts,
 * rasterized by resvg with the bundled fonts (chart-resvg.ts).
 */
import type { ChartSpec } from '../../model/progress-chart.js';
import { THEME } from '../theme/tokens.js';
import { withChartResvg } from './chart-resvg.js';
import { progressChartSvgText } from './progress-chart-svg.js';

/** Pixels per CSS pixel of the chart: sharp when printed at 300 dpi at the chart's printed width. */
const SCALE = 3;

export interface ChartPng {
  data: Buffer;
  /** The chart's size in CSS px (the DOCX sizes the picture with these). */
  width: number;
  height: number;
}

export function progressChartPng(spec: ChartSpec): ChartPng {
  const data = withChartResvg(progressChartSvgText(spec), spec.lang, (resvg) => resvg.render().asPng(), {
    fitTo: { mode: 'width', value: THEME.chart.width * SCALE },
    background: '#ffffff',
  });
  return { data, width: THEME.chart.width, height: THEME.chart.height };
}
