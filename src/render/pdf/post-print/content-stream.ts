/**
 * A page content stream (ISO 32000-1 §7.8.2) as a list of operations, each with the byte range it occupies, so a
 * caller can insert marked-content operators between operations and leave every other byte as it was.
 */
import { PdfLexer } from './pdf-lexer.js';
import { PdfOperator, PdfString, type PdfObject } from './pdf-objects.js';

export interface ContentOperation {
  operator: string;
  operands: PdfObject[];
  /** Byte offset of the first operand (or of the operator when it has none). */
  start: number;
  /** Byte offset just after the operator (after the image data for an inline image). */
  end: number;
}

/**
 * Reads a content stream one operation at a time: `next()` moves to the next operation and the fields describe it.
 * The operand list is reused for every operation (copy what must outlive the step): a page holds tens of thousands
 * of operations (Chromium writes a Td and a Tj per glyph, about 300,000 in a 20-page Urdu IEP), and an object per
 * operation kept until the page was done cost more in garbage collection than reading them.
 */
export class ContentReader implements ContentOperation {
  operator = '';
  operands: PdfObject[] = [];
  start = 0;
  end = 0;
  private readonly lexer: PdfLexer;
  /** The bytes, scanned directly for the common tokens (faster than the string); the lexer reads the rest. */
  private readonly bytes: Uint8Array;
  /** Short hex strings by their digits (hexKey): a page shows the same few hundred glyph codes over and over. */
  private readonly hexStrings = new Map<number, PdfString>();

  constructor(data: Uint8Array) {
    this.lexer = new PdfLexer(data, 0, false);
    this.bytes = data;
  }

  next(): boolean {
    const { lexer, bytes: src } = this;
    const length = src.length;
    // A fresh list: emptying the old one (length = 0) cost more than making one.
    const operands: PdfObject[] = (this.operands = []);
    let pos = lexer.pos;
    let start = -1;
    // A hand-rolled loop for the common tokens (numbers, operators, hex strings: most of a page), the lexer for the rest.
    for (;;) {
      let c = 0;
      while (pos < length) {
        c = src[pos]!;
        if (WHITESPACE[c]) pos++;
        else if (c === 0x25 /* % */) {
          while (pos < length && src[pos] !== 0x0a && src[pos] !== 0x0d) pos++;
        } else break;
      }
      if (pos >= length) {
        lexer.pos = pos;
        return false;
      }
      const at = pos;
      if (start < 0) start = at;
      if (!STARTS_OBJECT[c]) {
        let end = at;
        while (end < length && !ENDS_WORD[src[end]!]) end++;
        if (end === at) {
          operands.push(this.readObject(at)); // a stray delimiter: the lexer says where
          pos = lexer.pos;
          continue;
        }
        pos = end;
        if (STARTS_NUMBER[c]) {
          operands.push(parseNumber(src, at, end, lexer.buf));
          continue;
        }
        const name = operatorName(src, at, end, lexer.buf);
        if (name === 'true' || name === 'false' || name === 'null') {
          operands.push(name === 'null' ? null : name === 'true');
          continue;
        }
        lexer.pos = pos;
        if (name === 'BI') {
          // An inline image: its dictionary, then ID, one white-space byte, binary data, EI.
          operands.length = 0;
          for (;;) {
            const item = lexer.readObject();
            if (item instanceof PdfOperator && item.name === 'ID') break;
            operands.push(item);
          }
          lexer.pos = findInlineImageEnd(lexer.buf, lexer.pos + 1);
          end = lexer.pos;
        }
        this.operator = name;
        this.start = start;
        this.end = end;
        return true;
      }
      if (c === 0x3c /* < */ && src[at + 1] !== 0x3c) {
        const key = hexKey(src, at + 1);
        let value = key < 0 ? undefined : this.hexStrings.get(key);
        if (!value) {
          value = this.readObject(at) as PdfString;
          if (key >= 0) this.hexStrings.set(key, value);
        }
        operands.push(value);
        pos = key < 0 ? lexer.pos : src.indexOf(0x3e, at) + 1;
        continue;
      }
      operands.push(this.readObject(at));
      pos = lexer.pos;
    }
  }

  private readObject(at: number): PdfObject {
    this.lexer.pos = at;
    return this.lexer.readObject();
  }
}

/** Every operation of a content stream, each with its own operands. */
export function parseContentStream(data: Uint8Array): ContentOperation[] {
  const reader = new ContentReader(data);
  const operations: ContentOperation[] = [];
  while (reader.next()) operations.push({ operator: reader.operator, operands: [...reader.operands], start: reader.start, end: reader.end });
  return operations;
}

/**
 * The operations of a content stream as parallel lists, as the artifact marking needs them after the page was read:
 * every operator and byte range, the operands of the marked-content operators (BDC, BMC) only.
 */
