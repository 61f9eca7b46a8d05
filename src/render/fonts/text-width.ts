import { bundledFace } from './embeddable-font.js';
import type { FontFamilyName } from './registry.js';

/**
 * How wide a text is set in a bundled family, in em (its advance width, kerning and shaping applied), or undefined
 * when the family has no glyph for one of its characters. The DOCX sizes table columns with it, so a column is never
 * narrower than its longest word.
 */
export function textWidth(text: string, family: FontFamilyName, weight: 400 | 700): number | undefined {
  const key = `${family}\u0000${weight}\u0000${text}`;
  if (!measured.has(key)) {
    if (measured.size >= MEASURED_MAX) measured.clear(); // a long-running server renders without end
    measured.set(key, measure(text, family, weight));
  }
  return measured.get(key);
}

/** Widths already measured: tables repeat their words (dates, "Yes", headings), and documents their tables. */
const measured = new Map<string, number | undefined>();
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
