/**
 * Words for schema (ajv) errors, shared by the IEP validator and the layout front matter check, so both describe a
 * wrong value and a path the same way.
 */
import type { JsonPath } from './diagnostic.js';

/** An ajv `instancePath` (a JSON Pointer, `/goals/2/criteria`) as a path: `['goals', 2, 'criteria']`. */
export function pathOfPointer(pointer: string): JsonPath {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** What a value written in the file is, for a message: `"Grade 3"`, `a list`, `number 4`, `empty`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value);
  return `${typeof value} ${String(value)}`;
}

/** A JSON Schema type (or several) in words: `text`, `a whole number or empty`. */
export function describeType(type: string | readonly string[]): string {
  const names: Record<string, string> = { string: 'text', integer: 'a whole number', number: 'a number', boolean: 'true or false', object: 'a mapping', array: 'a list', null: 'empty' };
  const list = typeof type === 'string' ? [type] : type;
  return list.map((t) => names[t] ?? t).join(' or ');
}
