/**
 * Browser profiles a killed run left in the temporary folder (they held the students' names in History) are
 * removed by the next run, and only those: a live process's profile, another machine's, one this process is using,
 * and any folder iepkit did not name are left alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeProfileDir, removeProfileDir, removeStaleProfiles } from '../../../src/render/pdf/browser-profile.js';
import { isProcessRunning, processesMentioning } from '../../../src/render/pdf/processes.js';

const HOST = createHash('sha256').update(os.hostname()).digest('hex').slice(0, 8);
const OTHER_HOST = HOST === '00000000' ? '11111111' : '00000000';
const DEAD_PID = 4_194_000;

let tmp: string;
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  vi.unstubAllEnvs();
  rmSync(tmp, { recursive: true, force: true });
});

function freshTmp(): string {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'iepkit-profiles-test-'));
  return tmp;
}

/** A profile folder as a browser leaves it, with a History that names the student. */
function profile(name: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(path.join(dir, 'Default'), { recursive: true });
  writeFileSync(path.join(dir, 'Default', 'History'), 'SQLite format 3\0 Maya Thompson');
  return dir;
}

/** A process that keeps running until the test ends, its command line naming `mention`. */
function liveProcess(mention = 'idle'): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '--', mention], { stdio: 'ignore' });
  children.push(child);
  return child;
}

describe('removeStaleProfiles', () => {
  it('removes the profile of a process that is gone, and keeps a live process\'s', () => {
    freshTmp();
    expect(isProcessRunning(DEAD_PID)).toBe(false);
    const live = liveProcess();
    const dead = profile(`iepkit-chromium-${DEAD_PID}-${HOST}-AbC123`);
    const alive = profile(`iepkit-chromium-${live.pid}-${HOST}-XyZ789`);
    expect(removeStaleProfiles(tmp)).toEqual([dead]);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(path.join(alive, 'Default', 'History'))).toBe(true);
  });

  it('leaves another machine\'s profiles and folders iepkit did not name', () => {
    freshTmp();
    const others = [
      profile(`iepkit-chromium-${DEAD_PID}-${OTHER_HOST}-AbC123`),
      profile('iepkit-chromium-AbC123'),
      profile(`someone-else-${DEAD_PID}-${HOST}-AbC123`),
      profile(`iepkit-chromium-${DEAD_PID}-${HOST}-AbC123-copy`),
    ];
    expect(removeStaleProfiles(tmp)).toEqual([]);
    for (const dir of others) expect(existsSync(dir), dir).toBe(true);
  });

  it('removes a folder with this process\'s pid that an earlier process left, never one made since it started', () => {
    freshTmp();
    vi.stubEnv('TMPDIR', tmp);
    const inUse = makeProfileDir();
    expect(path.dirname(inUse)).toBe(tmp);
    expect(path.basename(inUse)).toMatch(new RegExp(`^iepkit-chromium-${process.pid}-${HOST}-[A-Za-z0-9]{6}$`));
    // A container's processes get the same pids run after run: this folder was last changed before we started.
    const earlier = profile(`iepkit-chromium-${process.pid}-${HOST}-AbC123`);
    const beforeStart = new Date(Date.now() - process.uptime() * 1000 - 60_000);
    utimesSync(earlier, beforeStart, beforeStart);
    // Made since this process started, by another copy of the module (a worker thread): in use.
    const sibling = profile(`iepkit-chromium-${process.pid}-${HOST}-DeF456`);
    expect(removeStaleProfiles(tmp)).toEqual([earlier]);
    expect(existsSync(inUse)).toBe(true);
    expect(existsSync(sibling)).toBe(true);
    removeProfileDir(inUse);
    expect(existsSync(inUse)).toBe(false);
  });

  it.runIf(process.platform === 'linux')('ends a browser still running on a dead run\'s profile before removing it', async () => {
    freshTmp();
    const dir = profile(`iepkit-chromium-${DEAD_PID}-${HOST}-AbC123`);
    const orphan = liveProcess(`--user-data-dir=${dir}`);
    const exited = new Promise((resolve) => orphan.once('exit', (_code, signal) => resolve(signal)));
    // Until it has exec'd, /proc shows the test runner's command line.
    await vi.waitFor(() => expect(processesMentioning(dir)).toEqual([orphan.pid]), { timeout: 5000 });
    expect(removeStaleProfiles(tmp)).toEqual([dir]);
    expect(await exited).toBe('SIGKILL');
    expect(existsSync(dir)).toBe(false);
  });

  it('removes the singleton socket folder a killed browser left beside its profile, and nothing it does not own', () => {
    freshTmp();
    const dir = profile(`iepkit-chromium-${DEAD_PID}-${HOST}-AbC123`);
    const socketDir = path.join(tmp, 'org.chromium.Chromium.QwErTy');
    mkdirSync(socketDir);
    writeFileSync(path.join(socketDir, 'SingletonSocket'), '');
    symlinkSync(path.join(socketDir, 'SingletonSocket'), path.join(dir, 'SingletonSocket'));
    // A link that points outside the temporary folder is not followed.
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'iepkit-profiles-elsewhere-'));
    try {
      writeFileSync(path.join(elsewhere, 'SingletonSocket'), '');
      expect(isProcessRunning(DEAD_PID + 1)).toBe(false);
      const other = profile(`iepkit-chromium-${DEAD_PID + 1}-${HOST}-AbC123`);
      symlinkSync(path.join(elsewhere, 'SingletonSocket'), path.join(other, 'SingletonSocket'));
      expect(removeStaleProfiles(tmp).sort()).toEqual([dir, other].sort());
      expect(existsSync(socketDir)).toBe(false);
      expect(existsSync(path.join(elsewhere, 'SingletonSocket'))).toBe(true);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
