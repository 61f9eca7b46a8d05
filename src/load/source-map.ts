import { isMap, isPair, isScalar, isSeq, Scalar, type Document, type Node, LineCounter } from 'yaml';
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
    /** The parsed text; needed only to locate characters inside a value (locateCharacters). */
    private readonly source?: string,
  ) {}

  /** Position of the value at `path`, or of the key when `key` is true (for unknown or forbidden keys). */
  locate(path: JsonPath, options: { key?: boolean } = {}): { line: number; column: number } | undefined {
    const offset = this.offset(path, options);
    if (offset === undefined) return undefined;
    const pos = this.lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  }

  /**
   * Where the characters of the scalar at `path` that `wanted` picks are written, in order: a character written as
   * itself, or as an escape in a double-quoted (or JSON) string (`\x01`, `\u202E`, `\e`), is found at its first
   * source character. Empty when the value is not a scalar or there is no source text.
   */
  locateCharacters(path: JsonPath, wanted: (codePoint: number) => boolean): { line: number; column: number }[] {
    const node = this.node(path);
    if (!this.source || !isScalar(node) || !node.range) return [];
    const raw = this.source.slice(node.range[0], node.range[1]);
    return writtenCharacters(raw, node.type === Scalar.QUOTE_DOUBLE)
      .filter((c) => wanted(c.codePoint))
      .map((c) => {
        const pos = this.lines.linePos(node.range![0] + c.offset);
        return { line: pos.line, column: pos.col };
      });
  }

  /**
   * The scalar at `path` exactly as written in the file (`012345`, `"yes"`, `05/14/2026`), so a message can say
   * what to type instead of what the parser made of it (012345 is the number 12345). Undefined for a list or mapping.
   */
  written(path: JsonPath): string | undefined {
    const node = this.node(path);
    if (!this.source || !isScalar(node) || !node.range) return undefined;
    return this.source.slice(node.range[0], node.range[1]);
  }

  private node(path: JsonPath): Node | null | undefined {
    let node: Node | null | undefined = this.doc.contents;
    for (const part of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
        node = pair?.value as Node | null | undefined;
      } else if (isSeq(node) && typeof part === 'number') node = node.items[part] as Node | undefined;
      else return undefined;
    }
    return node;
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

/** YAML's one-letter escapes in double-quoted strings (JSON's are a subset), as code points. */
const ESCAPES: Record<string, number> = { '0': 0, a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, e: 27, N: 0x85, _: 0xa0, L: 0x2028, P: 0x2029 };
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };
const LOW_SURROGATE = /\\u(d[c-f][0-9a-f]{2})/iy;

/**
 * The characters a scalar's source text writes, each with the offset of its first source character: escapes decoded
 * in double-quoted strings (a JSON surrogate pair `\uD83D\uDE00` is one character), other characters as they are.
 */
function writtenCharacters(raw: string, doubleQuoted: boolean): { offset: number; codePoint: number }[] {
  const out: { offset: number; codePoint: number }[] = [];
  for (let i = 0; i < raw.length; ) {
    const start = i;
    let codePoint = raw.codePointAt(i)!;
    if (doubleQuoted && raw[i] === '\\' && i + 1 < raw.length) {
      const letter = raw[i + 1]!;
      const digits = HEX_DIGITS[letter];
      if (digits !== undefined) {
        codePoint = Number.parseInt(raw.slice(i + 2, i + 2 + digits), 16);
        i += 2 + digits;
        LOW_SURROGATE.lastIndex = i;
        const low = LOW_SURROGATE.exec(raw);
        if (codePoint >= 0xd800 && codePoint <= 0xdbff && low) {
          codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (Number.parseInt(low[1]!, 16) - 0xdc00);
          i += 6;
        }
      } else {
        codePoint = ESCAPES[letter] ?? letter.codePointAt(0)!;
        i += 2;
      }
    } else i += codePoint > 0xffff ? 2 : 1;
    out.push({ offset: start, codePoint });
  }
  return out;
}
