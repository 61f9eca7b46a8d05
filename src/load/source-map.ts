import { isMap, isPair, isScalar, isSeq, type Document, type Node, LineCounter } from 'yaml';
import type { JsonPath } from '../model/diagnostic.js';

/**
 * 1-based line and column of a character offset in `text`, for text the YAML parser has not read (or could not):
 * yaml's LineCounter, given the start of every line. (Its parser records line starts only where its tokens end
 * lines, which in a damaged file is not every line feed.)
 */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/**
 * Finds where a JSON path is written in a parsed YAML/JSON document. For a path that is missing (a required
 * field not written), it answers with the nearest parent that exists, so a diagnostic still points somewhere useful.
 */
export class SourceMap {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  /** Position of the value at `path`, or of the key when `key` is true (for unknown or forbidden keys). */
  locate(path: JsonPath, options: { key?: boolean } = {}): { line: number; column: number } | undefined {
    const offset = this.offset(path, options);
    if (offset === undefined) return undefined;
    const pos = this.lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  }

  /** The character offset in the source of what `locate` answers. */
  offset(path: JsonPath, options: { key?: boolean } = {}): number | undefined {
    let node: Node | null | undefined = this.doc.contents;
    let found: Node | null | undefined = node;
    let keyNode: Node | undefined;
    for (const part of path) {
      keyNode = undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
        if (!pair) break;
        keyNode = pair.key as Node;
        node = pair.value as Node | null;
        found = node ?? keyNode;
      } else if (isSeq(node) && typeof part === 'number') {
        const item = node.items[part] as Node | undefined;
        if (!item) break;
        node = item;
        found = item;
      } else {
        break;
      }
    }
    const target = options.key && keyNode ? keyNode : found;
    return target?.range?.[0];
  }
}
