import type { Language } from '../model/languages.js';

/** One English sentence and its translation, as XLIFF import gives them and the translation memory keeps them. */
export type MemoryPair = { en: string; lang: Language; text: string };
