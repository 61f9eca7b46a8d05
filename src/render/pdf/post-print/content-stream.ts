/**
 * A page content stream (ISO 32000-1 §7.8.2) as a list of operations, each with the byte range it occupies, so a
 * caller can insert marked-content operators between operations and leave every other byte as it was.
 */
import { PdfLexer } from './pdf-lexer.js';
import { numberValue, PdfDict, PdfName, PdfOperator, PdfString, type PdfObject } from './pdf-objects.js';

export interface ContentOperation {
  operator: string;
  operands: PdfObject[];
  /** Byte offset of the first operand (or of the operator when it has none). */
  start: number;
  /** Byte offset just after the operator (after the image data for an inline image). */
  end: number;
}

// Operand kinds: a number is kept as a number, a hex string and a name only as where they are (most operands are
// never read: a colour's, a Tf's size), anything else as the object the lexer read.
const NUMBER = 0;
const HEX = 1;
const NAME = 2;
const OBJECT = 3;
/** Chromium's property list of a tagged sequence, `<</MCID 12 >>`: only its number is kept. */
const MCID_DICT = 4;

/**
 * Reads a content stream one operation at a time: `next()` moves to the next operation and the fields describe it.
 * A page holds tens of thousands of operations (Chromium writes a Td and a Tj per glyph, about 300,000 in a 20-page
 * Urdu IEP), so reading one makes no object: the operator is a small integer (`code`, an `Op`), numbers go to a
 * reused typed array and hex strings and names are parsed only when an operand is asked for (`operand(i)`).
 */
export class ContentReader implements ContentOperation {
  /** The operator (an `Op`), or `Op.Other` for one outside ISO 32000-1 Annex A (its name: `operator`). */
  code = 0;
  /** How many operands the operation has. */
  count = 0;
  start = 0;
  end = 0;
  private readonly lexer: PdfLexer;
  /** The bytes, scanned directly for the common tokens (faster than the string); the lexer reads the rest. */
  private readonly bytes: Uint8Array;
  /** Short hex strings by their digits (hexKey), shared by the pages: see HEX_STRINGS. */
  private readonly hexStrings = HEX_STRINGS;
  private otherName = '';
  private kinds = new Uint8Array(16);
  /**
   * The operands as `numberValue(operand) ?? 0` reads them: the number, or 0 for any other operand and past the
   * last one (read it directly: a call per operand cost a heap number each).
   */
  numbers = new Float64Array(16);
  /** How many of `numbers` may hold something other than 0. */
  private filled = 0;
  /** Where a HEX or NAME operand starts; an OBJECT operand's value is in `objects`. */
  private positions = new Int32Array(16);
  private readonly objects: PdfObject[] = [];

  constructor(data: Uint8Array) {
    this.lexer = new PdfLexer(data, 0, false);
    this.bytes = data;
  }

  get operator(): string {
    return this.code === Op.Other ? this.otherName : NAMES[this.code]!;
  }

  /** A fresh list of the operands (parsed now). */
  get operands(): PdfObject[] {
    return Array.from({ length: this.count }, (_, i) => this.operand(i)!);
  }

  /** Operand i, undefined past the last. */
  operand(i: number): PdfObject | undefined {
    if (i >= this.count) return undefined;
    switch (this.kinds[i]) {
      case NUMBER:
        return this.numbers[i]!;
      case HEX:
        return this.hexString(this.positions[i]!);
      case NAME:
        return this.name(this.positions[i]!);
      case MCID_DICT:
        return new PdfDict([['MCID', this.numbers[i]!]]);
      default:
        return this.objects[i];
    }
  }

  /** The MCID in operand i when it is a property list given inline (a BDC's second operand). */
  mcid(i: number): number | undefined {
    if (i < this.count && this.kinds[i] === MCID_DICT) return this.numbers[i];
    const props = this.operand(i);
    return props instanceof PdfDict ? numberValue(props.get('MCID')) : undefined;
  }

