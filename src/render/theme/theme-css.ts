/**
 * The theme as CSS: every token a custom property on :root, named after its path (`THEME.callout.info.fill` is
 * `--callout-info-fill`, `THEME.compact.space.h2.before` is `--compact-space-h2-before`). The print CSS files
 * (templates/base.css, each layout's print.css) use only these, never a literal colour or length; the page chrome
 * (src/render/pdf/page-css.ts) reads the tokens through cssPt and the declaration helpers below, as its @page margin boxes do
 * not see :root's properties.
 */
import { THEME, watermarkSize } from './tokens.js';

/** A length in points, as CSS writes it. */
export const cssPt = (pt: number): string => `${Number(pt.toFixed(3))}pt`;

/** Leaf keys whose numbers are not lengths. */
const UNITLESS = new Set(['opacity', 'count']);
/** Tokens only Word uses (line spacing in multiples of Word's single line, the Nastaliq line in ems). */
const WORD_ONLY = new Set(['wordLine', 'wordStackedLineEms']);
/** Tokens only a draft's preview uses (placeholderCss), kept out of every other document's CSS. */
const PREVIEW_ONLY = new Set(['placeholder']);
/** Tokens only the bilingual copy uses (bilingualCss), kept out of every other document's CSS. */
const BILINGUAL_ONLY = new Set(['bilingual']);
/** Tokens the progress chart's SVG builder reads itself (src/render/chart): no CSS reads them. */
const CHART_ONLY = new Set(['chart']);

function cssValue(path: readonly string[], value: number | string | boolean): string {
  const key = path[path.length - 1]!;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '700' : '400'; // watermark.bold: a font weight
  if (path[0] === 'lineHeight' || UNITLESS.has(key)) return String(value);
  if (key === 'angle') return `${value}deg`;
  if (key === 'letterSpacing') return `${value}em`;
  return cssPt(value);
}

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Every token as [custom property name, CSS value], in the theme's order. */
export function themeProperties(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (tree: object, path: string[]) => {
    for (const [key, value] of Object.entries(tree)) {
      const at = [...path, key];
      if (typeof value === 'object' && value !== null) walk(value as object, at);
      else out.push([`--${at.map(kebab).join('-')}`, cssValue(at, value as number | string | boolean)]);
    }
  };
  walk(Object.fromEntries(Object.entries(THEME).filter(([group]) => !WORD_ONLY.has(group) && !PREVIEW_ONLY.has(group) && !BILINGUAL_ONLY.has(group) && !CHART_ONLY.has(group))), []);
  return out;
}

/** The :root rule with every token, for the document's <style> before the print CSS files that use them. */
export function themeCss(): string {
  return `:root {\n${themeProperties()
    .map(([name, value]) => `  ${name}: ${value};`)
    .join('\n')}\n}\n`;
}

/** How a placeholder of an incomplete draft looks ("[to be written: ...]"): for pages that show one. */
export function placeholderCss(): string {
  const { fill, border, text } = THEME.placeholder;
  return `.placeholder { background: ${fill}; color: ${text}; border: 1px dashed ${border}; border-radius: 2pt; padding: 0 2pt; font-style: italic; }\n`;
}

/** The bilingual copy's tokens (`--bilingual-gap`...), for its print.css: on the pages of a bilingual copy only. */
export function bilingualCss(): string {
  const properties = Object.entries(THEME.bilingual).map(([key, value]) => `  --bilingual-${kebab(key)}: ${cssValue(['bilingual', key], value)};`);
  return `:root {\n${properties.join('\n')}\n}\n`;
}

/** A hex colour with an opacity, as one CSS colour: `rgb(192 57 43 / 0.2)`. */
export function cssColorWithOpacity(hex: string, opacity: number): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r} ${g} ${b} / ${opacity})`;
}

/** The watermark's look (what page-css.ts positions): size, weight, spacing, colour and angle. */
export function watermarkDeclarations(text: string): string[] {
  const { bold, letterSpacing, color, opacity, angle } = THEME.watermark;
  return [
    `transform: translate(-50%, -50%) rotate(${angle}deg);`,
    `font-size: ${cssPt(watermarkSize(text))};`,
    `font-weight: ${bold ? 700 : 400};`,
    `letter-spacing: ${letterSpacing}em;`,
    `color: ${cssColorWithOpacity(color, opacity)};`,
  ];
}

/** The running header's or footer's text: size and colour. */
export function runningTextDeclarations(which: 'header' | 'footer'): string[] {
  const { size, color } = THEME[which];
  return [`font-size: ${cssPt(size)};`, `color: ${color};`];
}
