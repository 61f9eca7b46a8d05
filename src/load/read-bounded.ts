import { open } from 'node:fs/promises';

/** What reading at most `max` bytes of a file gave: its bytes, or that it holds more (with its size when known). */
export type BoundedRead = { bytes: Buffer } | { tooLarge: true; size?: number };

/**
 * Reads a file, but never more than `max` + 1 bytes: a regular file's size is checked before reading (a 2 GB sparse
 * file is refused without being read), and a character device, pipe or FIFO (`/dev/zero`, `<(cat big)`) is read as a
 * stream and abandoned at the first byte past the limit. Errors (no such file, a folder, permission) are thrown as
 * Node's own, for the caller to word.
 */
export async function readBounded(path: string, max: number): Promise<BoundedRead> {
  const handle = await open(path, 'r');
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path} is a folder`), { code: 'EISDIR' });
    if (stat.isFile() && stat.size > max) return { tooLarge: true, size: stat.size };
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(64 * 1024);
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, Math.min(chunk.length, max + 1 - total), null);
      if (bytesRead === 0) break;
      chunks.push(Buffer.from(chunk.subarray(0, bytesRead)));
      total += bytesRead;
      if (total > max) return { tooLarge: true, ...(stat.isFile() ? { size: stat.size } : {}) };
    }
    return { bytes: Buffer.concat(chunks, total) };
  } finally {
    await handle.close();
  }
}
