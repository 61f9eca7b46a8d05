/**
 * Finds characters that no bundled font can draw, before a document is printed with empty boxes.
 *
 * Neither pdftotext nor pdffonts reveals a missing glyph (the text layer stays right while the page shows a box),
 * so the check reads the fonts themselves: a character is covered when some bundled face lists it in its
 * `unicode-range` (so the browser would pick that face) and that face's cmap has a glyph for it (read with fontkit).
 * Fonts load lazily, only the subsets a character points at, and every answer is cached per code point, so after
 * warm-up a whole IEP takes a few milliseconds.
 */
import { readFileSync } from 'node:fs';
import type { Font } from 'fontkit';
import type { Diagnostic } from '../../model/diagnostic.js';
import { fontRegistry, inRanges, type FontFaceEntry, type FontFamilyName } from './registry.js';
import { openFont } from './open-font.js';

export interface GlyphCheckInput {
  /** The text that will be printed. */
  text: string;
  /** Where it comes from in the IEP data, e.g. `goals[2].description`. */
  path: string;
  /** The file it comes from, when known. */
  file?: string;
}

/** Characters that never need a glyph: white space, controls, format characters (ZWJ, ZWNJ, bidi marks, soft hyphen), variation selectors. */
const NO_GLYPH_NEEDED = /^[\p{White_Space}\p{Cc}\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]$/u;

const covered = new Map<number, boolean>();
const fonts = new Map<string, Font>();
let regularFaces: readonly FontFaceEntry[] | undefined;

/** One `missing-glyph` error for each character (per field) that no bundled font covers. */
export function checkGlyphCoverage(strings: readonly GlyphCheckInput[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { text, path, file } of strings) {
    let reported: Set<number> | undefined;
    for (let at = nextUncovered(text, 0); at !== -1; ) {
      const cp = text.codePointAt(at)!;
      at = nextUncovered(text, at + (cp > 0xffff ? 2 : 1));
      if (reported?.has(cp)) continue;
      (reported ??= new Set()).add(cp);
      const ch = String.fromCodePoint(cp);
      diagnostics.push({
        code: 'missing-glyph',
        severity: 'error',
        message: `${describeCharacter(ch)} in ${path || 'the document'} cannot be printed: no bundled font has a glyph for it`,
        hint: missingGlyphHint(ch),
        path,
        ...(file ? { file } : {}),
      });
    }
  }
  return diagnostics;
}

/** True when a bundled font draws every character of `text` that needs a glyph (checkGlyphCoverage finds nothing). */
export function isTextCovered(text: string): boolean {
  return nextUncovered(text, 0) === -1;
}

/**
 * Where the next character from `start` that needs a glyph and has none in the bundled fonts begins; -1 when there is
 * none. Read in place (a lone surrogate is a character of its own, as when a string is iterated).
 */
function nextUncovered(text: string, start: number): number {
  for (let i = start; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x7f && unit >= 0x20) continue; // printable ASCII: Noto Sans has all of it
    const cp = text.codePointAt(i)!;
    if (!isCodePointCovered(cp)) return i;
    if (cp > 0xffff) i++;
  }
  return -1;
}

/** True when the character needs no glyph or a bundled font draws it. */
export function isCodePointCovered(cp: number): boolean {
  let answer = covered.get(cp);
  if (answer === undefined) {
    answer = NO_GLYPH_NEEDED.test(String.fromCodePoint(cp)) || facesCovering(cp, true).length > 0;
    covered.set(cp, answer);
  }
  return answer;
}

/** The bundled families that draw a character, in registry order (uncached; for messages and tests). */
export function familiesCovering(cp: number): FontFamilyName[] {
  return [...new Set(facesCovering(cp, false).map((f) => f.family))];
}

function facesCovering(cp: number, firstOnly: boolean): FontFaceEntry[] {
  regularFaces ??= fontRegistry().faces.filter((f) => f.weight === 400 && f.style === 'normal');
  const result: FontFaceEntry[] = [];
  for (const face of regularFaces) {
    if (!inRanges(face.ranges, cp)) continue;
    if (!loadFont(face.file).hasGlyphForCodePoint(cp)) continue;
    result.push(face);
    if (firstOnly) break;
  }
  return result;
}

function loadFont(file: string): Font {
  let font = fonts.get(file);
  if (!font) {
    const path = fontRegistry().files.get(file);
    if (!path) throw new Error(`font file not in the registry: ${file}`);
    font = openFont(readFileSync(path));
    fonts.set(file, font);
  }
  return font;
}

/** `"ሀ" (U+1200)` */
export function describeCharacter(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return `"${ch}" (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`;
}

const SCRIPTS = [
  'Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Nko', 'Samaritan', 'Devanagari',
  'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao',
  'Tibetan', 'Myanmar', 'Georgian', 'Hangul', 'Ethiopic', 'Cherokee', 'Canadian_Aboriginal', 'Ogham', 'Runic',
  'Tagalog', 'Khmer', 'Mongolian', 'Limbu', 'Tai_Le', 'Buginese', 'Balinese', 'Sundanese', 'Javanese', 'Cham',
  'Tifinagh', 'Hiragana', 'Katakana', 'Bopomofo', 'Han', 'Yi', 'Vai', 'Bamum', 'Adlam', 'Osmanya', 'Ol_Chiki',
  'Syloti_Nagri', 'Meetei_Mayek', 'Chakma', 'Rohingya', 'Hanifi_Rohingya', 'Braille', 'Coptic', 'Glagolitic',
];
const SCRIPT_TESTS: [string, RegExp][] = SCRIPTS.flatMap((name) => {
  try {
    return [[name.replace(/_/g, ' '), new RegExp(`^\\p{Script=${name}}$`, 'u')] as [string, RegExp]];
  } catch {
    return [];
  }
});

function missingGlyphHint(ch: string): string {
  if (/^\p{Extended_Pictographic}$/u.test(ch)) {
    return 'emoji cannot be printed with the bundled fonts: remove it or say the same thing in words';
  }
  const script = SCRIPT_TESTS.find(([, re]) => re.test(ch))?.[0];
  if (script) {
    return (
      `no bundled font covers ${script} text: remove or replace the character (e.g. with a transliteration), ` +
      `or add a Noto font that covers ${script} to the font registry (src/render/fonts/registry.ts)`
    );
  }
  return 'no bundled font has this symbol: remove it or replace it with a common character or a word';
}
