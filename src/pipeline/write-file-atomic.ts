import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isBeingWritten } from '../load/write-file-atomic.js';
import { isProcessRunning } from '../render/pdf/processes.js';

// Moved to src/load so that src/translate (the translation memory, XLIFF import) writes files the same way.
export { writeFileAtomic } from '../load/write-file-atomic.js';

/** `<final name>.<pid>-<hex>.partial`: the temporary name a file is written under before it is renamed. */
const PARTIAL_FILE = /\.(\d+)-[0-9a-f]+\.partial$/;

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
    if (pid === undefined || isBeingWritten(file) || (pid !== process.pid && isProcessRunning(pid))) continue;
    await rm(file, { force: true });
  }
}
