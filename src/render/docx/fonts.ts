/**
 * The fonts the DOCX names. Text fonts come from the shared font module (src/render/fonts), the same Noto families
 * the PDF embeds, so both formats of a copy use the same typefaces; the DOCX embeds them (embedded-fonts.ts), so the
 * reader needs none installed.
 */
export { docxFonts, LANGUAGE_FONT, type DocxFonts } from '../fonts/font-stack.js';

/** Monospace text (inline code). */
export const MONO_FONT = 'Noto Sans Mono';

/**
 * The ballot boxes ☐ ☒ (U+2610, U+2612) are not in Noto Sans: name a font that has them on every Windows and macOS
 * Word install; other readers fall back to any font with the glyphs (LibreOffice: DejaVu Sans / OpenSymbol).
 */
export const SYMBOL_FONT = 'Segoe UI Symbol';
