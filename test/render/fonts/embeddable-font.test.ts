/**
 * The TrueType files the DOCX embeds: valid sfnt (table checksums and head's checkSumAdjustment as the OpenType spec
 * defines them), named as the documents name them, whole where the script needs shaping, cut down for Chinese.
 */
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { embeddableFont } from '../../../src/render/fonts/embeddable-font.js';
import { readSfnt } from '../../../src/render/fonts/sfnt.js';

const codePoints = (text: string) => Array.from(text, (ch) => ch.codePointAt(0)!);
const open = (data: Buffer) => fontkit.create(data) as fontkit.Font;

function checksum(data: Buffer): number {
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

describe('embeddableFont', () => {
  it('writes a valid sfnt: every table checksum and the whole-file checksum are right', () => {
    for (const data of [embeddableFont('Noto Sans Bengali', 400, codePoints('বাংলা'))!, embeddableFont('Noto Sans SC', 700, codePoints('学生'))!]) {
      expect(checksum(data)).toBe(0xb1b0afba);
      const numTables = data.readUInt16BE(4);
      for (let i = 0; i < numTables; i++) {
        const at = 12 + i * 16;
        const table = data.subarray(data.readUInt32BE(at + 8), data.readUInt32BE(at + 8) + data.readUInt32BE(at + 12));
        if (data.toString('latin1', at, at + 4) === 'head') continue; // its sum is taken with checkSumAdjustment 0
        expect(checksum(table)).toBe(data.readUInt32BE(at + 4));
      }
    }
  });

  it('keeps a shaped script whole: Bengali conjuncts still form (GSUB), and the file is the named family', () => {
    const font = open(embeddableFont('Noto Sans Bengali', 400, codePoints('ক্ষ'))!);
    expect(font.familyName).toBe('Noto Sans Bengali');
    expect(readSfnt(embeddableFont('Noto Sans Bengali', 400, codePoints('ক্ষ'))!).tables.has('GSUB')).toBe(true);
    // ক + ্ + ষ shape to one conjunct glyph
    expect(font.layout('ক্ষ').glyphs.length).toBe(1);
  });

  it('cuts Chinese down to the characters asked for, named "Noto Sans SC" (the whole @fontsource file says "Noto Sans SC Thin")', () => {
    const font = open(embeddableFont('Noto Sans SC', 400, codePoints('个别化教育计划'), codePoints(' 2[]'))!);
    expect(font.familyName).toBe('Noto Sans SC');
    expect(font.subfamilyName).toBe('Regular');
    expect(font.numGlyphs).toBe(1 + 7 + 4);
    for (const ch of '个别化教育计划 2[]') expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!)).toBe(true);
    expect(font.hasGlyphForCodePoint('学'.codePointAt(0)!)).toBe(false);
    expect(open(embeddableFont('Noto Sans SC', 700, codePoints('学'))!).subfamilyName).toBe('Bold');
  });

  it('returns nothing when no file of the family draws any of the characters', () => {
    expect(embeddableFont('Noto Sans Arabic', 400, codePoints('বাংলা'))).toBeUndefined();
  });
});
