import { describe, expect, it } from 'vitest';
import { decodeText, MAX_IEP_BYTES } from '../../src/load/decode-text.js';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

/** The code and position of each diagnostic, which is what a user acts on. */
const where = (input: Uint8Array) =>
  decodeText(input, 'f.iep.yaml').diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column, file: d.file, path: d.path }));

describe('decodeText', () => {
  it('returns UTF-8 text unchanged, accents and all scripts included', () => {
    const text = 'student:\n  firstName: José\n  note: 你好 مرحبا\n';
    expect(decodeText(bytes(text), 'f')).toEqual({ text, diagnostics: [] });
  });

  it('reports an empty file as empty-file at 1:1', () => {
    expect(where(new Uint8Array())).toEqual([{ code: 'empty-file', line: 1, column: 1, file: 'f.iep.yaml', path: '' }]);
  });

  it('reports a file of only spaces, tabs and newlines as empty-file', () => {
    expect(where(bytes(' \n\t\n\r\n   '))).toEqual([{ code: 'empty-file', line: 1, column: 1, file: 'f.iep.yaml', path: '' }]);
  });

  it('reports a UTF-8 byte-order mark instead of letting it become part of the first key', () => {
    const result = decodeText(bytes([0xef, 0xbb, 0xbf], 'schemaVersion: 1\n'), 'f');
    expect(result.text).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ code: 'byte-order-mark', line: 1, column: 1, severity: 'error' }]);
    expect(result.diagnostics[0]?.hint).toMatch(/without BOM/);
  });

  it('reports UTF-16 little-endian with a byte-order mark as unsupported-encoding', () => {
    expect(where(bytes([0xff, 0xfe], [...Buffer.from('schemaVersion: 1\n', 'utf16le')]))).toMatchObject([{ code: 'unsupported-encoding', line: 1, column: 1 }]);
  });

  it('reports UTF-16 big-endian with a byte-order mark as unsupported-encoding', () => {
    expect(where(bytes([0xfe, 0xff], [...Buffer.from('schemaVersion: 1\n', 'utf16le').swap16()]))).toMatchObject([{ code: 'unsupported-encoding', line: 1, column: 1 }]);
  });

  it('reports UTF-16 without a byte-order mark as unsupported-encoding, not as binary data', () => {
    const le = decodeText(new Uint8Array(Buffer.from('schemaVersion: 1\nstudent:\n', 'utf16le')), 'f');
    expect(le.diagnostics.map((d) => d.code)).toEqual(['unsupported-encoding']);
    expect(le.diagnostics[0]?.message).toMatch(/UTF-16/);
    const be = decodeText(new Uint8Array(Buffer.from('schemaVersion: 1\nstudent:\n', 'utf16le').swap16()), 'f');
    expect(be.diagnostics.map((d) => d.code)).toEqual(['unsupported-encoding']);
  });

  it('reports a PNG image as binary-file, located at its first NUL byte', () => {
    // \x89PNG \r\n \x1a \n then NUL at offset 8: two line breaks before it, so line 3, column 1.
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const [d] = decodeText(png, 'f').diagnostics;
    expect(d).toMatchObject({ code: 'binary-file', line: 3, column: 1 });
    expect(d?.message).toContain('offset 8');
  });

  it('reports text with a NUL byte in it as binary-file at the NUL', () => {
    expect(where(bytes('schemaVersion: 1\nstu', [0x00], 'dent:\n'))).toMatchObject([{ code: 'binary-file', line: 2, column: 4 }]);
  });

  it('reports invalid UTF-8 (a Latin-1 byte) as invalid-utf8 at the bad byte', () => {
    // "López" saved as Latin-1: 0xF3 is not valid UTF-8 here.
    const input = bytes('student:\n  lastName: L', [0xf3], 'pez\n');
    const [d] = decodeText(input, 'f').diagnostics;
    expect(d).toMatchObject({ code: 'invalid-utf8', line: 2, column: 14 });
    expect(d?.message).toContain('offset 22');
  });

  it.each([0, 1, 9, 10, 11, 25])('locates an invalid byte inserted at offset %i exactly', (offset) => {
    const text = Buffer.from('abcdefghij\nklmnopqrstuvwxyz');
    const input = new Uint8Array([...text.subarray(0, offset), 0xff, ...text.subarray(offset)]);
    const [d] = decodeText(input, 'f').diagnostics;
    const line = offset <= 10 ? 1 : 2;
    const column = offset <= 10 ? offset + 1 : offset - 10;
    expect(d).toMatchObject({ code: 'invalid-utf8', line, column });
    expect(d?.message).toContain(`offset ${offset}`);
  });

  it('locates an invalid byte that follows accented letters (it blamed a correct é before it)', () => {
    // é é are valid two-byte letters; 0xFF at offset 5 is the problem: line 2, after one é.
    const [d] = decodeText(bytes('é\né', [0xff], 'x\n'), 'f').diagnostics;
    expect(d).toMatchObject({ code: 'invalid-utf8', line: 2, column: 2 });
    expect(d?.message).toContain('offset 5');
  });

  it.each([
    ['a letter cut off at the end of the file', bytes('ab\ncd', [0xc3]), 5, 2, 3],
    ['a three-byte letter missing its last byte', bytes('ab\ncd', [0xe2, 0x82], 'xyz'), 5, 2, 3],
    ['a lone continuation byte', bytes('abc', [0x80], 'x'), 3, 1, 4],
    ['an overlong encoding of "/"', bytes('abc', [0xc0, 0xaf], 'x'), 3, 1, 4],
    ['an encoded UTF-16 surrogate', bytes('abc', [0xed, 0xa0, 0x80], 'x'), 3, 1, 4],
    ['a code point past U+10FFFF', bytes('abc', [0xf4, 0x90, 0x80, 0x80]), 3, 1, 4],
  ])('reports %s as invalid-utf8 where the bad sequence starts', (_, input, offset, line, column) => {
    const [d] = decodeText(input, 'f').diagnostics;
    expect(d).toMatchObject({ code: 'invalid-utf8', line, column });
    expect(d?.message).toContain(`offset ${offset}`);
  });

  it('accepts four-byte letters (emoji, rare CJK) as valid UTF-8', () => {
    expect(decodeText(bytes('note: 😀 𠀀\n'), 'f').diagnostics).toEqual([]);
  });

  it('refuses a file larger than MAX_IEP_BYTES as file-too-large without decoding it', () => {
    const big = new Uint8Array(MAX_IEP_BYTES + 1).fill(0x61);
    expect(where(big)).toMatchObject([{ code: 'file-too-large', line: 1, column: 1 }]);
  });

  it('accepts a file of exactly MAX_IEP_BYTES', () => {
    const max = new Uint8Array(MAX_IEP_BYTES).fill(0x61);
    expect(decodeText(max, 'f').diagnostics).toEqual([]);
  });
});
