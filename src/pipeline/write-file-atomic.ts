import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** `<final name>.<pid>-<hex>.partial`: the temporary name a file is written under before it is renamed. */
const PARTIAL_FILE = /\.(\d+)-[0-9a-f]+\.partial$/;

/**
 * Writes a file so that it is either complete or absent: write to a temporary name in the same folder, then
 * rename (atomic on one filesystem). An interrupted run never leaves half a PDF where a whole one was expected.
 */
export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.partial`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The process id that wrote a temporary file left by `writeFileAtomic` (a run killed mid-write), else undefined. */
export function partialFileWriter(name: string): number | undefined {
  const pid = PARTIAL_FILE.exec(name)?.[1];
  return pid === undefined ? undefined : Number(pid);
}
