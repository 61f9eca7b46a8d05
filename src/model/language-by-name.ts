/**
 * The language code a person most likely meant when they wrote a language's name (`Bengali`, `Español`, `বাংলা`)
 * or a code in the wrong case (`ES`, `zh_hans`) where the model wants a code: a first-hour mistake in
 * `homeLanguage` and `preferredLanguage`.
 */
import { closest } from './closest.js';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from './languages.js';

/**
 * Names people write for each language iepkit writes: the English name(s) and the language's name for itself.
 * (Intl.DisplayNames is not enough: it says "Bangla", and has no Haitian Creole name for Haitian Creole.)
 */
const OTHER_NAMES: Record<Language, readonly string[]> = {
  en: ['English'],
  es: ['Español', 'Castellano'],
  'zh-Hans': ['Simplified Chinese', 'Chinese Simplified', '简体中文', '中文（简体）', '简体'],
  'zh-Hant': ['Traditional Chinese', 'Chinese Traditional', '繁體中文', '繁体中文', '中文（繁體）', '繁體'],
  ar: ['العربية', 'عربي', 'عربى'],
  bn: ['Bangla', 'বাংলা'],
  ru: ['Русский', 'Русский язык'],
  ko: ['한국어', '한국말'],
  fr: ['Français'],
  ht: ['Kreyòl ayisyen', 'Kreyòl', 'Haitian', 'Creole'],
  ur: ['اردو'],
};

/** Names that stand for both scripts of Chinese: the person must choose. */
const CHINESE = ['Chinese', 'Mandarin', '中文', '汉语', '漢語', '普通话', '普通話'];

/** Case- and accent-insensitive form: `Français`, `francais` and `FRANCAIS` compare equal. */
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\s_]+/g, ' ').trim();

const BY_NAME = new Map<string, Language>();
for (const code of LANGUAGES) {
  for (const name of [LANGUAGE_NAMES[code], ...OTHER_NAMES[code]]) BY_NAME.set(fold(name), code);
}

/**
 * The code(s) meant by `written`, or undefined when it names none of iepkit's languages. Chinese without a script
 * answers both codes. A near miss of an English name (`Bengli`) counts; a code in another case (`ES`) too.
 */
export function languageForName(written: string): Language[] | undefined {
  const folded = fold(written);
  const code = LANGUAGES.find((c) => c.toLowerCase() === folded.replace(/ /g, '-'));
  if (code) return [code];
  if (CHINESE.some((name) => fold(name) === folded)) return ['zh-Hans', 'zh-Hant'];
  const named = BY_NAME.get(folded);
  if (named) return [named];
  // Only English names take typos: a one-letter change in a three-letter native name is another word.
  const near = closest(folded, LANGUAGES.map((c) => fold(LANGUAGE_NAMES[c])));
  return near ? [BY_NAME.get(near)!] : undefined;
}
