/**
 * The English of narrative text. A record's `Text` is a plain string or a map `{ en, es, ... }`; a change is about
 * what the IEP says, which is the English (the legal version), so values are compared with each map reduced to its
 * English, and a difference only in a translation is reported on its own.
 */
import { isDeepStrictEqual } from 'node:util';
import { isLanguage } from '../model/languages.js';

/** A translations map: an object with English text whose keys are all language codes. */
export function isTextMap(value: unknown): value is Record<string, string> & { en: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const map = value as Record<string, unknown>;
  return typeof map.en === 'string' && Object.keys(map).every((key) => isLanguage(key) && typeof map[key] === 'string');
}

/** The English of a `Text` (a string is English); undefined for anything else. */
export function englishOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return isTextMap(value) ? value.en : undefined;
}

/** The value with every translations map replaced by its English. */
export function englishOnly(value: unknown): unknown {
  if (isTextMap(value)) return value.en;
  if (Array.isArray(value)) return value.map(englishOnly);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, englishOnly(v)]));
  }
  return value;
}

/** Equal in what the IEP says (English), whatever the translations. */
export function sameInEnglish(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(englishOnly(a), englishOnly(b));
}

export function sameValue(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b);
}

/** The translations of a `Text` (without English): `{}` for a plain string. */
export function translationsOf(value: unknown): Record<string, string> {
  if (!isTextMap(value)) return {};
  const { en: _english, ...rest } = value;
  return rest;
}
