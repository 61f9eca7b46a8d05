import type { ErrorObject } from 'ajv';
import { closest } from '../model/closest.js';
import { formatJsonPath, type JsonPath } from '../model/diagnostic.js';
import { describeType, describeValue, pathOfPointer } from '../model/schema-error-words.js';

/**
 * One error of ajv against a configuration file's schema (a layout's front matter, a profile.yaml) in words: the
 * path it is about (with `key` when the key itself is wrong, so the line of the key is printed), the message, and a
 * hint (a did-you-mean for a misspelled key or value, else the schema's description of the value, else `fallbackHint`).
 * `top` is what the whole file is called in a message ("the front matter").
 */
export function describeSchemaError(e: ErrorObject, top: string, fallbackHint: string): { path: JsonPath; key?: boolean; message: string; hint: string } {
  const path = [...pathOfPointer(e.instancePath)];
  const here = path.length === 0 ? top : formatJsonPath(path);
  const schema = (e.parentSchema ?? {}) as { description?: string; properties?: Record<string, { description?: string }> };
  const described = schema.description ?? fallbackHint;
  switch (e.keyword) {
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const why = schema.properties?.[missing]?.description;
      return {
        path: [...path, missing],
        message: `${formatJsonPath([...path, missing])} is required${why ? `: ${lowerFirst(why).replace(/\.$/, '')}` : ''}`,
        hint: `add \`${missing}:\` ${path.length === 0 ? `to ${top}` : `under ${here}`}`,
      };
    }
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(schema.properties ?? {});
      const guess = closest(extra, known);
      return {
        path: [...path, extra],
        key: true,
        message: `${formatJsonPath([...path, extra])} is not a key of ${here}`,
        hint: guess ? `did you mean \`${guess}\`?` : `keys here: ${known.join(', ')}`,
      };
    }
    case 'type':
      return { path, message: `${here} must be ${describeType((e.params as { type: string }).type)}, but it is ${describeValue(e.data)}`, hint: described };
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const guess = typeof e.data === 'string' ? closest(e.data, allowed) : undefined;
      return { path, message: `${here} must be one of: ${allowed.join(', ')}; found ${describeValue(e.data)}`, hint: guess ? `did you mean \`${guess}\`?` : described };
    }
    case 'uniqueItems': {
      const { i } = e.params as { i: number; j: number };
      const list = e.data as unknown[];
      return { path, message: `${here} lists ${describeValue(list[i])} twice`, hint: 'list each entry once' };
    }
    case 'minItems':
      return { path, message: `${here} must list at least ${(e.params as { limit: number }).limit}`, hint: described };
    case 'minLength':
      return { path, message: `${here} must not be empty`, hint: described };
    case 'pattern':
      return { path, message: `${here} is not written the expected way: ${describeValue(e.data)}`, hint: described };
    case 'minimum':
      return { path, message: `${here} must be at least ${(e.params as { limit: number }).limit}, found ${describeValue(e.data)}`, hint: described };
    default:
      return { path, message: `${here} ${e.message ?? 'is not valid'}`, hint: described };
  }
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
