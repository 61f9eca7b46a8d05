import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readZip, writeZip } from '../../../src/render/docx/zip.js';

// Counts the compressions writeZip asks zlib for (the real function does the work).
vi.mock('node:zlib', async (importOriginal) => {
  const zlib = await importOriginal<typeof import('node:zlib')>();
  return { ...zlib, deflateRawSync: vi.fn(zlib.deflateRawSync) };
});

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

describe('shared entries', () => {
  const date = new Date('2026-09-01T12:00:00Z');
  const styles = Buffer.from('<w:styles>shared styles</w:styles>'.repeat(50));

  it('compresses a shared entry once and gives the same zip as compressing it again', () => {
    const entries = (body: string) => [
      { path: 'word/document.xml', data: Buffer.from(body) },
      { path: 'word/styles.xml', data: styles, shared: true },
    ];
    const first = writeZip(entries('<w:document>one</w:document>'), date);
    vi.mocked(deflateRawSync).mockClear();
    const second = writeZip(entries('<w:document>two</w:document>'), date);
    // Only the document was compressed the second time.
    expect(vi.mocked(deflateRawSync)).toHaveBeenCalledTimes(1);
    expect(readZip(second)).toEqual(entries('<w:document>two</w:document>').map(({ path, data }) => ({ path, data })));
    const unshared = writeZip(entries('<w:document>one</w:document>').map(({ path, data }) => ({ path, data })), date);
    expect(first.equals(unshared)).toBe(true);
  });

  it('keys the kept entries on their content, not their path', () => {
    writeZip([{ path: 'word/theme/theme1.xml', data: Buffer.from('<a:theme>blue</a:theme>'), shared: true }], date);
    const other = writeZip([{ path: 'word/theme/theme1.xml', data: Buffer.from('<a:theme>green</a:theme>'), shared: true }], date);
    expect(readZip(other)[0]!.data.toString()).toBe('<a:theme>green</a:theme>');
  });
});
