import { randomBytes } from 'node:crypto';
import { link, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Temporary files this process is writing now (so that its own cleanup never takes one from under a write). */
const writing = new Set<string>();

/**
 * Writes a file so that it is either complete or absent: write to a temporary name in the same folder, then
 * rename (atomic on one filesystem). An interrupted run never leaves half a PDF where a whole one was expected.
 * `exclusive`: never replace a file already there (it fails with EEXIST instead): the temporary file is linked to
 * the final name, which no other writer can take in between, then removed.
 */
export async function writeFileAtomic(path: string, data: Uint8Array, options: { exclusive?: boolean } = {}): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.partial`;
  writing.add(temporary);
  try {
    await writeFile(temporary, data);
    if (options.exclusive) {
      await link(temporary, path);
      await rm(temporary, { force: true });
    } else await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    writing.delete(temporary);
  }
}

/** Whether this process is writing `file` (a temporary name) now, so that a cleanup never takes it from under a write. */
export function isBeingWritten(file: string): boolean {
  return writing.has(file);
}
