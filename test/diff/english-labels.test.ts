/** The diff's English words are the English copy's: the same as locales/en/common.json. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ACCOMMODATION_KIND_NAMES,
  DURATION_WORDS,
  FREQUENCY_WORDS,
  GOAL_AREA_NAMES,
  LOCATION_NAMES,
  PROGRAM_NAMES,
  RELATED_SERVICE_NAMES,
  durationWords,
  frequencyWords,
} from '../../src/diff/english-labels.js';

const en = JSON.parse(readFileSync(fileURLToPath(new URL('../../locales/en/common.json', import.meta.url)), 'utf8')) as Record<string, Record<string, string>>;

describe('English labels of the diff', () => {
  it('are those of locales/en/common.json', () => {
    expect(PROGRAM_NAMES).toEqual(en.program);
    expect(RELATED_SERVICE_NAMES).toEqual(en.relatedService);
    expect(ACCOMMODATION_KIND_NAMES).toEqual(en.accommodationKind);
    expect(GOAL_AREA_NAMES).toEqual(en.goalArea);
    expect(LOCATION_NAMES).toEqual(en.location);
    for (const [key, words] of Object.entries(FREQUENCY_WORDS)) expect(en.frequency![key]).toBe(words);
    for (const [key, words] of Object.entries(DURATION_WORDS)) expect(en.duration![key]).toBe(words);
  });

  it('word counted frequencies and minutes as the English copy does', () => {
    expect(frequencyWords({ times: 1, per: 'week' })).toBe('once a week');
    expect(frequencyWords({ times: 3, per: 'month' })).toBe('3 times a month');
    expect(frequencyWords('throughout-the-day')).toBe('throughout the day');
    expect(durationWords({ minutes: 30 })).toBe('30 minutes');
    expect(durationWords('class-period')).toBe('one class period');
  });
});
