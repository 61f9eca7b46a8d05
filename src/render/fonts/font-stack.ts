/**
 * Which bundled family a document language is set in, as a CSS font stack (HTML/PDF) and as Word's four font
 * slots (DOCX). Both renderers ask here, so a parent copy uses the same typefaces in both formats.
 */
import type { Language } from '../../model/languages.js';
import { FONT_FAMILIES, type FontFamilyName } from './registry.js';

/** The family a language's text is set in. */
export const LANGUAGE_FONT: Record<Language, FontFamilyName> = {
  en: 'Noto Sans',
  es: 'Noto Sans',
  fr: 'Noto Sans',
  ht: 'Noto Sans',
  ru: 'Noto Sans',
  ar: 'Noto Sans Arabic',
  ur: 'Noto Nastaliq Urdu',
  bn: 'Noto Sans Bengali',
  'zh-Hans': 'Noto Sans SC',
  'zh-Hant': 'Noto Sans TC',
  ko: 'Noto Sans KR',
};

/** A family that serves the same script in another style and should come right after the language's own. */
const RELATED_FONT: Partial<Record<FontFamilyName, FontFamilyName>> = {
  'Noto Nastaliq Urdu': 'Noto Sans Arabic',
};

/**
 * The families in fallback order for a language: its own family, a related one for the same script, Noto Sans,
 * then every other bundled family (so a name in another script, e.g. a Chinese name in a Spanish copy, still
 * finds a glyph).
 */
export function fontFamilies(lang: Language): FontFamilyName[] {
  const first = LANGUAGE_FONT[lang];
  const ordered: FontFamilyName[] = [first];
  const related = RELATED_FONT[first];
  if (related) ordered.push(related);
  for (const family of ['Noto Sans' as const, ...FONT_FAMILIES.map((f) => f.family)]) {
    if (!ordered.includes(family)) ordered.push(family);
  }
  return ordered;
}

/** CSS `font-family` value for a language, e.g. Urdu -> `"Noto Nastaliq Urdu", "Noto Sans Arabic", "Noto Sans", ...`. */
export function fontStack(lang: Language): string {
  return [...fontFamilies(lang).map((f) => `"${f}"`), 'sans-serif'].join(', ');
}

/** Word's run fonts (`w:rFonts`): ascii and hAnsi for Latin, eastAsia for CJK, cs for complex scripts (Arabic, Urdu, Bengali). */
export interface DocxFonts {
  ascii: FontFamilyName;
  hAnsi: FontFamilyName;
  eastAsia: FontFamilyName;
  cs: FontFamilyName;
}

export function docxFonts(lang: Language): DocxFonts {
  const eastAsia: FontFamilyName = lang === 'zh-Hant' ? 'Noto Sans TC' : lang === 'ko' ? 'Noto Sans KR' : 'Noto Sans SC';
  const cs: FontFamilyName = lang === 'ur' ? 'Noto Nastaliq Urdu' : lang === 'bn' ? 'Noto Sans Bengali' : 'Noto Sans Arabic';
  return { ascii: 'Noto Sans', hAnsi: 'Noto Sans', eastAsia, cs };
}

/**
 * Line height that suits a language's font: Noto Nastaliq Urdu stacks letters diagonally and needs about twice
 * the usual leading, or lines and table borders collide; Arabic, Bengali and CJK need a little more than Latin.
 */
export const LANGUAGE_LINE_HEIGHT: Record<Language, number> = {
  en: 1.45,
  es: 1.45,
  fr: 1.45,
  ht: 1.45,
  ru: 1.45,
  ar: 1.7,
  ur: 2.2,
  bn: 1.65,
  'zh-Hans': 1.6,
  'zh-Hant': 1.6,
  ko: 1.6,
};

/**
 * How much more leading a language's text needs than Latin text (its line height over Latin's, two decimals: ur
 * 1.52, ar 1.17, bn 1.14, CJK 1.1, Latin 1). Headings multiply their line height by it in both formats: the print
 * CSS through `--language-leading` (textCss), the DOCX in its line spacing (src/render/docx/line-spacing.ts).
 */
export function languageLeading(lang: Language): number {
  return Math.round((LANGUAGE_LINE_HEIGHT[lang] / LANGUAGE_LINE_HEIGHT.en) * 100) / 100;
}

/**
 * CSS declarations for a language's running text: the font stack, its line height, and for Korean breaking
 * lines between words (`keep-all`) as Korean text expects, instead of inside them. `--language-leading` is how much
 * more leading the language needs than Latin text: headings multiply their own line height by it, so a Nastaliq
 * heading's descenders no longer touch the table below it.
 */
export function textCss(lang: Language): string {
  const rules = [`font-family: ${fontStack(lang)};`, `line-height: ${LANGUAGE_LINE_HEIGHT[lang]};`, `--language-leading: ${languageLeading(lang)};`];
  if (lang === 'ko') rules.push('word-break: keep-all;', 'overflow-wrap: anywhere;');
  return rules.join(' ');
}
