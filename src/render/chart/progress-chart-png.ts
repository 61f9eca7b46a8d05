/**
 * The progress chart as a PNG for the DOCX (Word has no dependable inline SVG): the SVG of progress-chart-svg.ts,
 * rasterized by resvg (no browser) with the bundled Noto fonts only, never the machine's, so the picture is the
 * same on every machine and in every language. resvg-js reads fonts from files only (its 2.6 API has no buffers), so
 * the TrueType files the chart needs are written to a private temporary folder for the one rendering and removed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { ChartSpec } from '../../model/progress-chart.js';
import { isLanguage } from '../../model/languages.js';
import { embeddableFont } from '../fonts/embeddable-font.js';
import { fontFamilies } from '../fonts/font-stack.js';
import { THEME } from '../theme/tokens.js';
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
  const svg = progressChartSvgText(spec);
  const codePoints = [...new Set(Array.from(textOf(svg), (ch) => ch.codePointAt(0)!))];
  const families = isLanguage(spec.lang) ? fontFamilies(spec.lang) : (['Noto Sans'] as const);
  // The language's own family and Noto Sans (digits, Latin names), regular and bold, cut to the chart's characters.
  const fonts = families
    .slice(0, 3)
    // Noto Sans is chosen by the characters it can serve (digits, punctuation, Latin), not by Arabic letters it lacks.
    .flatMap((family) => [400, 700].map((weight) => embeddableFont(family, weight as 400 | 700, family === 'Noto Sans' ? codePoints.filter((cp) => cp < 0x0590) : codePoints, codePoints)))
    .filter((b): b is Buffer => b !== undefined);
  const dir = mkdtempSync(join(tmpdir(), 'iepkit-chart-'));
  let png: Buffer;
  try {
    const fontFiles = fonts.map((bytes, i) => {
      const file = join(dir, `${i}.ttf`);
      writeFileSync(file, bytes, { mode: 0o600 });
      return file;
    });
    png = new Resvg(svg, {
      fitTo: { mode: 'width', value: THEME.chart.width * SCALE },
      font: { loadSystemFonts: false, fontFiles, defaultFontFamily: families[0] },
      background: '#ffffff',
    })
      .render()
      .asPng();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { data: png, width: THEME.chart.width, height: THEME.chart.height };
}

/** The characters of the SVG's text nodes (entities decoded). */
function textOf(svg: string): string {
  return [...svg.matchAll(/>([^<]+)</g)].map((m) => m[1]!.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/&amp;/g, '&').replace(/&lt;/g, '<')).join('');
}
