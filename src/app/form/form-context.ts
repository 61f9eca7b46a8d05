/**
 * What every control of the form shares: where edits go, the record being shown, the labels, and the registry of
 * bound fields by JSON path (for update, diagnostics and focusPath).
 */
import type { JSONSchema } from '../../model/json-schema.js';
import { formatPath, type PathKey } from './json-path.js';
import type { Labels } from './labels.js';

export interface Binding {
  path: PathKey[];
  /** The focusable control, when the path has one (not for a group). */
  control?: HTMLElement;
  /** The element that names the field's messages in aria-describedby: the control, or the group's fieldset. */
  target: HTMLElement;
  /** Where messages about this path are shown. */
  messages: HTMLElement;
  /** Shows the record's value at `path`. */
  refresh?(value: unknown): void;
}

export interface FormContext {
  readonly labels: Labels;
  readonly languages: string[];
  /** Reports an edit and keeps the form's copy of the record in step until the next update(). */
  edit(path: PathKey[], value: unknown): void;
  /** The value at `path` in the form's copy of the record. */
  get(path: PathKey[]): unknown;
  id(): string;
  register(binding: Binding): void;
  /** Forgets the bindings of a list's items before they are rebuilt. */
  unregisterUnder(path: PathKey[]): void;
  /** Shows the record's values in the bindings below `path` (after a list's items were rebuilt). */
  refreshUnder(path: PathKey[]): void;
  /** Announces a change (item moved, removed) to screen readers. */
  announce(text: string): void;
  /** Builds the control for any schema node (the dispatcher, build-field.ts). */
  build(schema: JSONSchema, path: PathKey[], options: { label: string; required: boolean }): HTMLElement;
}

/** `goals[2].criteria` -> `goals.criteria`: the key of labels, which do not depend on indexes. */
export const schemaPathOf = (path: readonly PathKey[]): string => path.filter((k) => typeof k === 'string').join('.');

export const keyOf = (path: readonly PathKey[]): string => formatPath(path);

/** A copy of `record` with `value` at `path` (undefined removes); own properties only. */
export function setLocal(record: unknown, path: readonly PathKey[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [PathKey, ...PathKey[]];
  if (typeof key === 'number') {
    const list = Array.isArray(record) ? [...(record as unknown[])] : [];
    const next = setLocal(list[key], rest, value);
    if (next === undefined && rest.length === 0) list.splice(key, 1);
    else list[key] = next;
    return list;
  }
  const base =
    typeof record === 'string' ? { en: record }
    : record !== null && typeof record === 'object' && !Array.isArray(record) ? record
    : {};
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  Object.assign(out, base);
  const next = setLocal(out[key], rest, value);
  if (next === undefined) delete out[key];
  else out[key] = next;
  return out;
}

export function getLocal(record: unknown, path: readonly PathKey[]): unknown {
  let node = record;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<PathKey, unknown>)[key];
  }
  return node;
}