  /** Whether operand i is the name given (without its slash). */
  nameIs(i: number, name: string): boolean {
    if (i < this.count && this.kinds[i] === NAME) {
      const { bytes } = this;
      const from = this.positions[i]! + 1;
      let j = 0;
      for (; j < name.length; j++) if (bytes[from + j] !== name.charCodeAt(j)) break;
      // The same bytes and the name ends there: no need to read it (a #xx escape is the lexer's to decode).
      if (j === name.length && (from + j >= bytes.length || ENDS_WORD[bytes[from + j]!])) return true;
    }
    const value = this.operand(i);
    return value instanceof PdfName && value.name === name;
  }

  next(): boolean {
    const { lexer, bytes: src } = this;
    const length = src.length;
    this.count = 0;
    let pos = lexer.pos;
    let start = -1;
    // A hand-rolled loop for the common tokens (numbers, operators, hex strings, names: most of a page), the lexer
    // for the rest.
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
      if (STARTS_NUMBER[c]) {
        const i = this.slot();
        this.kinds[i] = NUMBER;
        pos = readNumber(src, at, lexer.buf, this.numbers, i);
        continue;
      }
      if (!STARTS_OBJECT[c]) {
        let end = at;
        while (end < length && !ENDS_WORD[src[end]!]) end++;
        if (end === at) {
          this.pushObject(this.readObject(at)); // a stray delimiter: the lexer says where
          pos = lexer.pos;
          continue;
        }
        pos = end;
        const code = operatorCode(src, at, end);
        if (code >= Op.True) {
          this.pushObject(code === Op.Null ? null : code === Op.True);
          continue;
        }
        lexer.pos = pos;
        if (code === Op.Other) this.otherName = lexer.buf.slice(at, end);
        if (code === Op.BI) {
          // An inline image: its dictionary, then ID, one white-space byte, binary data, EI.
          this.numbers.fill(0, 0, this.count);
          this.count = 0;
          for (;;) {
            const item = lexer.readObject();
            if (item instanceof PdfOperator && item.name === 'ID') break;
            this.pushObject(item);
          }
          lexer.pos = findInlineImageEnd(lexer.buf, lexer.pos + 1);
          end = lexer.pos;
        }
        this.code = code;
        this.start = start;
        this.end = end;
        const { numbers, count } = this;
        for (let i = count; i < this.filled; i++) numbers[i] = 0;
        this.filled = count;
        return true;
      }
      if (c === 0x3c /* < */ && src[at + 1] !== 0x3c) {
        const key = hexKey(src, at + 1);
        if (key >= 0) {
          const i = this.slot();
          this.kinds[i] = HEX;
          this.positions[i] = at;
          pos = at + 2 + (key & 7); // <, the digits, >
          continue;
        }
      } else if (c === 0x3c && src[at + 2] === 0x2f) {
        const end = mcidDictEnd(src, at);
        if (end > 0) {
          const i = this.slot();
          this.kinds[i] = MCID_DICT;
          this.numbers[i] = readInteger(src, at + MCID_PREFIX.length, end - 3);
          pos = end;
          continue;
        }
      } else if (c === 0x2f /* / */) {
        let end = at + 1;
        while (end < length && !ENDS_WORD[src[end]!]) end++;
        const i = this.slot();
        this.kinds[i] = NAME;
        this.positions[i] = at;
        pos = end;
        continue;
      }
      this.pushObject(this.readObject(at));
      pos = lexer.pos;
    }
  }

  /** The next operand's index (the arrays grow as needed). */
  private slot(): number {
    const i = this.count++;
    if (i === this.kinds.length) {
      const grow = <T extends Uint8Array | Float64Array | Int32Array>(a: T, b: T): T => (b.set(a), b);
      this.kinds = grow(this.kinds, new Uint8Array(i * 2));
      this.numbers = grow(this.numbers, new Float64Array(i * 2));
      this.positions = grow(this.positions, new Int32Array(i * 2));
    }
    this.numbers[i] = 0;
    return i;
  }

  private pushObject(value: PdfObject): void {
    const i = this.slot();
    this.kinds[i] = OBJECT;
    this.objects[i] = value;
  }

  /** The name at `at`; a short one without # escapes (font and tag names) is read once and found by its bytes after. */
  private name(at: number): PdfObject {
    const src = this.bytes;
    let key = 0;
    for (let j = at + 1; j < src.length && !ENDS_WORD[src[j]!]; j++) {
      const c = src[j]!;
      if (c === 0x23 /* # */ || j - at > 6) return this.parseAt(at);
      key = key * 256 + c;
    }
    let found = NAMES_READ.get(key);
    if (!found) {
      if (NAMES_READ.size >= CACHE_MAX) NAMES_READ.clear();
      NAMES_READ.set(key, (found = this.parseAt(at)));
    }
    return found;
  }

  /** A short hex string (the lexer read it once; the same object after). */
  private hexString(at: number): PdfString {
    const key = hexKey(this.bytes, at + 1);
    let value = this.hexStrings.get(key);
    if (!value) {
      if (this.hexStrings.size >= CACHE_MAX) this.hexStrings.clear();
      this.hexStrings.set(key, (value = this.parseAt(at) as PdfString));
    }
    return value;
  }

  /** The object at `at`, the lexer left after it (reading the operation). */
  private readObject(at: number): PdfObject {
    this.lexer.pos = at;
    return this.lexer.readObject();
  }

  /** The object at `at`, the lexer left where it was (an operand asked for after the operation was read). */
  private parseAt(at: number): PdfObject {
    const { lexer } = this;
    const saved = lexer.pos;
    const value = this.readObject(at);
    lexer.pos = saved;
    return value;
  }
}

