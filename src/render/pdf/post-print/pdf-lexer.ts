/**
 * The PDF token and object syntax (ISO 32000-1 §7.2-7.3), shared by the file reader, the content-stream reader and
 * the ToUnicode CMap reader: one lexer for all three, because they are one syntax.
 */
import { PdfDict, PdfName, PdfNumber, PdfOperator, PdfRef, PdfString, PdfSyntaxError, type PdfObject } from './pdf-objects.js';

export { PdfSyntaxError };

const WHITESPACE = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WHITESPACE[c] = 1;
const DELIMITER = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIMITER[c.charCodeAt(0)] = 1;

const END_ARRAY = Symbol('end-array');
const END_DICT = Symbol('end-dict');
type Token = PdfObject | typeof END_ARRAY | typeof END_DICT;


const REFERENCE = /\s+(\d+)\s+R(?=[\s()<>[\]{}/%]|$)/y;
const HEX_VALUE = new Uint8Array(256).fill(255);
for (let i = 0; i < 16; i++) {
  HEX_VALUE['0123456789abcdef'.charCodeAt(i)] = i;
  HEX_VALUE['0123456789ABCDEF'.charCodeAt(i)] = i;
}
const ESCAPES: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * Reads from the data as a Latin-1 string (one character per byte): V8 keeps such strings one byte wide and slices
 * them without copying, which made this lexer several times faster than reading a Buffer byte by byte.
 */
export class PdfLexer {
  readonly buf: string;
  constructor(
    data: Uint8Array | string,
    public pos = 0,
    /** Read `N G R` as a reference (files); content streams have none. */
    private readonly references = true,
  ) {
    this.buf = typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
  }

  skipWhitespace(): void {
    const { buf } = this;
    while (this.pos < buf.length) {
      const c = buf.charCodeAt(this.pos)!;
      if (WHITESPACE[c]) this.pos++;
      else if (c === 0x25 /* % */) {
        while (this.pos < buf.length && buf.charCodeAt(this.pos) !== 0x0a && buf.charCodeAt(this.pos) !== 0x0d) this.pos++;
      } else break;
    }
  }

  atEnd(): boolean {
    this.skipWhitespace();
    return this.pos >= this.buf.length;
  }

  /** The next complete object (an operator is an object too); throws at the end or on broken syntax. */
  readObject(): PdfObject {
    const token = this.readToken();
    if (token === END_ARRAY || token === END_DICT) throw new PdfSyntaxError(`unexpected ${token === END_ARRAY ? ']' : '>>'} at ${this.pos}`);
    return token;
  }

  private readToken(): Token {
    this.skipWhitespace();
    const { buf } = this;
    if (this.pos >= buf.length) throw new PdfSyntaxError('unexpected end of data');
    const c = buf.charCodeAt(this.pos)!;
    switch (c) {
      case 0x28: // (
        return this.readLiteralString();
      case 0x3c: // <
        if (buf.charCodeAt(this.pos + 1) === 0x3c) {
          this.pos += 2;
          return this.readDict();
        }
        return this.readHexString();
      case 0x3e: // >
        if (buf.charCodeAt(this.pos + 1) === 0x3e) {
          this.pos += 2;
          return END_DICT;
        }
        throw new PdfSyntaxError(`stray '>' at ${this.pos}`);
      case 0x5b: // [
        this.pos++;
        return this.readArray();
      case 0x5d: // ]
        this.pos++;
        return END_ARRAY;
      case 0x2f: // /
        return this.readName();
      case 0x7b: // { } PostScript procedure braces (Type 4 functions, CMaps): kept as operators
      case 0x7d:
        this.pos++;
        return new PdfOperator(String.fromCharCode(c));
      case 0x29:
        throw new PdfSyntaxError(`stray ')' at ${this.pos}`);
    }
    const start = this.pos;
    while (this.pos < buf.length && !WHITESPACE[buf.charCodeAt(this.pos)!] && !DELIMITER[buf.charCodeAt(this.pos)!]) this.pos++;
    const word = buf.slice(start, this.pos);
    if (NUMBER.test(word)) {
      const value = Number(word);
      if (this.references && /^\d+$/.test(word)) {
        const ref = this.tryReference(value);
        if (ref) return ref;
      }
      return Number.isInteger(value) && !word.includes('.') ? value : new PdfNumber(value, word);
    }
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return new PdfOperator(word);
  }

