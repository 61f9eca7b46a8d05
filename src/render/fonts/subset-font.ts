/**
 * A TrueType font cut down to the glyphs of some characters, as a complete sfnt a word processor can install:
 * fontkit's subsetter writes the outlines and metrics (glyf, loca, hmtx, hhea, maxp, head, prep), which is what a
 * PDF needs; a font file also needs a character map, names, OS/2 and post, added here.
 *
 * Only for fonts whose text needs no OpenType shaping (one glyph per character: Chinese, Korean): the layout tables
 * (GSUB, GPOS) are left out, because their glyph ids would point at the wrong glyphs. Bengali, Arabic and Urdu fonts
 * are embedded whole.
 */
import type { Font } from 'fontkit';
import { readSfnt, writeSfnt, type SfntTables } from './sfnt.js';

/** Tables kept from the source font as they are (they hold no glyph ids). */
const COPIED_TABLES = ['OS/2', 'gasp', 'cvt ', 'fpgm'] as const;
/** Names kept from the source: copyright, version, license and its URL (SIL OFL 1.1 asks to keep the notices). */
const COPIED_NAMES = [0, 5, 13, 14] as const;

export function subsetFont(source: SfntTables, font: Font, codePoints: Iterable<number>, family: string, bold: boolean): Buffer {
  const subset = font.createSubset();
  const cmap = new Map<number, number>();
  for (const cp of [...new Set(codePoints)].sort((a, b) => a - b)) {
    if (!font.hasGlyphForCodePoint(cp)) continue;
    // fontkit returns the glyph's id in the subset (@types/fontkit says boolean)
    cmap.set(cp, subset.includeGlyph(font.glyphForCodePoint(cp)) as unknown as number);
  }
  const { tables } = readSfnt(Buffer.from(subset.encode()));
  for (const tag of COPIED_TABLES) {
    const table = source.tables.get(tag);
    if (table) tables.set(tag, table);
  }
  tables.set('cmap', cmapTable(cmap));
  tables.set('name', nameTable(source, family, bold));
  tables.set('post', postTable(source));
  return writeSfnt({ flavor: 0x00010000, tables });
}

/** cmap with a format 4 subtable (Windows BMP) and a format 12 one (Windows full repertoire), a segment per character. */
function cmapTable(map: ReadonlyMap<number, number>): Buffer {
  const bmp = [...map].filter(([cp]) => cp < 0xffff);
  const segments = [...bmp, [0xffff, 0] as [number, number]];
  const segCount = segments.length;
  const format4 = Buffer.alloc(16 + segCount * 8);
  const entrySelector = Math.floor(Math.log2(segCount));
  const searchRange = 2 ** entrySelector * 2;
  format4.writeUInt16BE(4, 0);
  format4.writeUInt16BE(format4.length, 2);
  format4.writeUInt16BE(segCount * 2, 6);
  format4.writeUInt16BE(searchRange, 8);
  format4.writeUInt16BE(entrySelector, 10);
  format4.writeUInt16BE(segCount * 2 - searchRange, 12);
  segments.forEach(([cp, gid], i) => {
    format4.writeUInt16BE(cp, 14 + i * 2); // endCode
    format4.writeUInt16BE(cp, 16 + segCount * 2 + i * 2); // startCode (after reservedPad)
    format4.writeUInt16BE(cp === 0xffff ? 1 : (gid - cp) & 0xffff, 16 + segCount * 4 + i * 2); // idDelta
    // idRangeOffset stays 0
  });
  const groups = [...map];
  const format12 = Buffer.alloc(16 + groups.length * 12);
  format12.writeUInt16BE(12, 0);
  format12.writeUInt32BE(format12.length, 4);
  format12.writeUInt32BE(groups.length, 12);
  groups.forEach(([cp, gid], i) => {
    format12.writeUInt32BE(cp, 16 + i * 12);
    format12.writeUInt32BE(cp, 20 + i * 12);
    format12.writeUInt32BE(gid, 24 + i * 12);
  });
  const header = Buffer.alloc(4 + 2 * 8);
  header.writeUInt16BE(2, 2);
  [[1, header.length], [10, header.length + format4.length]].forEach(([encoding, offset], i) => {
    header.writeUInt16BE(3, 4 + i * 8);
    header.writeUInt16BE(encoding!, 6 + i * 8);
    header.writeUInt32BE(offset!, 8 + i * 8);
  });
  return Buffer.concat([header, format4, format12]);
}

/** A Windows-platform name table naming the family as the document does, with the source's notices. */
function nameTable(source: SfntTables, family: string, bold: boolean): Buffer {
  const style = bold ? 'Bold' : 'Regular';
  const postscript = `${family.replace(/[^A-Za-z0-9]/g, '')}-${style}`;
  const names = new Map<number, string>([[1, family], [2, style], [3, postscript], [4, `${family} ${style}`], [6, postscript]]);
  const original = readNames(source.tables.get('name'));
  for (const id of COPIED_NAMES) {
    const value = original.get(id);
    if (value !== undefined) names.set(id, value);
  }
  const records = [...names].sort(([a], [b]) => a - b).map(([id, value]) => [id, Buffer.from(value, 'utf16le').swap16()] as const);
  const header = Buffer.alloc(6 + records.length * 12);
  header.writeUInt16BE(records.length, 2);
  header.writeUInt16BE(header.length, 4);
  let offset = 0;
  records.forEach(([id, data], i) => {
    const at = 6 + i * 12;
    header.writeUInt16BE(3, at);
    header.writeUInt16BE(1, at + 2);
    header.writeUInt16BE(0x409, at + 4);
    header.writeUInt16BE(id, at + 6);
    header.writeUInt16BE(data.length, at + 8);
    header.writeUInt16BE(offset, at + 10);
    offset += data.length;
  });
  return Buffer.concat([header, ...records.map(([, data]) => data)]);
}

/** The Windows (3, 1, en-US) names of a name table. */
function readNames(table: Buffer | undefined): Map<number, string> {
  const names = new Map<number, string>();
  if (!table) return names;
  const count = table.readUInt16BE(2);
  const strings = table.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 12;
    if (table.readUInt16BE(at) !== 3 || table.readUInt16BE(at + 2) !== 1 || table.readUInt16BE(at + 4) !== 0x409) continue;
    const start = strings + table.readUInt16BE(at + 10);
    const data = Buffer.from(table.subarray(start, start + table.readUInt16BE(at + 8)));
    names.set(table.readUInt16BE(at + 6), data.swap16().toString('utf16le'));
  }
  return names;
}

/** post version 3 (no glyph names), keeping the source's italic angle and underline metrics. */
function postTable(source: SfntTables): Buffer {
  const post = Buffer.alloc(32);
  source.tables.get('post')?.copy(post, 0, 0, 32);
  post.writeUInt32BE(0x00030000, 0);
  return post;
}
