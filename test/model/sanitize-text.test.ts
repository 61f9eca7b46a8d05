/**
 * The one sanitiser for data text (src/model/sanitize-text.ts): what it removes, what it turns into a line break, and
 * what it keeps because languages need it.
 */
import { describe, expect, it } from 'vitest';
import { describeCodePoint, findUnsafeCharacters, sanitizeText } from '../../src/model/sanitize-text.js';

describe('sanitizeText removes what hides or reorders text', () => {
  it('removes the control characters that broke docProps/core.xml (U+0001, U+001B)', () => {
    expect(sanitizeText('A\u0001n\u001Ba')).toBe('Ana');
  });

  it('removes every other C0 and C1 control, DEL included', () => {
    const controls = [...Array(0x20).keys(), ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i)]
      .filter((cp) => ![0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x85].includes(cp))
      .map((cp) => String.fromCodePoint(cp))
      .join('');
    expect(sanitizeText(`a${controls}b`)).toBe('ab');
  });

  it('removes the bidi embeddings, overrides and isolates that printed a student ID backwards', () => {
    expect(sanitizeText('Ana\u202E Lopez \u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069T0001')).toBe('Ana Lopez T0001');
  });

  it('removes deprecated format controls, interlinear annotations, tag characters, U+FEFF, noncharacters and lone surrogates', () => {
    expect(sanitizeText('a\u206A\u206F\uFFF9hidden\uFFFA\uFFFBb\u{E0041}\u{E007F}\uFEFF\uFFFE\uFFFF\uD800c')).toBe('ahiddenbc');
  });

  it('turns vertical tab, form feed, NEL, CR and the Unicode separators into line feeds, so words stay apart', () => {
    expect(sanitizeText('a\vb\fc\u0085d\r\ne\rf\u2028g\u2029h')).toBe('a\nb\nc\nd\ne\nf\ng\nh');
  });

  it('keeps tabs and line feeds for blocks; joins to one line (one space per break) for headers and properties', () => {
    expect(sanitizeText('one\ttwo\n\nthree')).toBe('one\ttwo\n\nthree');
    expect(sanitizeText('  Ana\u000B\u202EMarie \n\t Lopez ', { lines: 'join' })).toBe('Ana Marie Lopez');
  });
});

describe('sanitizeText keeps what languages need', () => {
  it('keeps zero width joiner and non-joiner (Bengali conjuncts, Urdu and Persian spelling, emoji)', () => {
    const bengali = 'র\u200D্যাব'; // ra-phala written with ZWJ
    const persian = 'می\u200Cخواهم'; // ZWNJ between the prefix and the verb
    const family = '👩\u200D👧';
    for (const text of [bengali, persian, family]) expect(sanitizeText(text)).toBe(text);
  });

  it('keeps the left-to-right, right-to-left and Arabic letter marks that place punctuation and numbers in RTL text', () => {
    const arabic = 'رقم الطالب\u200F: 12345\u200E (ب)\u061C';
    expect(sanitizeText(arabic)).toBe(arabic);
  });

  it('keeps zero width space, word joiner, soft hyphen and variation selectors', () => {
    const text = 'a\u200Bb\u2060c\u00ADd\u845B\uFE00';
    expect(sanitizeText(text)).toBe(text);
  });
});

describe('findUnsafeCharacters reports what sanitizeText changes', () => {
  it('gives the index and code point of each, not the ordinary line breaks or the marks', () => {
    expect(findUnsafeCharacters('A\u0001n\r\n\u202E\u200F\u000B')).toEqual([
      { index: 1, codePoint: 0x01 },
      { index: 5, codePoint: 0x202e },
      { index: 7, codePoint: 0x0b },
    ]);
  });

  it('names characters for messages', () => {
    expect(describeCodePoint(0x202e)).toBe('U+202E RIGHT-TO-LEFT OVERRIDE');
    expect(describeCodePoint(0x01)).toBe('U+0001 control character');
    expect(describeCodePoint(0xe0041)).toBe('U+E0041 tag character');
  });
});
