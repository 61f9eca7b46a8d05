/**
 * The English words `iep diff` uses for the record's closed lists and schedules: the English copy's own labels
 * (locales/en/common.json, read through the i18n stage), so a label reworded there is reworded here too.
 */
import type { Duration, Frequency } from '../model/iep.js';
import { formatDuration, formatFrequency } from '../i18n/format.js';
import { createTranslator, type Translator } from '../i18n/translator.js';

/** The closed lists of common.json the diff names values from. */
export type LabelList = 'program' | 'relatedService' | 'accommodationKind' | 'goalArea' | 'location';

const english = (): Translator => createTranslator('en');

/** `englishLabel('program', 'resource-room')` -> "Resource room program". */
export function englishLabel(list: LabelList, value: string): string {
  return english().t(`common:${list}.${value}`);
}

/** "once a week", "2 times a week", "as needed". */
export function frequencyWords(frequency: Frequency): string {
  return formatFrequency(frequency, english());
}

/** "30 minutes", "1 minute", "the full school day". */
export function durationWords(duration: Duration): string {
  return formatDuration(duration, english());
}
