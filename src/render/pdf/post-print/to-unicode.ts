/**
 * A font's ToUnicode CMap (ISO 32000-1 §9.10.3): character code -> text. Only bfchar and bfrange, which is all a
 * ToUnicode CMap may use.
 */
import { PdfLexer } from './pdf-lexer.js';
import { PdfOperator, PdfString } from './pdf-objects.js';

export interface UnicodeMap {
  /** Bytes per character code: 2 for Chromium's Identity-H composite fonts, 1 for simple fonts. */
  codeLength: number;
  map: Map<number, string>;
}

export function parseToUnicode(data: Uint8Array, codeLength: number): UnicodeMap {
  const map = new Map<number, string>();
  const lexer = new PdfLexer(data, 0, false);
  let mode: 'char' | 'range' | undefined;
  const pending: unknown[] = [];
  while (!lexer.atEnd()) {
    const value = lexer.readObject();
    if (value instanceof PdfOperator) {
      if (value.name === 'beginbfchar') mode = 'char';
      else if (value.name === 'beginbfrange') mode = 'range';
      else if (value.name === 'endbfchar' || value.name === 'endbfrange') mode = undefined;
      pending.length = 0;
      continue;
    }
    if (!mode) continue;
    pending.push(value);
    if (mode === 'char' && pending.length === 2) {
      const [src, dst] = pending as [PdfString, PdfString];
      if (src instanceof PdfString && dst instanceof PdfString) map.set(codeOf(src.bytes), utf16(dst.bytes));
      pending.length = 0;
    } else if (mode === 'range' && pending.length === 3) {
      const [lo, hi, dst] = pending as [PdfString, PdfString, PdfString | PdfString[]];
      if (lo instanceof PdfString && hi instanceof PdfString) {
        const first = codeOf(lo.bytes);
        const last = Math.min(codeOf(hi.bytes), first + 0xffff);
        if (Array.isArray(dst)) {
          dst.forEach((d, i) => {
            if (d instanceof PdfString && first + i <= last) map.set(first + i, utf16(d.bytes));
          });
        } else if (dst instanceof PdfString) {
          const base = utf16(dst.bytes);
          // The last UTF-16 unit increments across the range.
          const head = base.slice(0, -1);
          const tail = base.charCodeAt(base.length - 1);
          for (let code = first; code <= last; code++) map.set(code, head + String.fromCharCode(tail + code - first));
        }
      }
      pending.length = 0;
    }
  }
  return { codeLength, map };
}

export interface Shown {
  text: string;
  glyphs: number;
  unmapped: number;
}

/** The text of a shown string: each code's mapping, or U+FFFD for a code the map lacks. Also how many codes. */
export function decodeShown(bytes: Uint8Array, font: UnicodeMap | undefined): Shown {
  const length = font?.codeLength ?? 1;
  let text = '';
  let glyphs = 0;
  let unmapped = 0;
  for (let i = 0; i + length <= bytes.length; i += length) {
    const code = length === 2 ? (bytes[i]! << 8) | bytes[i + 1]! : bytes[i]!;
    glyphs++;
    const mapped = font?.map.get(code);
    if (mapped === undefined || mapped === '\u0000' || mapped === '') {
      unmapped++;
      continue;
    }
    text += mapped;
  }
  return { text, glyphs, unmapped };
}

function codeOf(bytes: Uint8Array): number {
  let code = 0;
  for (const b of bytes) code = code * 256 + b;
  return code;
}

function utf16(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
  return out;
}
