/**
 * One edit of the record (a path and its new value, or undefined to remove it) applied to the record's text, which
 * stays the single source of truth in the browser; `iep i18n import` writes translations into IEP files with it too
 * (hence here, in the model, which both the app and src/translate may import). YAML goes through the `yaml` Document API so comments, key order
 * and the styles of untouched nodes survive; JSON text stays JSON (parsed, changed, written back with its indent).
 */
import { isMap, isScalar, isSeq, parseDocument, Scalar, visit, YAMLMap, YAMLSeq, type Document, type Node } from 'yaml';
import { isTextSchema, propertyOrder, schemaAt, type JSONSchema } from './json-schema.js';
import { formatJsonPath as formatPath } from './diagnostic.js';
import { matchLines } from './match-lines.js';

/** A key or list index in a path through the record. */
export type PathKey = string | number;

export interface ApplyEditOptions {
  /** The IEP JSON Schema: new keys are written in its order instead of at the end. */
  schema?: JSONSchema;
}

/** A refusal the caller can show as is: a message for people, and where in the text when known. */
export class ApplyEditError extends Error {
  override name = 'ApplyEditError';
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

export type ApplyEditResult = { ok: true; text: string } | { ok: false; message: string; line?: number; column?: number };

/** applyEdit without exceptions, for callers that show the message. */
export function tryApplyEdit(
  text: string,
  path: PathKey[],
  value: unknown,
  options: ApplyEditOptions = {},
): ApplyEditResult {
  try {
    return { ok: true, text: applyEdit(text, path, value, options) };
  } catch (error) {
    if (error instanceof ApplyEditError) {
      return { ok: false, message: error.message, ...(error.line ? { line: error.line, column: error.column } : {}) };
    }
    return { ok: false, message: 'The change could not be applied to the text.' };
  }
}

/**
 * Returns the text with the value at `path` set (or removed when `value` is undefined). Throws ApplyEditError
 * (message for people) for text that does not parse, a path the record's shape cannot take, or a forbidden key.
 */
export function applyEdit(text: string, path: PathKey[], value: unknown, options: ApplyEditOptions = {}): string {
  checkPath(path);
  if (value !== undefined) checkValue(value, path);
  return /^\s*[[{]/.test(text) ? applyToJson(text, path, value, options.schema) : applyToYaml(text, path, value, options.schema);
}

// Keys that would reach Object.prototype when the record is turned into objects: never written.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// A narrative field's translation keys (en, es, zh-Hans, ...): what lets a plain string become { en, xx }.
const LANGUAGE_KEY = /^[a-z]{2,3}(-[A-Za-z]{2,8})?$/;

/** Whether the string at `at` may become `{ en, [key] }`: a narrative field by the schema, or by the key without one. */
function isTranslation(schema: JSONSchema | undefined, at: PathKey[], key: PathKey): boolean {
  if (typeof key !== 'string' || !LANGUAGE_KEY.test(key)) return false;
  const node = schema && schemaAt(schema, at);
  return schema ? node !== undefined && isTextSchema(node) : true;
}

function checkPath(path: PathKey[]): void {
  path.forEach((key, i) => {
    if (typeof key === 'number' ? !Number.isSafeInteger(key) || key < 0 : FORBIDDEN_KEYS.has(key)) {
      throw new ApplyEditError(`Refused: "${String(key)}" cannot be a key or index in the record (at ${formatPath(path.slice(0, i)) || 'the top'}).`);
    }
  });
}

function checkValue(value: unknown, path: PathKey[]): void {
  if (value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) throw new ApplyEditError(`Refused: "${key}" cannot be a key in the record (under ${formatPath(path) || 'the top'}).`);
    checkValue((value as Record<string, unknown>)[key], [...path, key]);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// YAML

/**
 * The Document of the text the last call returned (the parse that checked it), so the next edit of that text, the
 * usual case while someone types, does not parse it again. Taken out while in use: an edit that fails half-way
 * leaves no half-changed Document behind.
 */
let lastResult: { text: string; doc: Document } | undefined;

function applyToYaml(text: string, path: PathKey[], value: unknown, schema: JSONSchema | undefined): string {
  const cached = lastResult?.text === text ? lastResult.doc : undefined;
  lastResult = undefined;
  const doc = cached ?? parseDocument(text);
  const error = doc.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    const what = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ApplyEditError(
      at ? `The YAML text has an error at line ${at.line}, column ${at.col}: ${what}` : `The YAML text has an error: ${what}`,
      at?.line,
      at?.col,
    );
  }
  const before = doc.toString(WRITE);
  const edit = new YamlEdit(doc, schema);
  if (value === undefined) edit.remove(path);
  else edit.set(path, value);
  const after = doc.toString(WRITE);
  // The Document writes every node anew (hand-wrapped text refolded, spacing normalised): only the lines the edit
  // changed are taken from it, the others stay as the person wrote them. Checked: should the merge ever not read back
  // as the edited record, the whole rewritten text is used instead.
  const merged = keepUntouchedLines(text, before, after);
  if (merged !== after) {
    const check = parseDocument(merged);
    if (check.errors.length === 0 && deepEqual(check.toJS(), doc.toJS())) {
      lastResult = { text: merged, doc: check };
      return merged;
    }
  }
  lastResult = { text: after, doc: parseDocument(after) };
  return after;
}

// Lines a little longer than the examples' hand wrapping; new text is folded there.
const WRITE = { lineWidth: 100 } as const;

/**
 * `original` with the lines that differ between `before` (the original as the Document writes it) and `after` (the
 * edited record as it writes it) replaced: a three-way merge on lines, where a stretch the edit did not touch keeps
 * the original's lines and a stretch it touched takes the new ones.
 */
function keepUntouchedLines(original: string, before: string, after: string): string {
  const o = original.split('\n');
  const b = before.split('\n');
  const a = after.split('\n');
  const toOriginal = matchLines(b, o);
  const toAfter = matchLines(b, a);
  const out: string[] = [];
  let chunk = 0;
  let oi = 0;
  let ai = 0;
  for (let i = 0; i <= b.length; i++) {
    const end = i === b.length;
    if (!end && (toOriginal[i]! < 0 || toAfter[i]! < 0)) continue;
    const oEnd = end ? o.length : toOriginal[i]!;
    const aEnd = end ? a.length : toAfter[i]!;
    out.push(...mergeChunk(o, b, a, toOriginal, [oi, oEnd], [chunk, i], [ai, aEnd]));
    if (!end) out.push(o[oEnd]!);
    chunk = i + 1;
    oi = oEnd + 1;
    ai = aEnd + 1;
  }
  return out.join('\n');
}

/**
 * One stretch between lines all three texts share. Untouched: the original's lines. Touched: the new lines, but the
 * head and tail the edit left alone keep the original's lines when they end on a line the original shares (so editing
 * one field does not rewrap the hand-wrapped text just above it).
 */
function mergeChunk(
  o: string[],
  b: string[],
  a: string[],
  toOriginal: Int32Array,
  [oStart, oEnd]: [number, number],
  [bStart, bEnd]: [number, number],
  [aStart, aEnd]: [number, number],
): string[] {
  let head = 0;
  while (bStart + head < bEnd && aStart + head < aEnd && b[bStart + head] === a[aStart + head]) head++;
  if (head === bEnd - bStart && head === aEnd - aStart) return o.slice(oStart, oEnd);
  let tail = 0;
  while (tail < bEnd - bStart - head && tail < aEnd - aStart - head && b[bEnd - 1 - tail] === a[aEnd - 1 - tail]) tail++;
  // Where the untouched head ends and the untouched tail starts in the original: at a line the original shares.
  const headEnd =
    head === 0 ? oStart
    : head === bEnd - bStart ? oEnd
    : toOriginal[bStart + head - 1]! >= 0 ? toOriginal[bStart + head - 1]! + 1
    : toOriginal[bStart + head]! >= 0 ? toOriginal[bStart + head]!
    : undefined;
  const tailStart =
    tail === 0 ? oEnd
    : tail === bEnd - bStart ? oStart
    : toOriginal[bEnd - tail]! >= 0 ? toOriginal[bEnd - tail]!
    : toOriginal[bEnd - tail - 1]! >= 0 ? toOriginal[bEnd - tail - 1]! + 1
    : undefined;
  if (headEnd === undefined || tailStart === undefined || headEnd > tailStart) return a.slice(aStart, aEnd);
  return [...o.slice(oStart, headEnd), ...a.slice(aStart + head, aEnd - tail), ...o.slice(tailStart, oEnd)];
}

class YamlEdit {
  constructor(
    private readonly doc: Document,
    private readonly schema: JSONSchema | undefined,
  ) {}

  set(path: PathKey[], value: unknown): void {
    if (path.length === 0) {
      this.doc.contents = this.reconcile(this.doc.contents as Node | null, value, []) as never;
      return;
    }
    if (!isMap(this.doc.contents) && !isSeq(this.doc.contents)) {
      if (this.doc.contents && !isEmptyScalar(this.doc.contents)) throw this.notCollection([]);
      this.doc.contents = this.newCollection(path[0]!) as never;
    }
    let node: YAMLMap | YAMLSeq = this.doc.contents as YAMLMap | YAMLSeq;
    for (let i = 0; i < path.length; i++) {
      const key = path[i]!;
      const here = path.slice(0, i + 1);
      const last = i === path.length - 1;
      const current = this.child(node, key, path.slice(0, i));
      if (last) {
        this.put(node, key, this.reconcile(current, value, here), path.slice(0, i));
        return;
      }
      const next = path[i + 1]!;
      if (isMap(current) || isSeq(current)) {
        node = current;
      } else if (isScalar(current) && typeof current.value === 'string' && isTranslation(this.schema, here, next)) {
        // A narrative field given its first translation: "text" becomes { en: "text", xx: ... }, the English node kept.
        const map = new YAMLMap(this.doc.schema);
        map.items.push(this.doc.createPair('en', null));
        map.items[0]!.value = current;
        this.put(node, key, map, path.slice(0, i));
        node = map;
      } else if (current === undefined || isEmptyScalar(current)) {
        const created = this.newCollection(next);
        this.put(node, key, created, path.slice(0, i));
        node = created;
      } else {
        throw this.notCollection(here);
      }
    }
  }

  remove(path: PathKey[]): void {
    if (path.length === 0) {
      this.doc.contents = null;
      return;
    }
    let parent: YAMLMap | YAMLSeq | undefined;
    let node: Node | null | undefined = this.doc.contents as Node | null;
    for (const key of path.slice(0, -1)) {
      if (!isMap(node) && !isSeq(node)) return;
      parent = node;
      node = this.child(node, key, []);
    }
    const key = path[path.length - 1]!;
    if (isSeq(node) && typeof key === 'number') node.items.splice(key, 1);
    else if (isMap(node) && typeof key === 'string') {
      node.delete(key);
      // The last translation removed from a narrative field: back to the plain English string it was.
      const only = node.items.length === 1 ? node.items[0]! : undefined;
      const at = path.slice(0, -1);
      if (parent && only && keyOf(only.key) === 'en' && isScalar(only.value) && isTranslation(this.schema, at, key)) {
        this.put(parent, at[at.length - 1]!, only.value, at.slice(0, -1));
      }
    }
  }

  private child(node: YAMLMap | YAMLSeq, key: PathKey, at: PathKey[]): Node | undefined {
    if (isSeq(node)) {
      if (typeof key !== 'number') throw new ApplyEditError(`${describe(at)} is a list: "${key}" is not a position in it.`);
      return node.items[key] as Node | undefined;
    }
    if (typeof key === 'number') throw new ApplyEditError(`${describe(at)} is not a list: it has no item ${key + 1}.`);
    return node.items.find((pair) => keyOf(pair.key) === key)?.value as Node | undefined;
  }

  private put(node: YAMLMap | YAMLSeq, key: PathKey, value: Node, at: PathKey[]): void {
    if (node.flow && node.items.length === 0) node.flow = false; // `{}` or `[]` being filled in: block style
    if (isSeq(node)) {
      const index = key as number;
      if (index > node.items.length) throw new ApplyEditError(`${describe(at)} has ${node.items.length} items: there is no item ${index + 1} to set.`);
      node.items[index] = value;
      return;
    }
    const existing = node.items.find((pair) => keyOf(pair.key) === key);
    if (existing) {
      existing.value = value;
      return;
    }
    const pair = this.doc.createPair(key, null);
    pair.value = value;
    const order = propertyOrder(this.schema && schemaAt(this.schema, at));
    const rank = order.indexOf(key as string);
    const before = rank < 0 ? -1 : node.items.findIndex((p) => order.indexOf(keyOf(p.key) as string) > rank);
    if (before < 0) node.items.push(pair);
    else node.items.splice(before, 0, pair);
  }

  /** The node for `value`, reusing `old` and its parts where they already hold the same thing (comments, styles). */
  private reconcile(old: Node | null | undefined, value: unknown, at: PathKey[]): Node {
    if (Array.isArray(value)) {
      if (!isSeq(old)) return this.newNode(value);
      const oldItems = old.items as Node[];
      const used = new Set<number>();
      const items: (Node | undefined)[] = value.map((item, i) => {
        const same = [i, ...oldItems.keys()].find((j) => !used.has(j) && j < oldItems.length && deepEqual(toJs(oldItems[j]), item));
        if (same === undefined) return undefined;
        used.add(same);
        return oldItems[same];
      });
      old.items = items.map((node, i) => {
        if (node) return node;
        const sameIndex = i < oldItems.length && !used.has(i) ? oldItems[i] : undefined;
        if (sameIndex) used.add(i);
        return this.reconcile(sameIndex, value[i], [...at, i]);
      });
      if (old.flow && oldItems.length === 0) old.flow = false;
      // A comment above the first item is the list's own: it belongs to that item, so it moves with it.
      if (old.commentBefore && oldItems[0] && old.items[0] !== oldItems[0]) {
        const first = oldItems[0] as Node;
        first.commentBefore = first.commentBefore ? `${old.commentBefore}\n${first.commentBefore}` : old.commentBefore;
        old.commentBefore = undefined;
      }
      return old;
    }
    if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>);
      let map: YAMLMap;
      if (isMap(old)) map = old;
      else if (isScalar(old) && typeof old.value === 'string' && (value as Record<string, unknown>).en === old.value) {
        map = new YAMLMap(this.doc.schema);
        map.items.push(this.doc.createPair('en', null));
        map.items[0]!.value = old;
      } else return this.newNode(value);
      map.items = map.items.filter((pair) => Object.hasOwn(value, keyOf(pair.key) as string));
      for (const [key, item] of entries) {
        const existing = map.items.find((pair) => keyOf(pair.key) === key);
        this.put(map, key, this.reconcile(existing?.value as Node | undefined, item, [...at, key]), at);
      }
      return map;
    }
    if (isScalar(old) && typeof old.value === typeof value && old.tag === undefined) {
      old.value = value; // keeps the quoting style and comments of the old scalar
      return old;
    }
    return this.newNode(value);
  }

  /** A new node; dates quoted like the examples' (other YAML tools read a bare 2026-05-01 as a timestamp). */
  private newNode(value: unknown): Node {
    const node = this.doc.createNode(value) as Node;
    visit(node, {
      Scalar(_, scalar) {
        if (typeof scalar.value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(scalar.value)) scalar.type = Scalar.QUOTE_DOUBLE;
      },
    });
    return node;
  }

  private newCollection(nextKey: PathKey): YAMLMap | YAMLSeq {
    return typeof nextKey === 'number' ? new YAMLSeq(this.doc.schema) : new YAMLMap(this.doc.schema);
  }

  private notCollection(at: PathKey[]): ApplyEditError {
    return new ApplyEditError(notCollection(at));
  }
}

const keyOf = (key: unknown): unknown => (isScalar(key) ? key.value : key);
const isEmptyScalar = (node: unknown): boolean => isScalar(node) && (node.value === null || node.value === undefined);
const toJs = (node: Node | undefined): unknown => (node && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : node);
const describe = (at: PathKey[]): string => (at.length ? `"${formatPath(at)}"` : 'The record');
const notCollection = (at: PathKey[]): string =>
  `${describe(at)} holds a single value, not a group of fields or a list: change it in the source first.`;

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

// ---------------------------------------------------------------------------------------------------------------
// JSON

function applyToJson(text: string, path: PathKey[], value: unknown, schema: JSONSchema | undefined): string {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : '';
    throw new ApplyEditError(`The JSON text has an error${detail ? `: ${detail}` : ''}.`);
  }
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? (text.includes('\n') ? '  ' : '');
  const changed = setJs(root, path, value, schema, []);
  const out = changed === undefined ? '' : JSON.stringify(changed, null, indent);
  return text.endsWith('\n') ? `${out}\n` : out;
}

