import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '../model/languages.js';
import { LOCALES_DIR } from '../model/paths.js';

/** A locale's resources: namespace -> nested keys -> strings (i18next's JSON v4 format). */
export type LocaleResources = Record<string, Record<string, unknown>>;

/** What each locale says about itself in locales/<lang>/_meta.json. */
export interface LocaleMeta {
  /** The language's name in itself, e.g. "Español". */
  name: string;
  dir: 'ltr' | 'rtl';
  /** Whether a professional translator has reviewed this locale; districts should check unreviewed ones. */
  reviewed: boolean;
  reviewedBy?: string;
  reviewedOn?: string;
  notes?: string;
}

const cache = new Map<string, { resources: LocaleResources; meta: LocaleMeta }>();

/**
 * Reads <dir>/<lang>/*.json once per process and folder (`dir`: the locales folder, locales/ of the package by
 * default). Namespaces are the file names; `_meta.json` is the metadata.
 */
export function loadLocale(lang: Language, dir = LOCALES_DIR): { resources: LocaleResources; meta: LocaleMeta } {
  const key = `${dir}\0${lang}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const folder = join(dir, lang);
  const resources: LocaleResources = {};
  let meta: LocaleMeta = { name: lang, dir: 'ltr', reviewed: false };
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
    const content = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Record<string, unknown>;
    if (file === '_meta.json') meta = content as unknown as LocaleMeta;
    else resources[file.slice(0, -'.json'.length)] = content;
  }
  const loaded = { resources, meta };
  cache.set(key, loaded);
  return loaded;
}

/** Languages that have a folder in the locales folder `dir`. */
export function availableLanguages(dir = LOCALES_DIR): Language[] {
  const present = new Set(readdirSync(dir));
  return LANGUAGES.filter((l) => present.has(l));
}
