/**
 * The browser's processes as the operating system sees them: to measure its memory and to make sure none of them
 * outlives the pool. Linux answers through /proc; elsewhere the functions answer "unknown" and the pool relies on
 * puppeteer and the process group alone.
 */
import { readdirSync, readFileSync } from 'node:fs';

const hasProc = process.platform === 'linux';

function pids(): number[] {
  if (!hasProc) return [];
  try {
    return readdirSync('/proc')
      .filter((n) => /^\d+$/.test(n))
      .map(Number);
  } catch {
    return [];
  }
}

function readOr(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Processes in a process group (the browser is launched detached, so it leads its own group). */
export function processGroupMembers(pgid: number): number[] {
  return pids().filter((pid) => {
    const stat = readOr(`/proc/${pid}/stat`);
    if (!stat) return false;
    // Fields after the parenthesised command name: state ppid pgrp ...
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[2]) === pgid;
  });
}

/** Processes whose command line contains `text` (our unique user-data-dir), other than this process. */
export function processesMentioning(text: string): number[] {
  return pids().filter((pid) => pid !== process.pid && (readOr(`/proc/${pid}/cmdline`)?.includes(text) ?? false));
}

/**
 * Memory of a set of processes in bytes: proportional set size (shared pages split between sharers) where the
 * kernel reports it, resident set size otherwise. Undefined where /proc is unavailable.
 */
export function memoryBytes(processIds: readonly number[]): number | undefined {
  if (!hasProc || processIds.length === 0) return undefined;
  let total = 0;
  for (const pid of processIds) {
    const rollup = readOr(`/proc/${pid}/smaps_rollup`);
    const pss = rollup && /^Pss:\s+(\d+) kB/m.exec(rollup)?.[1];
    if (pss) {
      total += Number(pss) * 1024;
      continue;
    }
    const rss = readOr(`/proc/${pid}/statm`)?.split(' ')[1];
    if (rss) total += Number(rss) * 4096;
  }
  return total;
}

/**
 * Whether a process with this id exists on this machine: signal 0 checks without sending anything. EPERM means it
 * exists but belongs to another user; only ESRCH means there is none.
 */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Sends SIGKILL, ignoring processes that are already gone. */
export function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
