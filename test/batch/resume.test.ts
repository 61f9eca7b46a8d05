/**
 * `iep batch --resume` after a finished run: unchanged complete documents are skipped (nothing is rendered), a
 * document whose input changed is redone, and so is one whose output file was deleted or altered.
 */
import { appendFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { copyExample, expectManifestComplete, iep, JOURNAL, makeWorkspace, readManifest, root, type Workspace } from './batch-helpers.js';

beforeAll(() => {
  expect(inject('buildError')).toBe('');
});

let ws: Workspace | undefined;
afterEach(() => ws?.cleanup());

const IDS = ['720000001', '720000002', '720000003'];

function setUp(name: string): { ws: Workspace; args: string[] } {
  ws = makeWorkspace(name);
  for (const id of IDS) copyExample(ws, 'maya-thompson', id);
  return { ws, args: ['batch', path.join(ws.inDir, '*.iep.yaml'), '--out', ws.outDir, '--layouts', 'official,student', '--langs', 'en', '--formats', 'docx'] };
}

const statusOf = (outDir: string) => Object.fromEntries(readManifest(outDir).entries.map((e) => [e.id.replace(/^.*\//, ''), e.status]));

describe('iep batch --resume', () => {
  it('skips unchanged complete documents and redoes changed inputs, deleted outputs and altered outputs', async () => {
    const { ws, args } = setUp('resume');
    const first = await iep(args, ws);
    expect(first.code, first.stderr).toBe(0);
    expectManifestComplete(ws.outDir, 6);
    const docx = (id: string, layout: string) => path.join(ws.outDir, `${id}-${layout}-en-v1.docx`);
    const mtime = statSync(docx(IDS[0]!, 'official')).mtimeMs;

    // Nothing changed: nothing is rendered, no file is rewritten.
    const second = await iep([...args, '--resume'], ws);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('0 rendered, 6 skipped (already complete), 0 failed, 0 pending');
    expect(expectManifestComplete(ws.outDir, 6).summary.skipped).toBe(6);
    expect(statSync(docx(IDS[0]!, 'official')).mtimeMs).toBe(mtime);

    // The first input changed (both its documents), the second's official DOCX deleted, the third's student DOCX altered.
    const changed = path.join(ws.inDir, `${IDS[0]}.iep.yaml`);
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('preferredName: Maya', 'preferredName: Maya T.'));
    rmSync(docx(IDS[1]!, 'official'));
    appendFileSync(docx(IDS[2]!, 'student'), 'tampered');

    const third = await iep([...args, '--resume'], ws);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout).toContain('4 rendered, 2 skipped (already complete), 0 failed, 0 pending');
    expect(statusOf(ws.outDir)).toEqual({
      [`${IDS[0]}.iep.yaml#official#en`]: 'done',
      [`${IDS[0]}.iep.yaml#student#en`]: 'done',
      [`${IDS[1]}.iep.yaml#official#en`]: 'done',
      [`${IDS[1]}.iep.yaml#student#en`]: 'skipped',
      [`${IDS[2]}.iep.yaml#official#en`]: 'skipped',
      [`${IDS[2]}.iep.yaml#student#en`]: 'done',
    });
    expectManifestComplete(ws.outDir, 6);
  }, 180_000);

  it('a resume after a resume still skips what the manifest lists as skipped, without the journal', async () => {
    // The manifest of a resumed run calls the documents it did not redo `skipped`. A folder copied without its
    // dot-file journal (or a journal cleared) left only that manifest, and every skipped document was rendered again.
    // (The journal is now removed once manifest.json is written, so the manifest is all a next run has.)
    const { ws, args } = setUp('resume-twice');
    expect((await iep(args, ws)).code).toBe(0);
    expect((await iep([...args, '--resume'], ws)).code).toBe(0);
    rmSync(path.join(ws.outDir, JOURNAL), { force: true });
    const third = await iep([...args, '--resume'], ws);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout).toContain('0 rendered, 6 skipped (already complete)');
    expectManifestComplete(ws.outDir, 6);
  }, 180_000);

  it('redoes everything when the formats change, and a run without --resume renders all again', async () => {
    const { ws, args } = setUp('resume-options');
    expect((await iep(args, ws)).code).toBe(0);
    const html = args.map((a) => (a === 'docx' ? 'docx,html' : a));
    const withHtml = await iep([...html, '--resume'], ws);
    expect(withHtml.stdout).toContain('6 rendered, 0 skipped');
    expectManifestComplete(ws.outDir, 6);
    const again = await iep(html, ws);
    expect(again.stdout).toContain('6 rendered, 0 skipped');
  }, 180_000);

  it('two inputs for the same student do not overwrite each other: the second is reported, not rendered', async () => {
    // Both files would be written as <student-id>-<layout>-<lang>-v<version>.docx; the second silently replaced the first,
    // the manifest listed one file twice with two different sha256s, and every --resume redid one of them.
    const { ws, args } = setUp('same-student');
    const again = copyExample(ws, 'maya-thompson', IDS[0]!);
    const twin = path.join(ws.inDir, 'zz-same-student.iep.yaml');
    writeFileSync(twin, readFileSync(again, 'utf8').replace('preferredName: Maya', 'preferredName: Maya T.'));
    const run = await iep(args, ws);
    expect(run.code, run.stderr).toBe(1);
    const manifest = readManifest(ws.outDir);
    expect(manifest.summary).toMatchObject({ done: 6, failed: 1, pending: 0 });
    // (Globs come back relative to the working directory, which is the repository root here.)
    const failed = manifest.entries.find((e) => path.resolve(root, e.input) === twin)!;
    expect(failed.status).toBe('failed');
    expect(failed.diagnostics[0]).toMatchObject({ code: 'duplicate-student-id', path: 'student.id', line: 14, column: 7 });
    expect(failed.diagnostics[0]!.message).toContain(path.basename(again));
    expect(run.stderr).toMatch(/^ {2}14:7 +error +version 1 of student 720000001's IEP is also in .*duplicate-student-id$/m);
    const resumed = await iep([...args, '--resume'], ws);
    expect(resumed.stdout).toContain('0 rendered, 6 skipped');
  }, 180_000);

  it('two versions of one student\'s IEP (an amendment beside the original) are both written, each under its version', async () => {
    const { ws, args } = setUp('two-versions');
    const original = copyExample(ws, 'maya-thompson', IDS[0]!);
    const amendment = '  version: 2\n  amendment: { date: "2026-11-16", amends: 1, withoutMeeting: true, summary: Reading support moves to four times a week. }\n';
    writeFileSync(path.join(ws.inDir, 'zz-amended.iep.yaml'), readFileSync(original, 'utf8').replace(/^  version: 1\n/m, amendment));
    const run = await iep(args, ws);
    expect(run.code, run.stderr).toBe(0);
    expectManifestComplete(ws.outDir, 8);
    for (const version of ['v1', 'v2']) expect(statSync(path.join(ws.outDir, `${IDS[0]}-official-en-${version}.docx`)).size).toBeGreaterThan(1000);
  }, 180_000);
});
