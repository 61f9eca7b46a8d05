import type { Language } from '../model/languages.js';
import { joinSentences, segmentSentences } from './segment-sentences.js';

/**
 * A narrative field's English as an XLIFF export gives it: paragraphs (split at blank lines, as the documents print
 * them) of sentences. The import rebuilds the translation in the same shape, so a paragraph break is never lost.
 */
export function fieldSegments(text: string): string[][] {
  return text
    .split(/\n[ \t]*\n/)
    .map((paragraph) => segmentSentences(paragraph))
    .filter((sentences) => sentences.length > 0);
}

/** The translation of a field from its segments' targets, paragraph by paragraph. */
export function joinSegments(paragraphs: readonly string[][], lang: Language): string {
  return paragraphs.map((sentences) => joinSentences(sentences, lang)).join('\n\n');
}
