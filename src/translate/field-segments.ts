import type { JsonPath } from '../model/diagnostic.js';
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

/**
 * A translation cut into sentences, to give an existing translation as targets sentence by sentence. Not
 * segmentSentences: its rules are English ones and do not end a sentence at the danda (।) or the Arabic and Urdu
 * full stops. Used only where a wrong cut cannot hurt: if the count differs from the English, the translation is
 * given whole.
 */
export function translationSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?।॥؟۔]["'”’»)]*)\s+|(?<=[。！？])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The field's translation into `lang` in a record, if it has one. */
export function translationAt(record: unknown, fieldPath: JsonPath, lang: string): string | undefined {
  let node = record;
  for (const key of fieldPath) node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  const value = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[lang] : undefined;
  return typeof value === 'string' ? value : undefined;
}
