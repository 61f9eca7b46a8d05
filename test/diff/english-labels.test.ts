/** The diff's English words are the English copy's own labels (locales/en/common.json through i18n). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { durationWords, englishLabel, frequencyWords } from '../../src/diff/english-labels.js';

const en = JSON.parse(readFileSync(fileURLToPath(new URL('../../locales/en/common.json', import.meta.url)), 'utf8')) as Record<string, Record<string, string>>;

describe('English labels of the diff', () => {
  it('are those of locales/en/common.json', () => {
    for (const list of ['program', 'relatedService', 'accommodationKind', 'goalArea', 'location'] as const) {
      for (const [value, label] of Object.entries(en[list]!)) expect(englishLabel(list, value)).toBe(label);
    }
  });

  it('word counted frequencies and minutes as the English copy does', () => {
    expect(frequencyWords({ times: 1, per: 'week' })).toBe('once a week');
    expect(frequencyWords({ times: 3, per: 'month' })).toBe('3 times a month');
    expect(frequencyWords('throughout-the-day')).toBe('throughout the day');
    expect(durationWords({ minutes: 30 })).toBe('30 minutes');
    expect(durationWords({ minutes: 1 })).toBe('1 minute');
    expect(durationWords('class-period')).toBe('one class period');
  });
});
