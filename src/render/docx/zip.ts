/**
 * Zip the DOCX package, reproducibly, with fflate (the zip library docx itself uses); readZip reads one back.
 *
 * Why not the docx library's packing: it stamps every zip entry with the wall-clock time, so the same input gave
 * different bytes on every run. renderDocx takes the library's parts unzipped (compile-package.ts), edits them, and
 * zips them here with every entry dated at the document's own timestamp, in the library's order: the same input
 * gives the same bytes (with the same Node.js/zlib build).
 *
 * fflate writes the archive; the entries are compressed by Node's zlib through fflate's custom-compression hook (a
 * `ZipInputFile`), as fflate's README advises on Node: its own DEFLATE at the same level made renderDocx about 2 ms
 * a document slower.
 */
import { unzipSync, Zip, type ZipInputFile } from 'fflate';
import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  path: string;
  data: Buffer;
  /**
   * The same bytes recur in other documents (styles, numbering, theme, whole font files: the same for every student
   * of a layout and language): keep the compressed entry for them. Parts with the document's own text are not
   * shared; keeping them would help only a document rendered twice.
   */
  shared?: boolean;
}

interface Compressed {
  crc: number;
  deflated: ReturnType<typeof deflateRawSync>;
}

/** Compressed shared entries by their content's hash, least recently used first; at most CACHE_BYTES compressed. */
const compressedCache = new Map<string, Compressed>();
const CACHE_BYTES = 8 * 1024 * 1024;
let cachedBytes = 0;

function compress(data: Buffer): Compressed {
  return { crc: crc32(data), deflated: deflateRawSync(data, { level: 6 }) };
}

/** The entry compressed, from the cache when it is shared and was compressed before (the result is the same). */
function compressed({ data, shared }: ZipEntry): Compressed {
  if (!shared) return compress(data);
  const key = createHash('sha256').update(data).digest('base64');
  let entry = compressedCache.get(key);
  if (entry) compressedCache.delete(key);
  else {
    entry = compress(data);
    cachedBytes += entry.deflated.length;
    for (const [oldKey, old] of compressedCache) {
      if (cachedBytes <= CACHE_BYTES) break;
      compressedCache.delete(oldKey);
      cachedBytes -= old.deflated.length;
    }
  }
  compressedCache.set(key, entry);
  return entry;
}

/** The files of a zip archive, in the order its central directory lists them (folders left out). */
export function readZip(zip: Uint8Array): ZipEntry[] {
  const order: string[] = [];
  const files = unzipSync(zip, {
    filter: ({ name }) => {
      if (name.endsWith('/')) return false;
      order.push(name);
      return true;
    },
  });
  return order.map((path) => {
    const data = files[path]!;
    return { path, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength) };
  });
}

/**
 * A zip archive of the entries, in the order given, every entry dated `date` (UTC), DEFLATE level 6 (level 1 saves
 * about 1 ms on a ten-page document.xml and makes the DOCX a fifth larger). A shared entry's compressed bytes are
 * kept (bounded, least recently used out): the fonts, styles and theme of a batch are compressed once.
 */
export function writeZip(entries: readonly ZipEntry[], date: Date): Buffer {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  const mtime = dosDate(date);
  for (const input of entries) {
    const { crc, deflated } = compressed(input);
    const entry: ZipInputFile = { filename: input.path, size: input.data.length, crc, compression: 8, mtime };
    zip.add(entry);
    // Synchronous: fflate has written the entry when ondata returns.
    entry.ondata!(null, deflated, true);
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}

/**
 * fflate writes an entry's date in local time (zip dates have no time zone), so give it a date whose local fields
 * are `date`'s UTC fields: the bytes do not depend on the machine's time zone (but for a time in the hour a zone skips
 * when its clocks go forward, which reads an hour later there). Zip dates run from 1980 to 2099 in fflate; outside
 * that, the first or last day.
 */
function dosDate(date: Date): Date {
  const year = date.getUTCFullYear();
  if (year < 1980) return new Date(1980, 0, 1);
  if (year > 2099) return new Date(2099, 11, 31);
  return new Date(year, date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
}
