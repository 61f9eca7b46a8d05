/**
 * Adds one translation to a narrative field of a YAML record by inserting lines, so that every other line (comments,
 * order, the hand wrapping of the English) stays byte for byte as it was: `field: text` becomes `field:` with `en:`
 * (the English source re-indented, not rewritten) and `xx:`; a field that is already `{ en, ... }` gains an `xx:` line.
 * The new value carries a comment on its key's line when one is given (`es: >- # iepkit: from translation memory`).
 *
 * yaml's Document API would rewrite the whole file (it refolds every long line); only ranges are read from it here.
 * The result is parsed again and must read as the record with exactly that value added, or nothing is returned.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, type Node } from 'yaml';
import type { JsonPath } from '../model/diagnostic.js';

/** Lines a little longer than the examples' hand wrapping, as the editor writes them. */
const LINE_WIDTH = 100;

export function addTranslation(source: string, fieldPath: JsonPath, lang: string, text: string, comment?: string): string | undefined {
  const doc = parseDocument(source);
  if (doc.errors.length > 0) return undefined;
  let parent: Node | null = doc.contents as Node | null;
  for (const key of fieldPath.slice(0, -1)) parent = childOf(parent, key) ?? null;
  const last = fieldPath[fieldPath.length - 1];
  if (last === undefined || !(isMap(parent) || isSeq(parent)) || parent.flow) return undefined;
  const field = childOf(parent, last);
  let edited: string | undefined;
  if (isMap(field) && !field.flow && field.items.length > 0) edited = addToMap(source, field, lang, text, comment);
  else if (isScalar(field) && typeof field.value === 'string') edited = scalarToMap(source, parent, field, lang, text, comment);
  if (edited === undefined) return undefined;
  // The edit must read back as the same record with the one value added.
  const expected = doc.toJS() as unknown;
  setIn(expected, fieldPath, lang, field && isScalar(field) ? (field.value as string) : undefined, text);
  const check = parseDocument(edited);
  return check.errors.length === 0 && JSON.stringify(check.toJS()) === JSON.stringify(expected) ? edited : undefined;
}

function childOf(node: Node | null | undefined, key: string | number): Node | undefined {
  if (isMap(node)) return node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(key))?.value as Node | undefined;
  if (isSeq(node) && typeof key === 'number') return node.items[key] as Node | undefined;
  return undefined;
}

/** `{ en: ..., fr: ... }` written as a block mapping: a line `xx: ...` after its last entry, at the keys' indent. */
function addToMap(source: string, map: YAMLMap, lang: string, text: string, comment?: string): string | undefined {
  const firstKey = map.items[0]!.key as Node;
  const lastValue = map.items[map.items.length - 1]!.value as Node | null;
  if (!firstKey.range || !lastValue?.range) return undefined;
  const indent = firstKey.range[0] - lineStart(source, firstKey.range[0]);
  const at = endOfLine(source, lastValue.range[1]);
  const lines = pairLines(lang, text, indent, comment);
  const before = source.slice(0, at);
  return `${before}${before.endsWith('\n') ? '' : '\n'}${lines}${source.slice(at)}`;
}

/**
 * `key: text` (or `- text` in a list) becomes `key:` / `- ` with `en: text` and `xx: ...` under it. The English
 * source keeps its lines; its continuation lines move two columns right, as the mapping around it does.
 */
function scalarToMap(source: string, parent: Node, field: Scalar, lang: string, text: string, comment?: string): string | undefined {
  if (!field.range) return undefined;
  const [start, end] = field.range;
  const raw = source.slice(start, end);
  // An explicit indentation indicator (`>2`) counts from the parent's indent, which this edit changes.
  if (/^[|>][-+]?\d|^[|>]\d/.test(raw)) return undefined;
  const inList = isSeq(parent);
  // The column the new keys start at: under a key, two more than the key's (which may follow a list's dash); in a
  // list, where the text starts.
  const key = isMap(parent) ? (parent.items.find((pair) => pair.value === field)?.key as Node | undefined) : undefined;
  if (!inList && !key?.range) return undefined;
  const keyColumn = inList ? start - lineStart(source, start) : key!.range![0] - lineStart(source, key!.range![0]) + 2;
  // A block scalar's range ends after its line feed; the line feed is written once, below.
  const english = raw.replace(/\n$/, '').replace(/\n(?=[^\n])/g, '\n  ');
  const head = inList ? 'en: ' : `\n${' '.repeat(keyColumn)}en: `;
  const englishEnd = endOfLine(source, end);
  // A comment after the English on its last line stays there.
  const rest = source.slice(end, englishEnd).replace(/\n$/, '');
  const lines = pairLines(lang, text, keyColumn, comment);
  const before = inList ? source.slice(0, start) : source.slice(0, start).replace(/[ \t]+$/, '');
  return `${before}${head}${english}${rest}\n${lines}${source.slice(englishEnd)}`;
}

/** `xx: text` at `indent`, as yaml writes it: one line when it fits, else a folded block (`>-`) with the comment on the key's line. */
function pairLines(lang: string, text: string, indent: number, comment?: string): string {
  const write = (type: Scalar.Type | undefined) => {
    const value = new Scalar(text);
    if (type) value.type = type;
    if (comment) value.comment = ` ${comment}`;
    const doc = new Document();
    const map = new YAMLMap(doc.schema);
    map.items.push(doc.createPair(lang, null));
    map.items[0]!.value = value;
    doc.contents = map as never;
    return doc.toString({ lineWidth: Math.max(40, LINE_WIDTH - indent) });
  };
  let out = write(undefined);
  if (out.trimEnd().includes('\n') || indent + out.trimEnd().length > LINE_WIDTH) out = write(Scalar.BLOCK_FOLDED);
  return out
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => (line ? ' '.repeat(indent) + line : line))
    .join('\n')
    .concat('\n');
}

function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset after the line feed that ends the line `offset` is on (or the end of the text). */
function endOfLine(source: string, offset: number): number {
  if (offset > 0 && source[offset - 1] === '\n') return offset;
  const feed = source.indexOf('\n', offset);
  return feed === -1 ? source.length : feed + 1;
}

/** The expected record: `{ en, ..., [lang]: text }` at the path (a plain string becomes `{ en, [lang] }`). */
function setIn(root: unknown, path: JsonPath, lang: string, english: string | undefined, text: string): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  node[key] = english !== undefined ? { en: english, [lang]: text } : { ...(node[key] as object), [lang]: text };
}
