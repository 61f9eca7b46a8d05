import { split } from 'sentence-splitter';
import type { Language } from '../model/languages.js';

/**
 * English narrative split into sentences: the unit a translation memory matches and a CAT tool shows one by one.
 * sentence-splitter (textlint's) rather than Intl.Segmenter, whose ICU rules end a sentence after "Dr." and "e.g.".
 * Export and memory use this one function, so the same text always gives the same segments.
 */
export function segmentSentences(text: string): string[] {
  return split(text)
    .filter((node) => node.type === 'Sentence')
    .map((node) => node.raw.trim())
    .filter((s) => s.length > 0);
}

/** Chinese writes sentences with no space between them; every other language iepkit has uses one space. */
export function joinSentences(sentences: string[], lang: Language): string {
  return sentences.join(lang === 'zh-Hans' || lang === 'zh-Hant' ? '' : ' ');
}
