/**
 * The theme in Word's units: the one place points become half-points, twips and eighths of a point, and CSS hex
 * colours become Word's six hex digits. src/render/docx builds its styles (styles.ts), page (page.ts) and handlers
 * from these, never from literals.
 */
import { CAP_HEIGHT, CAPITAL_ADVANCE, THEME, watermarkSize } from './tokens.js';

/** Font sizes: half-points. */
export const halfPoints = (pt: number): number => Math.round(pt * 2);
/** Spacing, indents, widths: twentieths of a point. */
export const twips = (pt: number): number => Math.round(pt * 20);
/** Border widths: eighths of a point. */
export const eighths = (pt: number): number => Math.round(pt * 8);
/** Line spacing: 240ths of a single line. */
export const lineTwips = (multiple: number): number => Math.round(multiple * 240);
/** A CSS colour `#0b4f6c` as Word writes it: `0B4F6C`. */
export function docxColor(hex: string): string {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) throw new Error(`theme colour "${hex}" is not #rrggbb`);
  return hex.slice(1).toUpperCase();
}

/** The same shape with every number (or string) converted. */
type Converted<T> = { readonly [K in keyof T]: T[K] extends number ? number : T[K] extends string ? string : Converted<T[K]> };

function convert<T extends object>(tree: T, leaf: (value: number) => number): Converted<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'number') out[key] = leaf(value);
    else if (typeof value === 'string') out[key] = docxColor(value);
    else out[key] = convert(value as object, leaf);
  }
  return out as Converted<T>;
}

const colours = <T extends object>(tree: T) => convert(tree, (n) => n);

/** Colours (no '#'). */
export const DOCX_COLOR = colours(THEME.color);
export const DOCX_CALLOUT = colours(THEME.callout);
export const DOCX_BUILDS_ON = colours(THEME.buildsOn);
export const DOCX_UNTRANSLATED = colours(THEME.untranslated);
/** Font sizes of the regular density (half-points). */
export const DOCX_SIZE = convert(THEME.size, halfPoints);
/** Word's line spacing (240ths of a line). */
export const DOCX_LINE = convert(THEME.wordLine, lineTwips);
/** Border widths (eighths of a point). */
export const DOCX_BORDER = convert(THEME.border, eighths);
/**
 * Spacing of the regular density (twips). A border's gap to its text (w:space) is in points, not twips: those
 * (THEME.space.headingRule, quoteRule, buildsOn.ruleGap, thematicBreak.rule, header.ruleGap) are read from THEME.
 */
export const DOCX_SPACE = convert(THEME.space, twips);

/** The running header and footer: sizes in half-points, spacing in twips. */
export const DOCX_HEADER = {
  size: halfPoints(THEME.header.size),
  color: docxColor(THEME.header.color),
  noticeBefore: twips(THEME.header.noticeBefore),
  gap: twips(THEME.header.gap),
  ruleGap: THEME.header.ruleGap, // w:space of a border is in points
} as const;
export const DOCX_FOOTER = { size: halfPoints(THEME.footer.size), color: docxColor(THEME.footer.color) } as const;

/** The bilingual copy's two columns: the space each side of the rule (twips), the rule (eighths of a point), the translated rows' tint. */
export const DOCX_BILINGUAL = { inset: twips(THEME.bilingual.inset), rule: eighths(THEME.bilingual.rule), rowFill: docxColor(THEME.bilingual.rowFill) } as const;

/** The student summary's columns: how many, and the gap between them (twips). */
export const DOCX_COLUMNS = { count: THEME.compact.columns.count, gap: twips(THEME.compact.columns.gap) } as const;

/**
 * The DRAFT watermark as the docx library's TextWatermark options. Word stretches WordArt text to fill its shape,
 * so the shape is sized to the text the PDF prints: as tall as a capital letter at the watermark's size, as wide
 * as the word (an average bold capital plus the letter spacing per character). VML rotation is clockwise, 0-359.
 */
export function docxWatermark(text: string): { color: string; opacity: number; rotation: number; bold: boolean; width: number; height: number } {
  const { angle, opacity, bold, letterSpacing, color } = THEME.watermark;
  const size = watermarkSize(text);
  const characters = Array.from(text).length;
  return {
    color: docxColor(color),
    opacity,
    rotation: (angle + 360) % 360,
    bold,
    width: Math.round(size * (CAPITAL_ADVANCE + letterSpacing) * characters),
    height: Math.round(size * CAP_HEIGHT),
  };
}


/** Sizes (half-points), spacing (twips), line spacing (multiples) and heading rule of one density: the regular or the compact. */
export function docxStyles(options: { compact?: boolean } = {}) {
  const compact = options.compact === true;
  const size = convert({ ...THEME.size, ...(compact ? THEME.compact.size : {}) }, halfPoints);
  const c = THEME.compact.space;
  const heading = compact ? { h1: c.h1, h2: c.h2, h3: c.h3, h4: c.h4, h5: c.h5 } : THEME.space;
  const space = {
    paragraph: twips(THEME.space.paragraph),
    listItem: twips(compact ? c.listItem : THEME.space.listItem),
    h1: convert(heading.h1, twips),
    h2: convert(heading.h2, twips),
    h3: convert(heading.h3, twips),
    h4: convert(heading.h4, twips),
    h5: convert(heading.h5, twips),
    buildsOn: convert(compact ? { ...THEME.space.buildsOn, ...c.buildsOn } : THEME.space.buildsOn, twips),
  };
  // Multiples of a single line: src/render/docx/line-spacing.ts turns them into Word's spacing for the language.
  const line = {
    single: THEME.wordLine.single,
    body: compact ? THEME.wordLine.compact : THEME.wordLine.body,
    table: THEME.wordLine.table,
  };
  const headingRule = eighths(compact ? THEME.compact.border.headingRule : THEME.border.headingRule);
  return { size, space, line, headingRule };
}
