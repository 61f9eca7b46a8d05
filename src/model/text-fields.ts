/**
 * Every narrative (`Text`) field of an IEP, with its JSON path. Found by walking the data alongside the schema in
 * src/model/iep.ts, so a narrative field added to the model is linted without touching this file.
 */
import type { TSchema } from '@sinclair/typebox';
import type { JsonPath } from './diagnostic.js';
import { IepSchema, type Iep } from './iep.js';
import { expandExtensionSchema, voiceOf } from './extension-schema.js';
import type { ProfileDefinition } from './profiles.js';

export interface TextField {
  /** Path of the English text: the field itself, or `<field>.en` for a translations map. */
  path: JsonPath;
  /** Path of the field (without `.en`). */
  fieldPath: JsonPath;
  /** The English text. */
  text: string;
  /** Languages the field is translated into, besides English. */
  translations: string[];
  /**
   * Set on a profile's own text field (`extensions.<namespace>...`, `x-iep: text`): the namespace and the field's
   * `description` in the profile's extensions schema, which is all a translator or a reader of a report can be told
   * about it (the model's fields have labels; a profile's have only its schema).
   */
  extension?: { namespace: string; description?: string; voice?: 'student-words' | 'parents-words' };
}

interface SchemaNode {
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
}

/** The `Text` union: a plain string, or a translations map with `en`. */
function isTextSchema(schema: SchemaNode): boolean {
  const branches = schema.anyOf;
  return (
    Array.isArray(branches) &&
    branches.some((b) => b.type === 'string') &&
    branches.some((b) => b.type === 'object' && b.properties?.en?.type === 'string')
  );
}

/**
 * @param extensions the extensions a profile declares: the record's data under its namespace is walked along the
 *   profile's schema, so its `x-iep: text` fields are listed too (without it, `extensions` is not read: which of
 *   its strings are narrative text only the profile says).
 */
export function textFields(iep: Iep, schema: TSchema = IepSchema, extensions?: ProfileDefinition['extensions']): TextField[] {
  const out: TextField[] = [];
  walk(schema as SchemaNode, iep, [], out);
  if (extensions) {
    const namespace = extensions.namespace;
    walk(expandExtensionSchema(extensions.schema).schema as SchemaNode, iep.extensions?.[namespace], ['extensions', namespace], out, namespace);
  }
  return out;
}

function walk(schema: SchemaNode, value: unknown, path: (string | number)[], out: TextField[], namespace?: string): void {
  if (value === undefined || value === null) return;
  if (isTextSchema(schema)) {
    const voice = voiceOf(schema);
    const extension = namespace === undefined ? {} : { extension: { namespace, ...(schema.description ? { description: schema.description } : {}), ...(voice ? { voice } : {}) } };
    if (typeof value === 'string') out.push({ path, fieldPath: path, text: value, translations: [], ...extension });
    else if (typeof value === 'object' && typeof (value as { en?: unknown }).en === 'string') {
      const map = value as Record<string, string>;
      out.push({ path: [...path, 'en'], fieldPath: path, text: map.en!, translations: Object.keys(map).filter((k) => k !== 'en'), ...extension });
    }
    return;
  }
  if (schema.anyOf) {
    const kind = Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : typeof value;
    const branch = schema.anyOf.find((b) => b.type === kind || (kind === 'object' && b.properties));
    if (branch) walk(branch, value, path, out, namespace);
    return;
  }
  if (schema.properties && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, sub] of Object.entries(schema.properties)) {
      walk(sub, (value as Record<string, unknown>)[key], [...path, key], out, namespace);
    }
    return;
  }
  if (schema.items && Array.isArray(value)) {
    value.forEach((item, i) => walk(schema.items!, item, [...path, i], out, namespace));
  }
}
