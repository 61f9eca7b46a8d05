/**
 * Where a lint finding is written: the line and column of a field (from the loader's source map) and, when the field
 * is a single-line scalar whose source text is exactly its value, the column of the word inside it.
 */
import type { JsonPath } from '../model/diagnostic.js';
import type { SourceMap } from '../load/source-map.js';

export interface Position {
  line?: number;
  column?: number;
}

export class Locator {
  constructor(
    private readonly sourceMap?: SourceMap,
    /** The file's text, as loaded; needed only for word positions. */
    private readonly source?: string,
  ) {}

  /** The line and column of the field's value, or nothing when there is no source map. */
  field(path: JsonPath): Position {
    return this.sourceMap?.locate(path) ?? {};
  }

  /**
   * The position of the character at `index` in the field's text. Exact when the value is written on one line as a
   * plain, single-quoted or double-quoted scalar whose source characters are the value itself (no escapes, no
   * folding): that is checked against the source, character by character. Otherwise the field's position.
   */
  at(path: JsonPath, text: string, index: number): Position {
    const pos = this.field(path);
    const offset = this.sourceMap?.offset(path);
    if (!this.source || pos.line === undefined || pos.column === undefined || offset === undefined || /[\r\n]/.test(text)) return pos;
    const src = this.source;
    if (src.startsWith(text, offset)) return { line: pos.line, column: pos.column + index };
    const quote = src[offset];
    if ((quote === '"' || quote === "'") && src.startsWith(text, offset + 1) && src[offset + 1 + text.length] === quote) {
      return { line: pos.line, column: pos.column + 1 + index };
    }
    return pos;
  }
}
