import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { link, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { Diagnostic } from '../model/diagnostic.js';
import { isProcessRunning } from '../pipeline/index.js';

/** The lock file a batch holds in its output folder while it runs. */
export const LOCK_FILE = '.iepkit-batch.lock';

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

/** Another batch holds the output folder: two writers would leave a manifest that disagrees with the files. */
export class OutputLockedError extends Error {
  readonly diagnostic: Diagnostic;

  constructor(file: string, owner: LockOwner | undefined) {
    const who = owner ? `process ${owner.pid} on ${owner.host}, started ${owner.startedAt}` : 'another process';
    const message = `another batch is writing to this folder (${who})`;
    super(message);
    this.name = 'OutputLockedError';
    this.diagnostic = {
      code: 'output-locked',
      severity: 'error',
      file,
      message,
      hint: 'wait for it to finish, or use another --out folder; if that batch is gone (e.g. its machine stopped), delete the lock file',
    };
  }
}

/**
 * Takes the output folder for this process: creates the lock file exclusively (a hard link, which fails when the lock
 * exists), and takes over a lock left
 * by a dead process of this machine. Hand-written rather than a lock library because staleness here is exact (is
 * that pid alive on this host?) where libraries guess from the lock's age, which would take over a slow live batch.
 * Returns the release function; the lock is released on every normal end and on SIGINT/SIGTERM (the batch command
 * ends through its `finally`); a SIGKILLed batch's lock is taken over at the next start.
 */
export async function lockOutputFolder(outDir: string): Promise<() => Promise<void>> {
  const file = join(outDir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    // Written whole under a private name, then linked to the lock's name (link fails if it exists): nobody ever
    // reads a lock that is there but still empty.
    const draft = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.partial`;
    await writeFile(draft, JSON.stringify(me) + '\n', { flag: 'wx' });
    try {
      await link(draft, file);
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await rm(draft, { force: true });
    }
    const owner = await readOwner(file);
    // A lock of a dead process of this machine, or an unreadable one left long ago.
    if ((owner && owner.host === me.host && !isProcessRunning(owner.pid)) || (!owner && (await ageMs(file)) > 60_000)) {
      await rm(file, { force: true });
      continue;
    }
    throw new OutputLockedError(file, owner);
  }
  throw new OutputLockedError(file, await readOwner(file));
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8')) as LockOwner;
    return Number.isInteger(owner.pid) && typeof owner.host === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

async function ageMs(file: string): Promise<number> {
  try {
    return Date.now() - (await stat(file)).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
