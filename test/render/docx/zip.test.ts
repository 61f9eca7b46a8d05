import { afterEach, describe, expect, it } from 'vitest';
import { readZip, writeZip } from '../../../src/render/docx/zip.js';

/** The MS-DOS time and date fields of the first entry's local header (offsets 10 and 12). */
function dosStamp(zip: Buffer): { time: number; date: number } {
  return { time: zip.readUInt16LE(10), date: zip.readUInt16LE(12) };
}
const dos = (y: number, mo: number, d: number, h: number, mi: number, s: number) => ({
  time: (h << 11) | (mi << 5) | (s >> 1),
  date: ((y - 1980) << 9) | (mo << 5) | d,
});

describe('zip dates', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });
  const entries = [{ path: 'word/document.xml', data: Buffer.from('<w:document/>') }];

  // fflate writes an entry's date in local time; the same document must give the same bytes in every time zone.
  it('stamps the UTC time of the date given, whatever the time zone of the machine', () => {
    const date = new Date('2026-09-01T12:34:56Z');
    process.env.TZ = 'UTC';
    const utc = writeZip(entries, date);
    process.env.TZ = 'America/New_York';
    const newYork = writeZip(entries, date);
    process.env.TZ = 'Asia/Kolkata';
    const kolkata = writeZip(entries, date);
    expect(dosStamp(newYork)).toEqual(dos(2026, 9, 1, 12, 34, 56));
    expect(newYork.equals(utc)).toBe(true);
    expect(kolkata.equals(utc)).toBe(true);
  });

  it('stamps dates before 1980 (SOURCE_DATE_EPOCH=0) as the first date a zip can hold', () => {
    const zip = writeZip(entries, new Date(0));
    expect(dosStamp(zip)).toEqual(dos(1980, 1, 1, 0, 0, 0));
    expect(readZip(zip)).toEqual(entries);
  });
});