const MCID_PREFIX = Buffer.from('<</MCID ', 'latin1');

/** Where `<</MCID digits >>` at `at` ends (after the >>), or -1 when the bytes there are anything else. */
function mcidDictEnd(src: Uint8Array, at: number): number {
  for (let i = 0; i < MCID_PREFIX.length; i++) if (src[at + i] !== MCID_PREFIX[i]) return -1;
  let i = at + MCID_PREFIX.length;
  const first = i;
  while (i < src.length && src[i]! >= 0x30 && src[i]! <= 0x39 && i - first < 9) i++;
  if (i === first || src[i] !== 0x20 || src[i + 1] !== 0x3e || src[i + 2] !== 0x3e) return -1;
  return i + 3;
}

function readInteger(src: Uint8Array, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) value = value * 10 + (src[i]! - 0x30);
  return value;
}

/**
 * Short hex strings by their digits (hexKey), shared by every page: a document shows the same few hundred glyph codes
 * over and over (a PdfString is never changed). Emptied now and then so it cannot grow without end.
 */
const HEX_STRINGS = new Map<number, PdfString>();
/** Names of up to 6 bytes by their bytes (the names are interned: the same object the lexer would give). */
const NAMES_READ = new Map<number, PdfObject>();
const CACHE_MAX = 1 << 16;

/** Every operation of a content stream, each with its own operands. */
export function parseContentStream(data: Uint8Array): ContentOperation[] {
  const reader = new ContentReader(data);
  const operations: ContentOperation[] = [];
  while (reader.next()) operations.push({ operator: reader.operator, operands: reader.operands, start: reader.start, end: reader.end });
  return operations;
}

/**
 * What the artifact marking (mark-artifacts.ts) needs from a content stream, gathered while the page is read: the
 * untagged painting to wrap as artifacts (byte ranges, neighbours merged), and where each BDC lies with its MCID.
 * Every painting operation outside a marked-content sequence is wrapped: a path from its first construction
 * operator to its painting operator, each text-showing operator, each XObject, shading and inline image.
 * Neighbouring wrapped operations merge when only text-state or colour operators lie between them, so a header line
 * becomes one artifact, not forty.
 */
