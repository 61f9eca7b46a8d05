import i18next, { type i18n, type TOptions } from 'i18next';
import { RTL_LANGUAGES, type Language } from '../model/languages.js';
import { LOCALES_DIR } from '../model/paths.js';
import { loadLocale, loadMergedLocale, type LocaleMeta } from './load-locales.js';

export interface Translator {
  lang: Language;
  dir: 'ltr' | 'rtl';
  meta: LocaleMeta;
  /** Translates `namespace:key` (or a key of `common`), with i18next interpolation and plural rules (`count`). */
  t(key: string, options?: TOptions): string;
  /** True when the key exists in this language itself (not through the English fallback). */
  hasOwn(key: string): boolean;
  /** True when the key exists in English, the reference key set every locale must match. */
  isKnown(key: string): boolean;
}

const instances = new Map<string, Translator>();

/**
 * One i18next instance per language and locales folders (`--locales` overlays and a profile's labels before the
 * bundled locales/, merged key by key: see loadMergedLocale), created once and reused: English is the fallback and the
 * reference key set. Interpolated values are not HTML-escaped here: data reaching templates is already
 * Markdown-escaped by compose.
 */
export function createTranslator(lang: Language, localesDirs: string | readonly string[] = LOCALES_DIR): Translator {
  const dirs = typeof localesDirs === 'string' ? [localesDirs] : localesDirs;
  const key = `${dirs.join('\0')}\0\0${lang}`;
  const hit = instances.get(key);
  if (hit) return hit;
  const en = dirs.length === 1 ? loadLocale('en', dirs[0]) : loadMergedLocale('en', dirs);
  const merged = lang === 'en' ? undefined : loadMergedLocale(lang, dirs);
  const own = lang === 'en' ? en : merged!.present ? merged! : { resources: {}, meta: { name: lang, dir: RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr', reviewed: false } as LocaleMeta };
  const namespaces = Object.keys(en.resources);
  const instance: i18n = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: 'en',
    ns: namespaces,
    defaultNS: 'common',
    resources: { en: en.resources, ...(lang === 'en' ? {} : { [lang]: own.resources }) },
    // A label whose {{placeholder}} gets no value is a template bug: fail loudly instead of printing "{{name}}".
    interpolation: { escapeValue: false, skipOnVariables: true },
    missingInterpolationHandler: (text: string, value: unknown) => {
      throw new Error(`label "${text}" needs a value for ${String((value as string[])[1] ?? value)}`);
    },
    returnNull: false,
    returnEmptyString: false,
    initAsync: false,
    showSupportNotice: false,
  } as Parameters<i18n['init']>[0]);
  // The resources never change once loaded: a label without options, and whether a key exists, are looked up
  // once (composing asks for the same few hundred labels in every document). Keys come from templates and code.
  const labels = new Map<string, string>();
  const labelsWithValues = new Map<string, string>();
  const ownKeys = new Map<string, boolean>();
  const known = new Map<string, boolean>();
  const translator: Translator = {
    lang,
    dir: RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr',
    meta: own.meta,
    t: (key, options) => {
      if (options === undefined) return remember(labels, key, () => String(instance.t(key)));
      // A label with values recurs too ("Goal 3", a service's sentence; compose's held data is a placeholder, the same
      // in every document of a shape): looked up once per key and values, the oldest forgotten first.
      const remembered = withValuesKey(key, options);
      if (remembered === undefined) return String(instance.t(key, options as TOptions));
      let label = labelsWithValues.get(remembered);
      if (label === undefined) {
        label = String(instance.t(key, options as TOptions));
        if (labelsWithValues.size >= REMEMBERED) labelsWithValues.delete(labelsWithValues.keys().next().value!);
        labelsWithValues.set(remembered, label);
      }
      return label;
    },
    hasOwn: (key) => remember(ownKeys, key, () => instance.exists(key, { lng: lang, fallbackLng: false } as TOptions)),
    isKnown: (key) => remember(known, key, () => instance.exists(key, { lng: 'en', fallbackLng: false } as TOptions)),
  };
  instances.set(key, translator);
  return translator;
}

/**
 * The cache key of a label asked with values: the key and each value, when every value is a string, number or
 * boolean; undefined when the label must be looked up each time.
 */
function withValuesKey(key: string, options: object): string | undefined {
  let remembered = key;
  for (const [name, value] of Object.entries(options)) {
    const kind = typeof value;
    if (kind !== 'string' && kind !== 'number' && kind !== 'boolean' && value !== undefined) return undefined;
    remembered += `\0${name}\0${kind}\0${String(value)}`;
  }
  return remembered;
}

/**
 * Bound of each lookup cache: far more keys than the locales hold, so only a runaway caller stops caching. The labels
 * with values, whose keys hold values from the data, forget their oldest instead.
 */
const REMEMBERED = 20_000;

function remember<T>(cache: Map<string, T>, key: string, look: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = look();
    if (cache.size < REMEMBERED) cache.set(key, value);
  }
  return value;
}
