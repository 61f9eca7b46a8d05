/**
 * The fonts the DOCX names, per document language: the same Noto families the PDF embeds, so both formats look
 * alike where the reader has them installed (Word substitutes a similar font where not).
 *
 * Kept here until the shared `docxFonts(lang)` in src/render/fonts/ exists; then this map should go and that one be
 * imported instead (same shape: the four w:rFonts slots).
 */
import type { Language } from '../../model/languages.js';

/** The four font slots of `w:rFonts`: Latin (ascii, hAnsi), East Asian and complex script (Arabic, Urdu, Bengali). */
export interface DocxFontSet {
  ascii: string;
  hAnsi: string;
  eastAsia: string;
  cs: string;
}

const LATIN = 'Noto Sans';

/** The complex-script or East Asian family a language needs beside Noto Sans. */
const SCRIPT_FONT: Partial<Record<Language, { eastAsia?: string; cs?: string }>> = {
  ar: { cs: 'Noto Sans Arabic' },
  ur: { cs: 'Noto Nastaliq Urdu' },
  bn: { cs: 'Noto Sans Bengali' },
  'zh-Hans': { eastAsia: 'Noto Sans SC' },
  'zh-Hant': { eastAsia: 'Noto Sans TC' },
  ko: { eastAsia: 'Noto Sans KR' },
};

export function docxFonts(lang: Language): DocxFontSet {
  const script = SCRIPT_FONT[lang] ?? {};
  return { ascii: LATIN, hAnsi: LATIN, eastAsia: script.eastAsia ?? LATIN, cs: script.cs ?? LATIN };
}

/** Monospace text (inline code). */
export const MONO_FONT = 'Noto Sans Mono';

/**
 * The ballot boxes ☐ ☒ (U+2610, U+2612) are not in Noto Sans: name a font that has them on every Windows and macOS
 * Word install; other readers fall back to any font with the glyphs (LibreOffice: DejaVu Sans / OpenSymbol).
 */
export const SYMBOL_FONT = 'Segoe UI Symbol';
