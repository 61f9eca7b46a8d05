/**
 * Fills what an incomplete draft lacks so that it composes, for the live preview: each required part that is missing,
 * or written so that it cannot be read (a value of the wrong type, a date that does not exist, a value outside its
 * closed list), becomes a placeholder (src/model/placeholder.ts) that the documents print as "[to be written: ...]".
 * Led by the schema, in its property order; nothing here judges the record (validation does), and the data given is
 * never changed.
 *
 * What cannot be a placeholder: a yes/no (a boolean) is filled with false, the answer that asks for nothing, and
 * listed like the others; a constant (schemaVersion) is set. Keys the schema does not know are left out (the
 * validation diagnostics name them); a text over its length limit is kept (it composes; validation reports it).
 */
import { formatJsonPath, type JsonPath } from '../model/diagnostic.js';
import { IepSchema } from '../model/iep.js';
import { placeholderValue, type Placeholder } from '../model/placeholder.js';

/** The parts of a JSON Schema this reads (TypeBox's schemas and the published JSON are both this shape). */
export interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: readonly string[];
  items?: SchemaNode;
  anyOf?: readonly SchemaNode[];
  enum?: readonly unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  description?: string;
}

export interface CompletedDraft {
  /** The record with every placeholder in place: a copy, sharing the parts that needed nothing. */
  data: Record<string, unknown>;
  /** Each part filled, in form order; placeholder value i (placeholderValue(i)) stands for entry i. */
  placeholders: Placeholder[];
  /** The readable JSON path of every part filled: the placeholders' and those of lists and mappings made whole. */
  filled: string[];
}

/** The record `data` with placeholders wherever a required part is missing or unreadable. */
export function completeDraft(data: unknown, schema: SchemaNode = IepSchema as unknown as SchemaNode): CompletedDraft {
  const filler = new Filler();
  const completed = filler.complete(data, schema, []);
  const record = completed.value !== null && typeof completed.value === 'object' && !Array.isArray(completed.value) ? completed.value : filler.build(schema, []);
  return { data: record as Record<string, unknown>, placeholders: filler.placeholders, filled: filler.filled };
}

interface Completed {
  value: unknown;
  /** Something was filled, replaced or left out. */
  changed: boolean;
}

class Filler {
  readonly placeholders: Placeholder[] = [];
  readonly filled: string[] = [];

  /** A placeholder for the part at `path`, described by its schema. */
  private placeholder(schema: SchemaNode, path: JsonPath): string {
    this.placeholders.push({ path: formatJsonPath(path), label: shortLabel(schema.description, path) });
    this.filled.push(formatJsonPath(path));
    return placeholderValue(this.placeholders.length - 1);
  }

  /** A value for a part that is not written at all. */
  build(schema: SchemaNode, path: JsonPath): unknown {
    if ('const' in schema) return schema.const;
    if (schema.anyOf || schema.enum) return this.placeholder(schema, path);
    switch (schema.type) {
      case 'object': {
        this.filled.push(formatJsonPath(path));
        const out: Record<string, unknown> = {};
        for (const key of schema.required ?? []) {
          const child = schema.properties?.[key];
          if (child) out[key] = this.build(child, [...path, key]);
        }
        return out;
      }
      case 'array':
        this.filled.push(formatJsonPath(path));
        return Array.from({ length: schema.minItems ?? 0 }, (_, i) => this.build(schema.items ?? {}, [...path, i]));
      case 'boolean':
        this.placeholder(schema, path);
        return false;
      default:
        return this.placeholder(schema, path);
    }
  }

  complete(value: unknown, schema: SchemaNode, path: JsonPath): Completed {
    if ('const' in schema) return value === schema.const ? { value, changed: false } : { value: schema.const, changed: true };
    if (schema.anyOf) return this.union(value, schema, path);
    if (schema.type === 'object') {
      if (!isMapping(value)) return { value: this.build(schema, path), changed: true };
      let changed = false;
      const out: Record<string, unknown> = {};
      // The schema's order, so placeholders are listed (and numbered) in form order.
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        if (value[key] === undefined || value[key] === null) {
          if (schema.required?.includes(key)) {
            out[key] = this.build(child, [...path, key]);
            changed = true;
          } else if (key in value) changed = true;
          continue;
        }
        const done = this.complete(value[key], child, [...path, key]);
        out[key] = done.value;
        changed ||= done.changed;
      }
      if (!changed && Object.keys(value).length === Object.keys(out).length) return { value, changed: false };
      return { value: out, changed: true };
    }
    if (schema.type === 'array') {
      if (!Array.isArray(value)) return { value: this.build(schema, path), changed: true };
      let changed = false;
      const out = value.map((item, i) => {
        const done = this.complete(item, schema.items ?? {}, [...path, i]);
        changed ||= done.changed;
        return done.value;
      });
      for (let i = out.length; i < (schema.minItems ?? 0); i++) {
        out.push(this.build(schema.items ?? {}, [...path, i]));
        changed = true;
      }
      return changed ? { value: out, changed } : { value, changed };
    }
    return readable(value, schema) ? { value, changed: false } : { value: this.build(schema, path), changed: true };
  }

  /**
   * A union (narrative text, a frequency): the value as written when one branch reads it whole, else one placeholder
   * for the whole value (half a frequency, `{ times: 2 }`, cannot be printed in any language).
   */
  private union(value: unknown, schema: SchemaNode, path: JsonPath): Completed {
    for (const branch of schema.anyOf ?? []) {
      const trial = new Filler();
      if (!trial.complete(value, branch, path).changed) return { value, changed: false };
    }
    return { value: this.placeholder(schema, path), changed: true };
  }
}

/** Whether a scalar value is one its schema reads (the length limit aside: a long text still composes). */
function readable(value: unknown, schema: SchemaNode): boolean {
  if (schema.enum) return schema.enum.includes(value);
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string' || value.length < (schema.minLength ?? 0)) return false;
      if (schema.pattern && !compiled(schema.pattern).test(value)) return false;
      if (schema.format === 'date') return isCalendarDate(value);
      if (schema.format === 'email') return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
      return true;
    case 'integer':
    case 'number':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (schema.type === 'number' || Number.isInteger(value)) &&
        value >= (schema.minimum ?? -Infinity) &&
        value <= (schema.maximum ?? Infinity)
      );
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return true;
  }
}

const patterns = new Map<string, RegExp>();
function compiled(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) patterns.set(pattern, (re = new RegExp(pattern, 'u')));
  return re;
}

/** YYYY-MM-DD naming a day that exists. */
function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * What belongs in a part, in a few words: its schema description up to the first example, citation or explanation
 * ("Date of birth (YYYY-MM-DD)." -> "Date of birth"), else its key in words ("firstName" -> "first name").
 */
export function shortLabel(description: string | undefined, path: JsonPath): string {
  const short = description
    ?.split(/ \(|, e\.g\.|: |\. | - |; /)[0]
    ?.replace(/[.,:]\s*$/, '')
    .trim();
  if (short && short.length <= 80) return short;
  const key = [...path].reverse().find((part): part is string => typeof part === 'string') ?? 'value';
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
