import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/**
 * The labels of `lang` from several locales folders merged key by key, the first folder winning: `--locales`
 * overlays and a profile's own locales/ before the bundled locales/ (the last folder, the base). A folder without
 * this language adds nothing; the metadata is that of the first folder that has a `_meta.json`.
 */
export function loadMergedLocale(lang: Language, dirs: readonly string[]): { resources: LocaleResources; meta: LocaleMeta; present: boolean } {
  const present = dirs.filter((dir) => existsSync(join(dir, lang)));
  if (present.length === 0) return { resources: {}, meta: { name: lang, dir: 'ltr', reviewed: false }, present: false };
  const loaded = present.map((dir) => ({ dir, ...loadLocale(lang, dir) }));
  const resources: LocaleResources = {};
  for (const { resources: layer } of [...loaded].reverse()) {
    for (const [ns, keys] of Object.entries(layer)) resources[ns] = mergeKeys(resources[ns] ?? {}, keys);
  }
  const withMeta = loaded.find(({ dir }) => existsSync(join(dir, lang, '_meta.json')));
  return { resources, meta: (withMeta ?? loaded.at(-1)!).meta, present: true };
}

/** `over` laid on `under`: nested objects merged, any other value of `over` replacing that of `under`. */
function mergeKeys(under: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...under };
  for (const [key, value] of Object.entries(over)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const below = merged[key];
    merged[key] = isPlainObject(value) && isPlainObject(below) ? mergeKeys(below, value) : value;
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Languages that have a folder in the locales folder `dir`. */
export function availableLanguages(dir = LOCALES_DIR): Language[] {
  const present = new Set(readdirSync(dir));
  return LANGUAGES.filter((l) => present.has(l));
}
