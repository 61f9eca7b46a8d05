import { isLanguage, LANGUAGES, type Language } from '../model/languages.js';
import { UsageError } from './io.js';

/** The languages a translation is in: every language iepkit has but English, which the IEP is written in. */
export const TRANSLATION_LANGUAGES = LANGUAGES.filter((lang) => lang !== 'en');

/** `--lang` of the translation subcommands (export, apply-memory, glossary): one language other than English. */
export function translationLanguage(value: string | undefined): Language {
  const choices = TRANSLATION_LANGUAGES.join(', ');
  if (value === undefined) throw new UsageError(`--lang is required (${choices})`);
  if (value === 'en') throw new UsageError(`--lang must be a language to translate into (${choices}), not "en": the IEP is written in English`);
  if (!isLanguage(value)) throw new UsageError(`unknown language "${value}": --lang must be a language to translate into (${choices})`);
  return value;
}
