/**
 * A page content stream (ISO 32000-1 §7.8.2) as a list of operations, each with the byte range it occupies, so a
 * caller can insert marked-content operators between operations and leave every other byte as it was.
 */
import { PdfLexer } from './pdf-lexer.js';
import { PdfOperator, type PdfObject } from './pdf-objects.js';

export interface ContentOperation {
  operator: string;
  operands: PdfObject[];
  /** Byte offset of the first operand (or of the operator when it has none). */
  start: number;
  /** Byte offset just after the operator (after the image data for an inline image). */
  end: number;
}

export function parseContentStream(data: Uint8Array): ContentOperation[] {
  const lexer = new PdfLexer(data, 0, false);
  const src = lexer.buf;
  const operations: ContentOperation[] = [];
  let operands: PdfObject[] = [];
  let start = -1;
  // A hand-rolled loop for the common tokens (numbers and operators: most of a page), the lexer for the rest;
  // Chromium writes a Td and a Tj per glyph, so a 20-page Urdu IEP has about 300,000 operations.
  for (;;) {
    lexer.skipWhitespace();
    const at = lexer.pos;
    if (at >= src.length) break;
    if (start < 0) start = at;
    const c = src.charCodeAt(at);
    if (!STARTS_OBJECT[c]) {
      let end = at;
      while (end < src.length && !ENDS_WORD[src.charCodeAt(end)]) end++;
      if (end === at) {
        operands.push(lexer.readObject()); // a stray delimiter: the lexer says where
        continue;
      }
      lexer.pos = end;
      if (STARTS_NUMBER[c]) {
        operands.push(parseNumber(src, at, end));
        continue;
      }
      const name = operatorName(src, at, end);
      if (name === 'true' || name === 'false' || name === 'null') {
        operands.push(name === 'null' ? null : name === 'true');
        continue;
      }
      if (name === 'BI') {
        // An inline image: its dictionary, then ID, one white-space byte, binary data, EI.
        const dict: PdfObject[] = [];
        for (;;) {
          const item = lexer.readObject();
          if (item instanceof PdfOperator && item.name === 'ID') break;
          dict.push(item);
        }
        lexer.pos = findInlineImageEnd(src, lexer.pos + 1);
        operations.push({ operator: 'BI', operands: dict, start, end: lexer.pos });
      } else {
        operations.push({ operator: name, operands, start, end });
      }
      operands = [];
      start = -1;
      continue;
    }
    operands.push(lexer.readObject());
  }
  return operations;
}

const STARTS_OBJECT = new Uint8Array(256);
for (const ch of '(<[/{}') STARTS_OBJECT[ch.charCodeAt(0)] = 1;
const STARTS_NUMBER = new Uint8Array(256);
for (const ch of '+-.0123456789') STARTS_NUMBER[ch.charCodeAt(0)] = 1;
const ENDS_WORD = new Uint8Array(256);
for (const ch of '\x00\t\n\f\r ()<>[]{}/%') ENDS_WORD[ch.charCodeAt(0)] = 1;

/** The operators of ISO 32000-1 Annex A, by their character codes, so a common operator costs no new string. */
const OPERATORS = new Map<number, string>();
for (const name of ['b', 'B', 'b*', 'B*', 'BDC', 'BI', 'BMC', 'BT', 'BX', 'c', 'cm', 'CS', 'cs', 'd', 'd0', 'd1', 'Do', 'DP', 'EI', 'EMC', 'ET', 'EX', 'f', 'F', 'f*', 'G', 'g', 'gs', 'h', 'i', 'ID', 'j', 'J', 'K', 'k', 'l', 'm', 'M', 'MP', 'n', 'q', 'Q', 're', 'RG', 'rg', 'ri', 's', 'S', 'SC', 'sc', 'SCN', 'scn', 'sh', 'T*', 'Tc', 'Td', 'TD', 'Tf', 'Tj', 'TJ', 'TL', 'Tm', 'Tr', 'Ts', 'Tw', 'Tz', 'v', 'w', 'W', 'W*', 'y', "'", '"', 'true', 'false', 'null']) {
  OPERATORS.set(operatorKey(name, 0, name.length), name);
}

function operatorKey(src: string, start: number, end: number): number {
  let key = 0;
  for (let i = start; i < end; i++) key = key * 256 + src.charCodeAt(i);
  return key;
}

function operatorName(src: string, start: number, end: number): string {
  return (end - start <= 5 && OPERATORS.get(operatorKey(src, start, end))) || src.slice(start, end);
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * A number token as `Number(text)` reads it, without making the text: digits and a point, at most 15 digits, are
 * an exact integer divided by an exact power of ten, which IEEE division rounds exactly as parsing the decimal would.
 * Anything else (more digits, a stray character) goes through `Number`.
 */
function parseNumber(src: string, start: number, end: number): number {
  let i = start;
  const sign = src.charCodeAt(i);
  if (sign === 0x2d || sign === 0x2b) i++;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const c = src.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 0x2e && decimals < 0) decimals = 0;
    else return Number(src.slice(start, end));
  }
  if (digits === 0 || digits > 15) return Number(src.slice(start, end));
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