export class ContentOperations {
  /** Byte ranges to wrap in /Artifact BMC ... EMC: start, end, start, end, ... */
  readonly spans: number[] = [];
  /** Each BDC operation, in order: its operation index, start, end and MCID (if any), four items each. */
  readonly openings: (number | undefined)[] = [];
  length = 0;
  /** Operation index of the last span's last operation. */
  private spanLast = -1;
  // Per open marked-content sequence: whether content inside it is covered (tagged with an MCID, or an artifact).
  // Chromium also opens neutral sequences (/ReversedChars, /Span with ActualText) that cover nothing by themselves.
  private readonly covered: boolean[] = [];
  private pathStart = -1;
  // The last operation, before the current one, that may not lie inside a merged artifact; and the same before the
  // current path's first operator. Two wrapped operations merge when none lies between them.
  private lastUnmergeable = -1;
  private unmergeableBeforePath = -1;

  /** Follows the reader's current operation (call for every operation, in order). */
  add(op: ContentReader): void {
    const i = this.length++;
    const { code } = op;
    const kind = KIND[code]!;
    const unmergeableBefore = this.lastUnmergeable;
    if (!(kind & MERGEABLE)) this.lastUnmergeable = i;
    if (code === Op.BDC || code === Op.BMC) {
      const mcid = code === Op.BDC ? op.mcid(1) : undefined;
      if (code === Op.BDC) this.openings.push(i, op.start, op.end, mcid);
      const artifact = op.nameIs(0, 'Artifact');
      this.covered.push(this.covered.at(-1) === true || artifact || mcid !== undefined);
      return;
    }
    if (code === Op.EMC) {
      this.covered.pop();
      return;
    }
    if (kind & PATH) {
      if (this.pathStart < 0) {
        this.pathStart = op.start;
        this.unmergeableBeforePath = unmergeableBefore;
      }
      return;
    }
    if (code === Op.n) {
      this.pathStart = -1;
      return;
    }
    if (!(kind & PAINTING)) return;
    const onPath = this.pathStart >= 0 && !(kind & NOT_PATH_PAINTING);
    const first = onPath ? this.pathStart : op.start;
    const before = onPath ? this.unmergeableBeforePath : unmergeableBefore;
    this.pathStart = -1;
    if (this.covered.at(-1) === true) return;
    const { spans } = this;
    if (spans.length > 0 && before <= this.spanLast) spans[spans.length - 1] = op.end;
    else spans.push(first, op.end);
    this.spanLast = i;
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

/** The operators of ISO 32000-1 Annex A (and the keywords true, false, null, last), as small integers. */
export const enum Op {
  Other, b, B, bStar, BStar, BDC, BI, BMC, BT, BX, c, cm, CS, cs, d, d0, d1, Do, DP, EI, EMC, ET, EX, f, F, fStar, G, g, gs,
  h, i, ID, j, J, K, k, l, m, M, MP, n, q, Q, re, RG, rg, ri, s, S, SC, sc, SCN, scn, sh, TStar, Tc, Td, TD, Tf, Tj, TJ,
  TL, Tm, Tr, Ts, Tw, Tz, v, w, W, WStar, y, Quote, DoubleQuote, True, False, Null,
}
/** The operators' names by code (the same order as Op). */
const NAMES = ['', 'b', 'B', 'b*', 'B*', 'BDC', 'BI', 'BMC', 'BT', 'BX', 'c', 'cm', 'CS', 'cs', 'd', 'd0', 'd1', 'Do', 'DP', 'EI', 'EMC', 'ET', 'EX', 'f', 'F', 'f*', 'G', 'g', 'gs', 'h', 'i', 'ID', 'j', 'J', 'K', 'k', 'l', 'm', 'M', 'MP', 'n', 'q', 'Q', 're', 'RG', 'rg', 'ri', 's', 'S', 'SC', 'sc', 'SCN', 'scn', 'sh', 'T*', 'Tc', 'Td', 'TD', 'Tf', 'Tj', 'TJ', 'TL', 'Tm', 'Tr', 'Ts', 'Tw', 'Tz', 'v', 'w', 'W', 'W*', 'y', "'", '"', 'true', 'false', 'null'];
// Codes by the operator's bytes: one- and two-byte operators (most of a page) by a table index, longer ones by a map.
const SHORT_CODES = new Uint8Array(65536);
const LONG_CODES = new Map<number, number>();
NAMES.forEach((name, code) => {
  const key = operatorKey(Buffer.from(name, 'latin1'), 0, name.length);
  if (code === 0) return;
  if (name.length <= 2) SHORT_CODES[key] = code;
  else LONG_CODES.set(key, code);
});

function operatorCode(src: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length === 1) return SHORT_CODES[src[start]!]!;
  if (length === 2) return SHORT_CODES[src[start]! * 256 + src[start + 1]!]!;
  return (length <= 5 && LONG_CODES.get(operatorKey(src, start, end))) || Op.Other;
}

/** Operators that paint: what must be tagged content or an artifact (§14.8.2.2). `n` ends a path without painting. */
export const PAINTING = 1;
/** Operators that build a path; a path object runs from the first of these to its painting (or `n`) operator. */
export const PATH = 2;
/** Operators that may lie inside one artifact between two wrapped operations (no state save/restore, no nesting). */
const MERGEABLE = 4;
/** Painting operators that do not paint the current path. */
const NOT_PATH_PAINTING = 8;
/** What each operator is (PAINTING, PATH, ...), by code. */
export const KIND = new Uint8Array(NAMES.length);
const kinds: [number, string[]][] = [
  [PAINTING, ['Tj', 'TJ', "'", '"', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'Do', 'sh', 'BI']],
  [PATH, ['m', 'l', 'c', 'v', 'y', 'h', 're']],
  [MERGEABLE, ['Tf', 'Td', 'TD', 'Tm', 'T*', 'Tc', 'Tw', 'Tz', 'TL', 'Tr', 'Ts', 'g', 'G', 'rg', 'RG', 'k', 'K', 'cs', 'CS', 'sc', 'SC', 'scn', 'SCN', 'gs', 'w', 'd', 'J', 'j', 'M', 'ri', 'i']],
  [NOT_PATH_PAINTING, ['Tj', 'TJ', "'", '"', 'Do', 'sh', 'BI']],
];
for (const [flag, names] of kinds) {
  for (const name of names) {
    const code = NAMES.indexOf(name);
    KIND[code] = KIND[code]! | flag;
  }
}

function operatorKey(src: Uint8Array, start: number, end: number): number {
  let key = 0;
  for (let i = start; i < end; i++) key = key * 256 + src[i]!;
  return key;
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
 * Reads the number token at `start` into out[i] as `Number(text)` reads it, and returns where it ends. Digits and a
 * point, at most 15 digits, are an exact integer divided by an exact power of ten, which IEEE division rounds
 * exactly as parsing the decimal would; they are read as they are scanned. Anything else (more digits, a stray
 * character) goes through `Number`.
 */
function readNumber(src: Uint8Array, start: number, text: string, out: Float64Array, i: number): number {
  const length = src.length;
  let at = start;
  const sign = src[at];
  if (sign === 0x2d || sign === 0x2b) at++;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; at < length; at++) {
    const c = src[at]!;
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 0x2e && decimals < 0) decimals = 0;
    else break;
  }
  if (at < length && !ENDS_WORD[src[at]!]) {
    while (at < length && !ENDS_WORD[src[at]!]) at++;
    out[i] = Number(text.slice(start, at));
  } else if (digits === 0 || digits > 15) out[i] = Number(text.slice(start, at));
  else {
    const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa;
    out[i] = sign === 0x2d ? -value : value;
  }
  return at;
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
