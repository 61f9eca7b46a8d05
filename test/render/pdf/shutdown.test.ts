/**
 * No Chromium outlives the program: a child process prints a PDF, then is stopped by SIGTERM or SIGINT, ends
 * normally, or calls process.exit without closing; afterwards no process uses its browser profile.
 */
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { closePoolOnSignals } from '../../../src/cli/shutdown.js';
import { processesWith } from './pdf-tools.js';

const script = fileURLToPath(new URL('../../fixtures/pdf/render-then-wait.ts', import.meta.url));
// `tsx` as a loader in this very node process (what `npx tsx` does, without npm and a second process in between,
// so the signal reaches our handler directly).
const tsx = createRequire(import.meta.url).resolve('tsx');

interface Child {
  ready: Promise<{ userDataDir: string; browserPid: number; bytes: number }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill: (signal: NodeJS.Signals) => void;
}

function runChild(mode: string): Child {
  const child = spawn(process.execPath, ['--import', tsx, script, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const ready = new Promise<{ userDataDir: string; browserPid: number; bytes: number }>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line) as { userDataDir: string; browserPid: number; bytes: number });
    });
    child.on('exit', () => reject(new Error(`child exited before it was ready: ${err}`)));
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { ready, exited, kill: (signal) => child.kill(signal) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('closePoolOnSignals in a real process', () => {
  it('on SIGTERM closes the browser, then exits with 143', async () => {
    const child = runChild('wait');
    const { userDataDir, bytes } = await child.ready;
    expect(bytes).toBeGreaterThan(1000);
    expect(processesWith(userDataDir).length).toBeGreaterThan(0);
    child.kill('SIGTERM');
    expect(await child.exited).toEqual({ code: 143, signal: null });
    await settle();
    expect(processesWith(userDataDir)).toEqual([]);
    expect(existsSync(userDataDir)).toBe(false);
  });

  it('on SIGINT closes the browser, then exits with 130', async () => {
    const child = runChild('wait');
    const { userDataDir } = await child.ready;
    child.kill('SIGINT');
    expect(await child.exited).toEqual({ code: 130, signal: null });
    await settle();
    expect(processesWith(userDataDir)).toEqual([]);
  });

  it('after a normal end leaves no browser', async () => {
    const child = runChild('normal');
    const { userDataDir } = await child.ready;
    expect(await child.exited).toEqual({ code: 0, signal: null });
    await settle();
    expect(processesWith(userDataDir)).toEqual([]);
    expect(existsSync(userDataDir)).toBe(false);
  });

  it('after process.exit without close() leaves no browser either', async () => {
    const child = runChild('hard-exit');
    const { userDataDir } = await child.ready;
    expect(await child.exited).toEqual({ code: 0, signal: null });
    await settle();
    expect(processesWith(userDataDir)).toEqual([]);
    expect(existsSync(userDataDir)).toBe(false);
  });
});

describe('closePoolOnSignals', () => {
  it('closes every pool before exiting, and kills them at once on a second signal', async () => {
    const events: string[] = [];
    let finishClose: () => void = () => undefined;
    const pool = {
      close: () => new Promise<void>((resolve) => { events.push('close'); finishClose = () => { events.push('closed'); resolve(); }; }),
      killNow: () => events.push('killNow'),
    };
    const exits: number[] = [];
    const signals = new EventEmitter();
    const remove = closePoolOnSignals(pool, { exit: (code) => exits.push(code), signals });
    try {
      signals.emit('SIGTERM');
      expect(events).toEqual(['close']);
      expect(exits).toEqual([]);
      signals.emit('SIGINT'); // impatient second signal
      expect(events).toEqual(['close', 'killNow']);
      expect(exits).toEqual([130]);
      finishClose();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(exits).toEqual([130, 143]);
    } finally {
      remove();
    }
    expect(signals.listenerCount('SIGTERM')).toBe(0);
  });
});
