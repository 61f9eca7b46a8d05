/**
 * `@font-face` rules for every bundled face, pointing at the private origin the PDF engine serves fonts from.
 */
import { distinctCodePoints } from './distinct-code-points.js';
import { FONT_URL_PREFIX } from './origin.js';
import { fontRegistry, inRanges, type FontFaceEntry, type FontFamilyName } from './registry.js';

export interface FontFaceCssOptions {
  /**
   * Only emit the faces whose `unicode-range` meets a character of this text (all weights and styles of those
   * subsets). Pass everything the document prints, header and footer included. Without it every face is emitted:
   * about 600 rules and 500 kB, mostly the Chinese and Korean subsets.
   */
  text?: string;
  /** Only these families (default: all bundled families). */
  families?: readonly FontFamilyName[];
  /**
   * Where the font files are fetched from, ending in `/`: a server's own `/fonts/` for a page shown in a browser.
   * Default: the private origin the PDF engine serves fonts from.
   */
  urlPrefix?: string;
}

/**
 * CSS `@font-face` rules. `font-display: block` because a printed page must never show a fallback font; the PDF
 * engine waits for `document.fonts.ready` before printing.
 */
export function fontFaceCss(options: FontFaceCssOptions = {}): string {
  const { faces } = fontRegistry();
  let selected: readonly FontFaceEntry[] = faces;
  if (options.families) {
    const wanted = new Set<string>(options.families);
    selected = selected.filter((f) => wanted.has(f.family));
  }
  if (options.text !== undefined) {
    const codePoints = [...distinctCodePoints(options.text)];
    selected = selected.filter((face) => codePoints.some((cp) => inRanges(face.ranges, cp)));
  }
  const prefix = options.urlPrefix ?? FONT_URL_PREFIX;
  return selected.map((face) => faceRule(face, prefix)).join('\n') + (selected.length ? '\n' : '');
}

function faceRule(face: FontFaceEntry, prefix: string): string {
  return (
    `@font-face { font-family: "${face.family}"; font-style: ${face.style}; font-weight: ${face.weight}; ` +
    `font-display: block; src: url("${prefix}${face.file}") format("woff2"); unicode-range: ${face.unicodeRange}; }`
  );
}
