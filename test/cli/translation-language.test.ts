import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/io.js';
import { translationLanguage } from '../../src/cli/translation-language.js';

describe('translationLanguage (--lang of iep i18n export, apply-memory, glossary)', () => {
  it('takes a language other than English', () => {
    expect(translationLanguage('bn')).toBe('bn');
    expect(translationLanguage('zh-Hant')).toBe('zh-Hant');
  });

  it('refuses none, English and an unknown language, each saying what to give', () => {
    expect(() => translationLanguage(undefined)).toThrow(new UsageError('--lang is required (es, zh-Hans, zh-Hant, ar, bn, ru, ko, fr, ht, ur)'));
    expect(() => translationLanguage('en')).toThrow(/^--lang must be a language to translate into \(.*\), not "en": the IEP is written in English$/);
    expect(() => translationLanguage('xx')).toThrow(/^unknown language "xx": --lang must be a language to translate into/);
  });
});
