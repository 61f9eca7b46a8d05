import type { TOptions } from 'i18next';
import type { Translator } from './translator.js';

export interface TrackedTranslator {
  translator: Translator;
  /** The labels asked for so far that this language lacks and English gave, in the order first asked. */
  fellBack(): string[];
}

/**
 * The same translator, noting each label printed in English because the copy's language lacks it (a locales folder
 * with a label not yet translated), so the document can say so as it says so for untranslated data. The bundled
 * locales have every label in every language (a test checks), so this reports on locales given from outside.
 * A plural label (asked with `count`) is checked by the key it is asked with, which i18next resolves per language.
 */
export function trackFallbacks(tr: Translator): TrackedTranslator {
  const fellBack = new Set<string>();
  const translator: Translator = {
    ...tr,
    t(key: string, options?: TOptions) {
      if (tr.lang !== 'en' && !tr.hasOwn(key) && tr.isKnown(key)) fellBack.add(key);
      return tr.t(key, options);
    },
  };
  return { translator, fellBack: () => [...fellBack] };
}
