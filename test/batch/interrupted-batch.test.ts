/**
 * A district batch stopped half way (the machine killed, or `kill` on the job): what is in the output folder is
 * complete, and `iep batch --resume` finishes the rest with a manifest that matches the files on disk.
 *
 * The real CLI, spawned in its own process group, over copies of an example (each its own student id) in the
 * student and family layouts, DOCX and PDF: 16 documents, so a stop after the first one lands mid-run.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  copyExample,
  expectEveryFileComplete,
  expectManifestComplete,
  iep,
  journalLines,
  makeWorkspace,
  outputFiles,
  partialFiles,
  processesUsing,
  readManifest,
  spawnIep,
  waitFor,
  type Workspace,
} from './batch-helpers.js';

const INPUTS = 8;
const DEAD_PID = 4_194_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
const LAYOUTS = ['student', 'family'];
const DOCUMENTS = INPUTS * LAYOUTS.length;

beforeAll(() => {
  expect(inject('buildError')).toBe('');
});

let ws: Workspace | undefined;
afterEach(() => ws?.cleanup());

function setUp(name: string): { ws: Workspace; args: string[] } {
  ws = makeWorkspace(name);
  for (let i = 1; i <= INPUTS; i++) copyExample(ws, 'maya-thompson', `7000000${String(i).padStart(2, '0')}`);
  const args = ['batch', path.join(ws.inDir, '*.iep.yaml'), '--out', ws.outDir, '--layouts', LAYOUTS.join(','), '--langs', 'en', '--formats', 'docx,pdf', '--concurrency', '2'];
  return { ws, args };
}

async function resumeToTheEnd(ws: Workspace, args: string[]): Promise<void> {
  const resumed = await iep([...args, '--resume'], ws);
  expect(resumed.stderr).not.toMatch(/^\s+at \S/m);
  expect(resumed.code, resumed.stderr).toBe(0);
  const manifest = expectManifestComplete(ws.outDir, DOCUMENTS);
  // The documents journaled before the stop were not printed again.
  expect(manifest.summary.skipped).toBeGreaterThanOrEqual(1);
  expect(outputFiles(ws.outDir)).toHaveLength(DOCUMENTS * 2);
  await expectEveryFileComplete(ws.outDir);
  expect(partialFiles(ws.outDir)).toEqual([]);
  await waitFor('the browser of the resumed run to exit', () => processesUsing(ws.tmpDir).length === 0, 10_000);
}

describe('iep batch stopped mid-run', () => {
  it('SIGKILL of the whole process group leaves only complete files, and --resume finishes the batch', async () => {
    const { ws, args } = setUp('sigkill');
    const run = spawnIep(args, ws);
    await waitFor('the first journal line', () => journalLines(ws.outDir) >= 1, 120_000, 20);
    process.kill(-run.child.pid!, 'SIGKILL');
    const killed = await run.exited;
    expect(killed.signal).toBe('SIGKILL');

    // No manifest (the run never got that far), fewer documents than asked for, and each of them whole.
    expect(existsSync(path.join(ws.outDir, 'manifest.json'))).toBe(false);
    expect(outputFiles(ws.outDir).length).toBeLessThan(DOCUMENTS * 2);
    await expectEveryFileComplete(ws.outDir);
    // The browser notices its pipe closed and exits by itself.
    await waitFor('the killed run\'s browser to exit', () => processesUsing(ws.tmpDir).length === 0, 15_000);

    await resumeToTheEnd(ws, args);
  }, 300_000);

  it('SIGTERM finishes the documents in progress, writes the manifest, leaves no browser, exits 143', async () => {
    const { ws, args } = setUp('sigterm');
    const run = spawnIep(args, ws);
    await waitFor('the first journal line', () => journalLines(ws.outDir) >= 1, 120_000, 20);
    run.child.kill('SIGTERM');
    const stopped = await run.exited;
    expect(stopped.code, stopped.stderr).toBe(143);
    expect(stopped.stderr).toContain('SIGTERM: finishing the documents in progress');
    expect(stopped.stderr).not.toMatch(/^\s+at \S/m);

    // Right after exit: no process of this run's browser, no temporary file, every file whole.
    expect(processesUsing(ws.tmpDir)).toEqual([]);
    expect(partialFiles(ws.outDir)).toEqual([]);
    await expectEveryFileComplete(ws.outDir);
    const manifest = readManifest(ws.outDir);
    expect(manifest.interrupted).toBe(true);
    expect(manifest.summary.pending).toBeGreaterThan(0);
    expect(manifest.summary.done).toBeGreaterThanOrEqual(1);
    expect(manifest.summary.total).toBe(DOCUMENTS);
    // What the manifest says is done is on disk; pending documents have no outputs.
    for (const entry of manifest.entries) {
      if (entry.status === 'pending') expect(entry.outputs).toEqual([]);
      else expect(entry.status).toBe('done');
    }
    expect(outputFiles(ws.outDir)).toHaveLength(manifest.summary.done * 2);

    await resumeToTheEnd(ws, args);
  }, 300_000);

  it('removes the temporary files a killed run left behind, and does not list them', async () => {
    ws = makeWorkspace('partials');
    copyExample(ws, 'maya-thompson', '700000100');
    const args = ['batch', path.join(ws.inDir, '*.iep.yaml'), '--out', ws.outDir, '--layouts', 'student', '--langs', 'en', '--formats', 'docx'];
    expect((await iep(args, ws)).code).toBe(0);
    // What writeFileAtomic leaves when its process is killed between write and rename: `<final>.<pid>-<hex>.partial`,
    // here from a process that does not exist.
    expect(isAlive(DEAD_PID)).toBe(false);
    const stale = [`700000100-student-en-v1.docx.${DEAD_PID}-0badf00d.partial`, `manifest.json.${DEAD_PID}-deadbeef.partial`];
    for (const name of stale) writeFileSync(path.join(ws.outDir, name), 'half a file');
    const resumed = await iep([...args, '--resume'], ws);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(partialFiles(ws.outDir)).toEqual([]);
    const manifest = expectManifestComplete(ws.outDir, 1);
    expect(manifest.summary.skipped).toBe(1);
  }, 120_000);
});
