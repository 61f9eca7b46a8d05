export { parseJsonPath } from '../model/diagnostic.js';

/** The value at a path of a parsed record, or undefined. */
export function valueAt(record: unknown, path: readonly (string | number)[]): unknown {
  let node = record;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}
