import { randomBytes } from 'node:crypto';
import { link, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isProcessRunning } from '../render/pdf/processes.js';

/** `<final name>.<pid>-<hex>.partial`: the temporary name a file is written under before it is renamed. */
const PARTIAL_FILE = /\.(\d+)-[0-9a-f]+\.partial$/;

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

/** The process id that wrote a temporary file left by `writeFileAtomic` (a run killed mid-write), else undefined. */
function partialFileWriter(name: string): number | undefined {
  const pid = PARTIAL_FILE.exec(name)?.[1];
  return pid === undefined ? undefined : Number(pid);
}

/**
 * A run killed between writing a temporary file and renaming it leaves `*.partial` files. They are never taken
 * for outputs, but they pile up run after run: remove those whose writer is gone (or is a previous process that
 * had this one's pid and is not writing it now), leaving any another live process may still be writing. Render and
 * batch call this when they start.
 */
export async function removeStalePartials(outDir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(outDir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = partialFileWriter(name);
    const file = join(outDir, name);
    if (pid === undefined || writing.has(file) || (pid !== process.pid && isProcessRunning(pid))) continue;
    await rm(file, { force: true });
  }
}
