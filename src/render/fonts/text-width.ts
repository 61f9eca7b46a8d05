import { bundledFace } from './embeddable-font.js';
import type { FontFamilyName } from './registry.js';

/**
 * How wide a text is set in a bundled family, in em (its advance width, kerning and shaping applied), or undefined
 * when the family has no glyph for one of its characters. The DOCX sizes table columns with it, so a column is never
 * narrower than its longest word.
 */
export function textWidth(text: string, family: FontFamilyName, weight: 400 | 700): number | undefined {
  let widths = measured[weight].get(family);
  if (!widths) measured[weight].set(family, (widths = new Map()));
  let width = widths.get(text);
  if (width === undefined) {
    if (measuredCount >= MEASURED_MAX) {
      // a long-running server renders without end
      for (const byFamily of Object.values(measured)) for (const map of byFamily.values()) map.clear();
      measuredCount = 0;
    }
    width = measure(text, family, weight) ?? null;
    widths.set(text, width);
    measuredCount++;
  }
  return width ?? undefined;
}

/**
 * Widths already measured (null: not measurable), by weight, family and text: tables repeat their words (dates,
 * "Yes", headings), and documents their tables. A map per face, looked up with the text itself: a key joined from
 * family, weight and text cost more than the rest of sizing a table (a ten-page official IEP looks up thousands).
 */
const measured: Record<400 | 700, Map<FontFamilyName, Map<string, number | null>>> = { 400: new Map(), 700: new Map() };
let measuredCount = 0;
const MEASURED_MAX = 50_000;

function measure(text: string, family: FontFamilyName, weight: 400 | 700): number | undefined {
  const codePoints = Array.from(text, (ch) => ch.codePointAt(0)!);
  const face = bundledFace(family, weight, codePoints);
  if (!face || !codePoints.every((cp) => face.hasGlyphForCodePoint(cp))) return undefined;
  try {
    return face.layout(text).advanceWidth / face.unitsPerEm;
  } catch {
    // fontkit cannot lay out some words of Noto Nastaliq Urdu (its cursive attachment throws): no measure for them.
    return undefined;
  }
}
