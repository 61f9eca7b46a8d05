import type { Iep } from '../model/iep.js';
import { isLanguage, type Language } from '../model/languages.js';

/** A language choice on the command line: a language, or `family` for each parent's preferred language. */
export type LanguageChoice = Language | 'family';

/** Resolves `family` to the parents' preferred languages that iepkit can write, keeping the order given, once each. */
export function resolveLanguages(choices: readonly LanguageChoice[], iep: Iep): Language[] {
  const out: Language[] = [];
  for (const choice of choices) {
    const langs = choice === 'family' ? iep.student.guardians.map((g) => g.preferredLanguage).filter(isLanguage) : [choice];
    for (const lang of langs) if (!out.includes(lang)) out.push(lang);
  }
  return out;
}
