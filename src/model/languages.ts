/**
 * The languages iepkit writes documents in: English plus New York City's translation languages,
 * with Chinese in both scripts. Codes are BCP 47 tags; one list feeds the schema, i18n and the CLI.
 */
export const LANGUAGES = ['en', 'es', 'zh-Hans', 'zh-Hant', 'ar', 'bn', 'ru', 'ko', 'fr', 'ht', 'ur'] as const;

export type Language = (typeof LANGUAGES)[number];

/** English names, for help text and docs (each locale carries its own name for itself). */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  es: 'Spanish',
  'zh-Hans': 'Chinese (Simplified)',
  'zh-Hant': 'Chinese (Traditional)',
  ar: 'Arabic',
  bn: 'Bengali',
  ru: 'Russian',
  ko: 'Korean',
  fr: 'French',
  ht: 'Haitian Creole',
  ur: 'Urdu',
};

export const RTL_LANGUAGES: ReadonlySet<Language> = new Set<Language>(['ar', 'ur']);

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}
