/**
 * Reading and writing the table directory of TrueType/OpenType (sfnt) and WOFF 1.0 files, for formats that take only
 * sfnt (Word's embedded fonts).
 *
 * WOFF is an sfnt whose tables are zlib-compressed one by one (W3C WOFF 1.0, sections 3-5), so unwrapping it is
 * inflating each table and writing the sfnt header and directory again (OpenType spec, "Organization of an OpenType
 * font"). No maintained npm package does only this (fontkit reads WOFF but writes no sfnt), hence these few lines.
 */
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'

/** An sfnt's flavour (0x00010000 for TrueType outlines, 'OTTO' for CFF) and its tables by tag. */
export interface SfntTables {
  flavor: number;
  tables: Map<string, Buffer>;
}

/** The tables of a WOFF 1.0 file, inflated. */
export function readWoff(woff: Buffer): SfntTables {
  if (woff.length < 44 || woff.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error('not a WOFF 1.0 file');
  const tables = new Map<string, Buffer>();
  const numTables = woff.readUInt16BE(12);
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(stored) : stored;
    if (data.length !== origLength) throw new Error('WOFF table has the wrong length after inflating');
    tables.set(woff.toString('latin1', at, at + 4), data);
  }
  return { flavor: woff.readUInt32BE(4), tables };
}

/** The tables of an sfnt file. */
export function readSfnt(sfnt: Buffer): SfntTables {
  const tables = new Map<string, Buffer>();
  const numTables = sfnt.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    const offset = sfnt.readUInt32BE(at + 8);
    tables.set(sfnt.toString('latin1', at, at + 4), sfnt.subarray(offset, offset + sfnt.readUInt32BE(at + 12)));
  }
  return { flavor: sfnt.readUInt32BE(0), tables };
}

/** An sfnt file of the tables: directory sorted by tag, tables 4-byte aligned, checksums and head's adjustment set. */
export function writeSfnt({ flavor, tables }: SfntTables): Buffer {
  const entries = [...tables].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const numTables = entries.length;
  const headerLength = 12 + numTables * 16;
  const padded = (n: number) => (n + 3) & ~3;
  const out = Buffer.alloc(headerLength + entries.reduce((sum, [, data]) => sum + padded(data.length), 0));
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  let offset = headerLength;
  let headOffset = -1;
  entries.forEach(([tag, data], i) => {
    const at = 12 + i * 16;
    data.copy(out, offset);
    if (tag === 'head') {
      headOffset = offset;
      out.writeUInt32BE(0, offset + 8); // checkSumAdjustment is computed over the file with it set to 0
    }
    out.write(tag, at, 4, 'latin1');
    out.writeUInt32BE(checksum(out.subarray(offset, offset + padded(data.length))), at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(data.length, at + 12);
    offset += padded(data.length);
  });
  if (headOffset >= 0) out.writeUInt32BE((0xb1b0afba - checksum(out)) >>> 0, headOffset + 8);
  return out;
}

function checksum(data: Buffer): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum = (sum + data.readUInt32BE(i)) >>> 0;
  return sum;
}
