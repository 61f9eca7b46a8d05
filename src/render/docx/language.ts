/**
 * Language tags as Word expects them. Word's w:lang takes region-qualified tags (en-US, ar-SA) and has three slots:
 * `w:val` for Latin text, `w:eastAsia` for Chinese/Japanese/Korean and `w:bidi` for complex scripts (Arabic, Urdu,
 * Bengali). Setting the document's language there lets spell checkers, hyphenation and screen readers pick the
 * right language (WCAG 3.1.1; see iep-reference section 6).
 */
import type { Language } from '../../model/languages.js';

const WORD_TAG: Record<Language, string> = {
  en: 'en-US',
  es: 'es-US',
  'zh-Hans': 'zh-CN',
  'zh-Hant': 'zh-TW',
  ar: 'ar-SA',
  bn: 'bn-BD',
  ru: 'ru-RU',
  ko: 'ko-KR',
  fr: 'fr-FR',
  ht: 'ht-HT',
  ur: 'ur-PK',
};

const EAST_ASIAN: ReadonlySet<Language> = new Set<Language>(['zh-Hans', 'zh-Hant', 'ko']);
const COMPLEX_SCRIPT: ReadonlySet<Language> = new Set<Language>(['ar', 'ur', 'bn']);

/** The region-qualified tag for a language (also the `dc:language` of the package). */
export function wordLanguageTag(lang: Language): string {
  return WORD_TAG[lang];
}

/** The three w:lang slots for a document in `lang`: the language goes in the slot of its script. */
export function wordLanguage(lang: Language): { value: string; eastAsia: string; bidirectional: string } {
  const tag = WORD_TAG[lang];
  return {
    value: EAST_ASIAN.has(lang) || COMPLEX_SCRIPT.has(lang) ? 'en-US' : tag,
    eastAsia: EAST_ASIAN.has(lang) ? tag : 'zh-CN',
    bidirectional: COMPLEX_SCRIPT.has(lang) ? tag : 'ar-SA',
  };
}

/** A w:lang for a run in another language (e.g. untranslated English), from a BCP 47 tag such as `en`. */
export function wordLanguageForTag(tag: string): string {
  return (WORD_TAG as Record<string, string>)[tag] ?? tag;
}
