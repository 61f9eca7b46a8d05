import { isMap, isScalar, parseDocument, type Node, type Pair } from 'yaml';
import type { JsonPath } from '../model/diagnostic.js';
import { MEMORY_MARK } from './memory-pair.js';

/** The pair `lang: text` of the field at `fieldPath` in a YAML source, if the field is a translations map. */
function translationPair(source: string, fieldPath: JsonPath, lang: string): Pair<unknown, unknown> | undefined {
  const doc = parseDocument(source);
  let node = doc.getIn(fieldPath, true) as Node | undefined;
  if (!isMap(node)) return undefined;
  return node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === lang) as Pair<unknown, unknown> | undefined;
}

const marked = (comment: string | null | undefined): boolean => (comment ?? '').includes(MEMORY_MARK);

/** Whether the field's translation into `lang` carries the memory's mark (on its line or the comment line above). */
export function hasMemoryMark(source: string, fieldPath: JsonPath, lang: string): boolean {
  if (/^\s*[[{]/.test(source)) return false; // JSON has no comments
  const pair = translationPair(source, fieldPath, lang);
  if (!pair) return false;
  const key = pair.key as Node | undefined;
  const value = pair.value as Node | undefined;
  return marked(key?.commentBefore) || marked(value?.commentBefore) || marked(value?.comment) || marked(key?.comment);
}

/**
 * The source without the memory's mark on the field's translation: the comment is taken off the line that holds it
 * (or that line removed when the comment is all it holds), every other character left as it was.
 */
export function removeMemoryMark(source: string, fieldPath: JsonPath, lang: string): string {
  const pair = translationPair(source, fieldPath, lang);
  const key = pair?.key as Node | undefined;
  const value = pair?.value as Node | undefined;
  if (!key?.range || !value?.range) return source;
  const lines = source.split('\n');
  const lineOf = (offset: number) => source.slice(0, offset).split('\n').length - 1;
  const first = lineOf(key.range[0]);
  const last = lineOf(value.range[2]);
  // Comment lines directly above the key, then the key's lines up to the end of its value.
  let from = first;
  while (from > 0 && /^\s*#/.test(lines[from - 1]!)) from--;
  for (let i = Math.min(last, lines.length - 1); i >= from; i--) {
    const line = lines[i]!;
    const at = line.indexOf(`# ${MEMORY_MARK}`) >= 0 ? line.indexOf(`# ${MEMORY_MARK}`) : line.indexOf(`#${MEMORY_MARK}`);
    if (at < 0) continue;
    if (line.slice(0, at).trim() === '') lines.splice(i, 1);
    else lines[i] = line.slice(0, at).trimEnd();
  }
  return lines.join('\n');
}