/** The new value of `node` with `value` at `path` (undefined removes). Objects are rebuilt to keep schema order. */
function setJs(node: unknown, path: PathKey[], value: unknown, schema: JSONSchema | undefined, at: PathKey[]): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [PathKey, ...PathKey[]];
  if (typeof key === 'number') {
    if (node === undefined || node === null) node = [];
    if (!Array.isArray(node)) throw new ApplyEditError(`${describe(at)} is not a list: it has no item ${key + 1}.`);
    if (key > node.length) throw new ApplyEditError(`${describe(at)} has ${node.length} items: there is no item ${key + 1} to set.`);
    const list = [...node];
    const next = setJs(list[key], rest, value, schema, [...at, key]);
    if (next === undefined && rest.length === 0) list.splice(key, 1);
    else list[key] = next;
    return list;
  }
  if (typeof node === 'string' && isTranslation(schema, at, key)) node = { en: node };
  if (node === undefined || node === null) node = {};
  if (typeof node !== 'object' || Array.isArray(node)) {
    throw new ApplyEditError(Array.isArray(node) ? `${describe(at)} is a list: "${key}" is not a position in it.` : notCollection(at));
  }
  const object = node as Record<string, unknown>;
  const next = setJs(object[key], rest, value, schema, [...at, key]);
  const keys = Object.keys(object).filter((k) => k !== key || next !== undefined);
  if (next === undefined && keys.length === 1 && keys[0] === 'en' && isTranslation(schema, at, key)) return object.en;
  // No prototype: a "__proto__" key already in the file stays a plain key when copied.
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const order = propertyOrder(schema && schemaAt(schema, at));
  const rank = order.indexOf(key);
  let placed = Object.hasOwn(object, key);
  for (const k of Object.keys(object)) {
    if (!placed && rank >= 0 && order.indexOf(k) > rank) {
      if (next !== undefined) out[key] = next;
      placed = true;
    }
    if (k === key) {
      if (next !== undefined) out[k] = next;
    } else out[k] = object[k];
  }
  if (!placed && next !== undefined) out[key] = next;
  return out;
}
