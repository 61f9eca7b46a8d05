/**
 * No student data left on disk. A batch killed after its browser started left the browser's profile folder in the
 * temporary directory, with each document's title (the student's full name) in its History, and nothing ever
 * removed it; `iep render` never removed the half-written files of a killed run either. Now the profile keeps
 * nothing of a document, the next `iep render` or `iep batch` removes what killed runs left, and a live run's
 * files are left alone.
 *
 * The real CLI, spawned in its own process group with TMPDIR set to a folder of its own, as in
 * test/batch/interrupted-batch.test.ts. These tests launch Chromium: run this file alone.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  copyExample,
  expectManifestComplete,
  iep,
  journalLines,
  makeWorkspace,
  partialFiles,
  processesUsing,
  spawnIep,
  waitFor,
  type Workspace,
} from '../batch/batch-helpers.js';
import { isProcessRunning } from '../../src/render/pdf/processes.js';

/** The example's student; each copy keeps the name and gets its own id. */
const STUDENT = ['Maya', 'Thompson'];
const INPUTS = 4;
const DEAD_PID = 4_194_000;

beforeAll(() => {
  expect(inject('buildError')).toBe('');
});

let ws: Workspace | undefined;
afterEach(() => ws?.cleanup());

function setUp(name: string): { ws: Workspace; args: string[]; ids: string[] } {
  ws = makeWorkspace(name);
  const ids: string[] = [];
  for (let i = 1; i <= INPUTS; i++) {
    const id = `7100000${String(i).padStart(2, '0')}`;
    copyExample(ws, 'maya-thompson', id);
    ids.push(id);
  }
  const args = ['batch', path.join(ws.inDir, '*.iep.yaml'), '--out', ws.outDir, '--layouts', 'official,student', '--langs', 'en,es', '--formats', 'pdf', '--concurrency', '2'];
  return { ws, args, ids };
}

/** Every regular file under `dir`, recursively (symlinks and sockets are not read). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => lstatSync(file).isFile());
}

/**
 * Files under `dir` whose bytes contain any of `texts`, in UTF-8 or UTF-16 (the browser's session files store
 * titles as UTF-16), compared byte for byte so that binary files (SQLite, LevelDB) are searched too.
 */
function filesContaining(dir: string, texts: readonly string[]): string[] {
  const needles = texts.flatMap((t) => [Buffer.from(t, 'utf8'), Buffer.from(t, 'utf16le')]);
  return filesUnder(dir).filter((file) => {
    const bytes = readFileSync(file);
    return needles.some((needle) => bytes.includes(needle));
  });
}

const profilesIn = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('iepkit-chromium-'));

describe('no student data left on disk', () => {
  it('a batch killed with SIGKILL of its process group leaves no student\'s name in its browser profile, and the next run removes the profile', async () => {
    const { ws, args, ids } = setUp('no-data-sigkill');
    const run = spawnIep(args, ws);
    await waitFor('the first journal line', () => journalLines(ws.outDir) >= 1, 120_000, 20);
    process.kill(-run.child.pid!, 'SIGKILL');
    expect((await run.exited).signal).toBe('SIGKILL');
    // The browser notices its pipe closed and exits by itself, writing what it keeps as it goes.
    await waitFor("the killed run's browser to exit", () => processesUsing(ws.tmpDir).length === 0, 15_000);

    // The killed run could not remove its profile, but nothing in it says whose documents were printed.
    const left = profilesIn(ws.tmpDir);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(new RegExp(`^iepkit-chromium-${run.child.pid}-[0-9a-f]{8}-[A-Za-z0-9]{6}$`));
    expect(filesUnder(ws.tmpDir).length, 'the browser wrote its profile').toBeGreaterThan(10);
    expect(filesContaining(ws.tmpDir, [...STUDENT, ...ids, 'document.html'])).toEqual([]);

    // The next run (here one that prints no PDF, so it starts no browser) removes the dead run's profile.
    const next = await iep(['render', path.join(ws.inDir, `${ids[0]}.iep.yaml`), '--formats', 'docx', '--out', path.join(ws.dir, 'next')], ws);
    expect(next.code, next.stderr).toBe(0);
    expect(profilesIn(ws.tmpDir)).toEqual([]);
    expect(filesContaining(ws.tmpDir, [...STUDENT, ...ids])).toEqual([]);
  }, 300_000);

  it('a run started while a batch is printing leaves that batch\'s profile alone, and the batch completes', async () => {
    const { ws, args } = setUp('no-data-live');
    const run = spawnIep(args, ws);
    await waitFor('the first journal line', () => journalLines(ws.outDir) >= 1, 120_000, 20);
    const live = profilesIn(ws.tmpDir);
    expect(live).toHaveLength(1);

    const other = await iep(['render', path.join(ws.inDir, '710000001.iep.yaml'), '--formats', 'docx', '--out', path.join(ws.dir, 'other')], ws);
    expect(other.code, other.stderr).toBe(0);
    expect(profilesIn(ws.tmpDir)).toEqual(live);

    const finished = await run.exited;
    expect(finished.code, finished.stderr).toBe(0);
    expectManifestComplete(ws.outDir, INPUTS * 4);
    expect(profilesIn(ws.tmpDir)).toEqual([]);
  }, 300_000);

  it('a second SIGTERM (stop at once) leaves nothing in the temporary folder, not even the browser\'s singleton socket folder', async () => {
    const { ws, args } = setUp('no-data-twice');
    const run = spawnIep(args, ws);
    await waitFor('the first journal line', () => journalLines(ws.outDir) >= 1, 120_000, 20);
    run.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    run.child.kill('SIGTERM');
    const stopped = await run.exited;
    expect(stopped.code, stopped.stderr).toBe(143);
    await waitFor("the run's browser to exit", () => processesUsing(ws.tmpDir).length === 0, 15_000);
    expect(readdirSync(ws.tmpDir)).toEqual([]);
  }, 300_000);

  it('iep render removes the half-written files a killed run left in its output folder, and keeps a live writer\'s', async () => {
    ws = makeWorkspace('no-data-partials');
    const input = copyExample(ws, 'maya-thompson', '710000100');
    // What writeFileAtomic leaves when its process is killed between write and rename: `<final>.<pid>-<hex>.partial`.
    const dead = `710000100-official-en-v1.pdf.${DEAD_PID}-0badf00d.partial`;
    const live = `710000100-student-en-v1.pdf.${process.pid}-cafef00d.partial`;
    expect(isProcessRunning(DEAD_PID)).toBe(false);
    mkdirSync(ws.outDir, { recursive: true });
    for (const name of [dead, live]) writeFileSync(path.join(ws.outDir, name), 'half a PDF of Maya Thompson');
    const run = await iep(['render', input, '--formats', 'docx', '--out', ws.outDir], ws);
    expect(run.code, run.stderr).toBe(0);
    expect(partialFiles(ws.outDir)).toEqual([live]);
  }, 120_000);
});
