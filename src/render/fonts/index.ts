/**
 * The bundled fonts: a registry of Noto families from npm (`@fontsource/*`), the CSS and DOCX font names for each
 * document language, the bytes the PDF engine serves, TrueType files for the DOCX to embed, and a glyph-coverage
 * check for the text of an IEP.
 */
export { FONT_FAMILIES, FONT_WEIGHTS, fontRegistry } from './registry.js';
export type { FontFaceEntry, FontFamilyName, FontRegistry, FontStyle, FontWeight } from './registry.js';
export { fontFaceCss } from './font-face-css.js';
export type { FontFaceCssOptions } from './font-face-css.js';
export { LANGUAGE_FONT, LANGUAGE_LINE_HEIGHT, docxFonts, languageLeading, fontFamilies, fontStack, textCss } from './font-stack.js';
export type { DocxFonts } from './font-stack.js';
export { readFontAsset, fontAssetContentType } from './read-font-asset.js';
export { embeddableFont } from './embeddable-font.js';
export { checkGlyphCoverage, familiesCovering, isCodePointCovered, describeCharacter } from './check-glyph-coverage.js';
export type { GlyphCheckInput } from './check-glyph-coverage.js';
export { FONT_CSS_URL, FONT_URL_PREFIX, PRIVATE_ORIGIN } from './origin.js';
