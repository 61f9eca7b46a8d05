import type { Language } from '../model/languages.js';

/** One English sentence and its translation, as an XLIFF import hands them to the translation memory. */
export interface MemoryPair {
  en: string;
  lang: Language;
  text: string;
}

/**
 * The YAML comment on a translation's key that says the translation memory filled it, not a person: the export gives
 * such a translation as "needs review", and an import that writes the field removes the comment.
 */
export const MEMORY_MARK = 'iepkit: from translation memory';
