import type { Language } from '../model/languages.js';
import type { LocaleResources } from './load-locales.js';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Flattens nested locale JSON to `namespace:a.b.c` keys. */
export function flattenKeys(resources: LocaleResources): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === 'string') out.set(prefix, value);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, prefix.endsWith(':') ? `${prefix}${k}` : `${prefix}.${k}`);
  };
  for (const [ns, tree] of Object.entries(resources)) walk(tree, `${ns}:`);
  return out;
}

/** A key without its plural suffix: `common:frequency.per-week_other` -> `common:frequency.per-week`. */
export function baseKey(key: string): string {
  return key.replace(PLURAL_SUFFIX, '');
}

export function isPluralKey(key: string): boolean {
  return PLURAL_SUFFIX.test(key);
}

/** The plural categories a language needs (Arabic: six; Chinese: one), from the platform's CLDR data. */
export function pluralCategories(lang: Language): string[] {
  return new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];
}

/** `{{name}}`, `{{count, number}}` and `{page}` placeholders in a label. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}|\{(page|pages)\}/g)].map((m) => m[1] ?? m[2]!).sort();
}

export interface KeyComparison {
  /** English keys (by base key) the locale lacks; plural keys count as missing when any needed category is absent. */
  missing: string[];
  /** Keys the locale has that English does not. */
  extra: string[];
  /** Keys whose placeholders differ from English's. */
  placeholderMismatch: { key: string; expected: string[]; found: string[] }[];
}

/** Compares a locale's keys with English's, the reference set every locale must match. */
export function compareWithEnglish(lang: Language, en: LocaleResources, own: LocaleResources): KeyComparison {
  const enKeys = flattenKeys(en);
  const ownKeys = flattenKeys(own);
  const enBases = new Map<string, string[]>();
  for (const [key, value] of enKeys) enBases.set(baseKey(key), [...(enBases.get(baseKey(key)) ?? []), value]);
  const missing: string[] = [];
  const placeholderMismatch: KeyComparison['placeholderMismatch'] = [];
  for (const [base, values] of enBases) {
    const plural = [...enKeys.keys()].some((k) => isPluralKey(k) && baseKey(k) === base);
    const needed = plural ? pluralCategories(lang).map((c) => `${base}_${c}`) : [base];
    // A plural in English may be a single form in a language without plurals, and the reverse.
    const present = needed.filter((k) => ownKeys.has(k));
    if (present.length < needed.length && !(plural && ownKeys.has(base))) missing.push(base);
    const expected = [...new Set(values.flatMap(placeholders))].sort();
    for (const k of present.length ? present : ownKeys.has(base) ? [base] : []) {
      const found = [...new Set(placeholders(ownKeys.get(k)!))].sort();
      // Plural forms may leave out {{count}} ("once a week"); other placeholders must all be there.
      const required = expected.filter((p) => !(plural && p === 'count'));
      if (required.some((p) => !found.includes(p)) || found.some((p) => !expected.includes(p))) placeholderMismatch.push({ key: k, expected, found });
    }
  }
  const extra = [...ownKeys.keys()].filter((k) => !enBases.has(baseKey(k)));
  return { missing, extra, placeholderMismatch };
}
