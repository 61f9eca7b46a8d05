/**
 * The browser's temporary profile folders, named so that a later run can tell they are iepkit's and whose process
 * made them: `iepkit-chromium-<pid>-<host>-XXXXXX` in the temporary directory, where <host> is a short hash of this
 * machine's name. A run that is killed (SIGKILL, a power cut) cannot delete its folder; the next run does.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isProcessRunning, killQuietly, processesMentioning } from './processes.js';

const PREFIX = 'iepkit-chromium-';
const PROFILE_DIR = /^iepkit-chromium-(\d+)-([0-9a-f]{8})-[A-Za-z0-9]{6}$/;

/** Profiles this process made and has not removed yet: the ones with its own pid that are not stale. */
const ownProfiles = new Set<string>();

/**
 * Whether a folder with this process's pid is an earlier process's: one this process is not using, last changed
 * before this process started (so not a worker thread's, which has its own copy of `ownProfiles`).
 */
function leftByEarlierProcess(dir: string): boolean {
  if (ownProfiles.has(dir)) return false;
  const started = Date.now() - process.uptime() * 1000;
  try {
    return statSync(dir).mtimeMs < started;
  } catch {
    return false;
  }
}

/** A process id only means something on the machine that issued it (a temporary folder may be shared). */
function hostTag(): string {
  return createHash('sha256').update(os.hostname()).digest('hex').slice(0, 8);
}

/** Creates a fresh, empty profile folder for a browser this process starts. */
export function makeProfileDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${process.pid}-${hostTag()}-`));
  ownProfiles.add(dir);
  return dir;
}

/** Deletes a profile folder this process made (its browser has been ended). */
export function removeProfileDir(dir: string): void {
  deleteProfile(dir);
  ownProfiles.delete(dir);
}

/**
 * Deletes a profile and the folder of its browser's singleton socket: Chromium makes that one beside the profile
 * (`org.chromium.Chromium.XXXXXX` in the temporary directory) and links it from the profile as SingletonSocket; it
 * deletes it itself on a normal exit, not when it is killed.
 */
function deleteProfile(dir: string): void {
  let socket: string | undefined;
  try {
    socket = readlinkSync(path.join(dir, 'SingletonSocket'));
  } catch {
    // no browser got that far, or it removed its socket itself
  }
  if (socket && path.basename(socket) === 'SingletonSocket' && path.dirname(path.dirname(socket)) === path.dirname(dir)) {
    rmSync(path.dirname(socket), { recursive: true, force: true });
  }
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
}

/**
 * Removes the profile folders that runs killed before they could clean up left in the temporary directory: those
 * made on this machine by a process that no longer runs, or by an earlier process that had this one's pid (a
 * container's processes get the same pids run after run). A browser still running on such a folder (its run was
 * killed, it has not noticed yet) is ended first. A live process's folder, another machine's, or a name iepkit did
 * not make is never touched. Returns the folders removed.
 */
export function removeStaleProfiles(tmpDir: string = os.tmpdir()): string[] {
  let names: string[];
  try {
    names = readdirSync(tmpDir);
  } catch {
    return [];
  }
  const host = hostTag();
  const removed: string[] = [];
  for (const name of names) {
    const match = PROFILE_DIR.exec(name);
    if (!match || match[2] !== host) continue;
    const pid = Number(match[1]);
    const dir = path.join(tmpDir, name);
    const stale = pid === process.pid ? leftByEarlierProcess(dir) : !isProcessRunning(pid);
    if (!stale) continue;
    for (const browserPid of processesMentioning(dir)) {
      // Launched detached, a browser leads its own process group: its renderers and helpers go with it.
      killQuietly(-browserPid);
      killQuietly(browserPid);
    }
    try {
      deleteProfile(dir);
      removed.push(dir);
    } catch {
      // Not ours to delete after all (another user's, read-only): leave it rather than fail the run.
    }
  }
  return removed;
}
