import { CATALOG } from '../model/diagnostic-catalog.js';
import { formatJsonPath, type JsonPath } from '../model/diagnostic.js';
import { TEXT_LIMITS } from '../model/text-limits.js';
import { asMapping } from './as-mapping.js';
import type { Push } from './push.js';

/** Keys that could reach an object's prototype if code merged the data naively (the loader refuses them in files). */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * What the data model says of `extensions` whatever the profile (its own schema is checked with the profile, by
 * validateExtensions): no prototype-reaching key at any depth (a record built in memory or parsed with JSON.parse
 * can hold one, which the file loader would have refused) and no text longer than a narrative field may be, so an
 * extension is bounded as every other field is.
 */
export function checkExtensionValues(data: unknown, push: Push): void {
  const extensions = asMapping(asMapping(data)?.extensions);
  if (!extensions) return;
  const walk = (value: unknown, path: JsonPath) => {
    if (typeof value === 'string') {
      const length = [...value].length;
      if (length > TEXT_LIMITS.narrative) {
        push(path, { code: 'text-too-long', message: CATALOG['text-too-long'].message({ field: formatJsonPath(path), length, max: TEXT_LIMITS.narrative }), hint: CATALOG['text-too-long'].hint });
      }
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (FORBIDDEN_KEYS.has(key)) {
          push([...path, key], { code: 'forbidden-key', message: `the key "${key}" is not allowed in IEP data`, hint: 'remove this key; it is not an IEP field and could be used to tamper with the program' }, true);
        } else walk(item, [...path, key]);
      }
    }
  };
  walk(extensions, ['extensions']);
}
