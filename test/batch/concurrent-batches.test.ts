/**
 * Issue 13 part 5, "concurrent batches into one folder": two batches at once into the same --out left a manifest
 * whose sha256 values differed from the files, or with only one batch's entries. The folder is now locked: the
 * second batch says who holds it and exits 5 without touching anything; a lock left by a killed batch is taken
 * over. And --resume finds documents by their input's content, so a folder of inputs copied elsewhere resumes too.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { copyExample, expectManifestComplete, iep, makeWorkspace, readManifest, spawnIep, waitFor, type Workspace } from './batch-helpers.js';

beforeAll(() => {
  expect(inject('buildError')).toBe('');
});

let ws: Workspace | undefined;
afterEach(() => ws?.cleanup());

const LOCK = '.iepkit-batch.lock';
const docxArgs = (w: Workspace, inputs = path.join(w.inDir, '*.iep.yaml')) => ['batch', inputs, '--out', w.outDir, '--layouts', 'official,family,student', '--langs', 'en', '--formats', 'docx', '--concurrency', '1'];

describe('two batches into one folder', () => {
  it('the second is refused with who holds the folder, and the first completes with a manifest that matches its files', async () => {
    ws = makeWorkspace('concurrent');
    for (let i = 1; i <= 8; i++) copyExample(ws, 'mateo-almonte', `73000000${i}`);
    const first = spawnIep(docxArgs(ws), ws);
    await waitFor('the first batch to take the folder', () => existsSync(path.join(ws!.outDir, LOCK)), 30_000);
    const holder = JSON.parse(readFileSync(path.join(ws.outDir, LOCK), 'utf8')) as { pid: number; host: string };
    expect(holder).toMatchObject({ pid: first.child.pid, host: hostname() });

    const second = await iep(docxArgs(ws), ws);
    expect(second.code).toBe(5);
    expect(second.stderr).toContain(`another batch is writing to this folder (process ${first.child.pid} on ${hostname()}`);
    expect(second.stderr).toContain('output-locked');

    expect((await first.exited).code).toBe(0);
    expectManifestComplete(ws.outDir, 24);
    expect(existsSync(path.join(ws.outDir, LOCK))).toBe(false);
  });

  it('a lock left by a batch that is gone (a dead process of this machine) is taken over', async () => {
    ws = makeWorkspace('stale-lock');
    copyExample(ws, 'maya-thompson', '730000010');
    mkdirSync(ws.outDir, { recursive: true });
    // A process id that cannot be alive: above the kernel's maximum.
    writeFileSync(path.join(ws.outDir, LOCK), JSON.stringify({ pid: 2 ** 22 + 1, host: hostname(), startedAt: '2026-12-01T00:00:00Z' }));
    const run = await iep(docxArgs(ws), ws);
    expect(run.code, run.stderr).toBe(0);
    expectManifestComplete(ws.outDir, 3);
  });
});

describe('--resume after the inputs moved', () => {
  it('finds complete documents by their input content, not their path', async () => {
    ws = makeWorkspace('moved-inputs');
    for (const id of ['730000020', '730000021']) copyExample(ws, 'maya-thompson', id);
    const first = await iep(docxArgs(ws), ws);
    expect(first.code, first.stderr).toBe(0);
    const moved = path.join(ws.dir, 'moved');
    cpSync(ws.inDir, moved, { recursive: true });
    const again = await iep([...docxArgs(ws, path.join(moved, '*.iep.yaml')), '--resume'], ws);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('0 rendered, 6 skipped (already complete), 0 failed, 0 pending');
    // The manifest now names the inputs where they are.
    expect(readManifest(ws.outDir).entries.every((e) => e.input.startsWith(moved))).toBe(true);
  });
});