  /** After an integer: `G R` makes it a reference; otherwise the position is left where it was. */
  private tryReference(num: number): PdfRef | undefined {
    REFERENCE.lastIndex = this.pos;
    const m = REFERENCE.exec(this.buf);
    if (!m) return undefined;
    this.pos = REFERENCE.lastIndex;
    return new PdfRef(num, Number(m[1]));
  }

  private readArray(): PdfObject[] {
    const items: PdfObject[] = [];
    for (;;) {
      const token = this.readToken();
      if (token === END_ARRAY) return items;
      if (token === END_DICT) throw new PdfSyntaxError(`'>>' inside an array at ${this.pos}`);
      items.push(token);
    }
  }

  private readDict(): PdfDict {
    const dict = new PdfDict();
    for (;;) {
      const key = this.readToken();
      if (key === END_DICT) return dict;
      if (!(key instanceof PdfName)) throw new PdfSyntaxError(`a dictionary key must be a name at ${this.pos}`);
      const value = this.readToken();
      if (value === END_ARRAY || value === END_DICT) throw new PdfSyntaxError(`a dictionary value is missing at ${this.pos}`);
      dict.set(key.name, value);
    }
  }

  private readName(): PdfName {
    const { buf } = this;
    this.pos++; // '/'
    const start = this.pos;
    while (this.pos < buf.length && !WHITESPACE[buf.charCodeAt(this.pos)] && !DELIMITER[buf.charCodeAt(this.pos)]) this.pos++;
    const raw = buf.slice(start, this.pos);
    return PdfName.of(raw.includes('#') ? raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : raw);
  }

  private readHexString(): PdfString {
    const { buf } = this;
    const end = buf.indexOf('>', this.pos);
    if (end < 0) throw new PdfSyntaxError(`unterminated hex string at ${this.pos}`);
    let digits = 0;
    for (let i = this.pos + 1; i < end; i++) if (HEX_VALUE[buf.charCodeAt(i)]! !== 255) digits++;
    // White space inside hex strings is ignored; an odd final digit is followed by 0 (§7.3.4.3).
    const bytes = new Uint8Array((digits + 1) >> 1);
    let count = 0;
    let high = -1;
    for (let i = this.pos + 1; i < end; i++) {
      const digit = HEX_VALUE[buf.charCodeAt(i)]!;
      if (digit === 255) continue;
      if (high < 0) high = digit;
      else {
        bytes[count++] = (high << 4) | digit;
        high = -1;
      }
    }
    if (high >= 0) bytes[count++] = high << 4;
    this.pos = end + 1;
    return new PdfString(bytes, true);
  }

  private readLiteralString(): PdfString {
    const { buf } = this;
    const out: number[] = [];
    let depth = 0;
    this.pos++; // '('
    while (this.pos < buf.length) {
      const c = buf.charCodeAt(this.pos++)!;
      if (c === 0x5c /* \ */) {
        const n = buf.charCodeAt(this.pos++)!;
        const escaped = ESCAPES[n];
        if (escaped !== undefined) out.push(escaped);
        else if (n >= 0x30 && n <= 0x37) {
          let value = n - 0x30;
          for (let i = 0; i < 2 && buf.charCodeAt(this.pos)! >= 0x30 && buf.charCodeAt(this.pos)! <= 0x37; i++) value = value * 8 + (buf.charCodeAt(this.pos++)! - 0x30);
          out.push(value & 0xff);
        } else if (n === 0x0d) {
          if (buf.charCodeAt(this.pos) === 0x0a) this.pos++;
        } else if (n !== 0x0a) out.push(n);
        continue;
      }
      if (c === 0x28) depth++;
      else if (c === 0x29) {
        if (depth === 0) return new PdfString(Uint8Array.from(out));
        depth--;
      }
      out.push(c);
    }
    throw new PdfSyntaxError('unterminated string');
  }
}
