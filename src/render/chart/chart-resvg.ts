/**
 * resvg (no browser) set up for a progress chart: the bundled Noto fonts only, never the machine's, so the chart is
 * the same on every machine and in every format. resvg-js reads fonts from files only (its 2.6 API has no buffers),
 * so the TrueType files the chart needs are written to a private temporary folder for the one call and removed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { isLanguage } from '../../model/languages.js';
import { embeddableFont } from '../fonts/embeddable-font.js';
import { fontFamilies } from '../fonts/font-stack.js';

/** Calls `use` with the chart's SVG loaded in resvg with the fonts its language needs. */
export function withChartResvg<T>(svg: string, lang: string, use: (resvg: Resvg) => T, options: Omit<ResvgRenderOptions, 'font'> = {}): T {
  const codePoints = [...new Set(Array.from(textOf(svg), (ch) => ch.codePointAt(0)!))];
  const families = isLanguage(lang) ? fontFamilies(lang) : (['Noto Sans'] as const);
  // The language's own family, a related one and Noto Sans (digits, Latin names), regular and bold. Noto Sans is
  // chosen by the characters it can serve, not by Arabic letters it lacks.
  const fonts = families
    .slice(0, 3)
    .flatMap((family) => [400, 700].map((weight) => embeddableFont(family, weight as 400 | 700, family === 'Noto Sans' ? codePoints.filter((cp) => cp < 0x0590) : codePoints, codePoints)))
    .filter((b): b is Buffer => b !== undefined);
  const dir = mkdtempSync(join(tmpdir(), 'iepkit-chart-'));
  try {
    const fontFiles = fonts.map((bytes, i) => {
      const file = join(dir, `${i}.ttf`);
      writeFileSync(file, bytes, { mode: 0o600 });
      return file;
    });
    return use(new Resvg(svg, { ...options, font: { loadSystemFonts: false, fontFiles, defaultFontFamily: families[0] } }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The characters of the SVG's text nodes (entities decoded). */
function textOf(svg: string): string {
  return [...svg.matchAll(/>([^<]+)</g)]
    .map((m) => m[1]!.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/&lt;/g, '<').replace(/&amp;/g, '&'))
    .join('');
}