export class ContentOperations {
  readonly operators: string[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** Operands of BDC and BMC, by operation index. */
  readonly marked = new Map<number, PdfObject[]>();

  get length(): number {
    return this.operators.length;
  }

  add(op: ContentOperation): void {
    if (op.operator === 'BDC' || op.operator === 'BMC') this.marked.set(this.operators.length, [...op.operands]);
    this.operators.push(op.operator);
    this.starts.push(op.start);
    this.ends.push(op.end);
  }

  static of(data: Uint8Array): ContentOperations {
    const reader = new ContentReader(data);
    const operations = new ContentOperations();
    while (reader.next()) operations.add(reader);
    return operations;
  }
}

const WHITESPACE = new Uint8Array(256);
for (const ch of '\x00\t\n\f\r ') WHITESPACE[ch.charCodeAt(0)] = 1;
const STARTS_OBJECT = new Uint8Array(256);
for (const ch of '(<[/{}') STARTS_OBJECT[ch.charCodeAt(0)] = 1;
const STARTS_NUMBER = new Uint8Array(256);
for (const ch of '+-.0123456789') STARTS_NUMBER[ch.charCodeAt(0)] = 1;
const ENDS_WORD = new Uint8Array(256);
for (const ch of '\x00\t\n\f\r ()<>[]{}/%') ENDS_WORD[ch.charCodeAt(0)] = 1;

/** The operators of ISO 32000-1 Annex A, by their character codes, so a common operator costs no new string. */
const OPERATORS = new Map<number, string>();
for (const name of ['b', 'B', 'b*', 'B*', 'BDC', 'BI', 'BMC', 'BT', 'BX', 'c', 'cm', 'CS', 'cs', 'd', 'd0', 'd1', 'Do', 'DP', 'EI', 'EMC', 'ET', 'EX', 'f', 'F', 'f*', 'G', 'g', 'gs', 'h', 'i', 'ID', 'j', 'J', 'K', 'k', 'l', 'm', 'M', 'MP', 'n', 'q', 'Q', 're', 'RG', 'rg', 'ri', 's', 'S', 'SC', 'sc', 'SCN', 'scn', 'sh', 'T*', 'Tc', 'Td', 'TD', 'Tf', 'Tj', 'TJ', 'TL', 'Tm', 'Tr', 'Ts', 'Tw', 'Tz', 'v', 'w', 'W', 'W*', 'y', "'", '"', 'true', 'false', 'null']) {
  OPERATORS.set(operatorKey(Buffer.from(name, 'latin1'), 0, name.length), name);
}

function operatorKey(src: Uint8Array, start: number, end: number): number {
  let key = 0;
  for (let i = start; i < end; i++) key = key * 256 + src[i]!;
  return key;
}

function operatorName(bytes: Uint8Array, start: number, end: number, text: string): string {
  return (end - start <= 5 && OPERATORS.get(operatorKey(bytes, start, end))) || text.slice(start, end);
}

const HEX_DIGIT = new Int8Array(256).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX_DIGIT['0123456789abcdef'.charCodeAt(i)] = i;
  HEX_DIGIT['0123456789ABCDEF'.charCodeAt(i)] = i;
}

/**
 * A hex string of 1 to 6 digits and nothing else (Chromium's glyph codes: <0006>) as one small integer, its value
 * and its number of digits; -1 for any other (the lexer reads those).
 */
function hexKey(bytes: Uint8Array, from: number): number {
  let value = 0;
  for (let i = from; i < from + 7 && i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === 0x3e /* > */) return i === from ? -1 : value * 8 + (i - from);
    const digit = HEX_DIGIT[c]!;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return -1;
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * A number token as `Number(text)` reads it, without making the text: digits and a point, at most 15 digits, are
 * an exact integer divided by an exact power of ten, which IEEE division rounds exactly as parsing the decimal would.
 * Anything else (more digits, a stray character) goes through `Number`.
 */
function parseNumber(src: Uint8Array, start: number, end: number, text: string): number {
  let i = start;
  const sign = src[i];
  if (sign === 0x2d || sign === 0x2b) i++;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const c = src[i]!;
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 0x2e && decimals < 0) decimals = 0;
    else return Number(text.slice(start, end));
  }
  if (digits === 0 || digits > 15) return Number(text.slice(start, end));
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa;
  return sign === 0x2d ? -value : value;
}

function findInlineImageEnd(src: string, from: number): number {
  for (let i = from; i + 2 <= src.length; i++) {
    if (src.charCodeAt(i) === 0x45 && src.charCodeAt(i + 1) === 0x49 && isSpace(src.charCodeAt(i - 1)) && (i + 2 === src.length || isSpace(src.charCodeAt(i + 2)))) return i + 2;
  }
  return src.length;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
}

/** Operators that paint: what must be tagged content or an artifact (§14.8.2.2). `n` ends a path without painting. */
export const PAINTING_OPERATORS = new Set(['Tj', 'TJ', "'", '"', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'Do', 'sh', 'BI']);

/** Operators that build a path; a path object runs from the first of these to its painting (or `n`) operator. */
export const PATH_CONSTRUCTION = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
