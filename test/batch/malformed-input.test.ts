/**
 * One bad file among good ones does not stop a district batch: it is reported in the manifest (failed, with its
 * diagnostics and where they are), the others are produced, and the exit code says something failed.
 */
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { copyExample, docxHasDocument, iep, makeWorkspace, pdfPages, readManifest, root, sha256, type Workspace } from './batch-helpers.js';

beforeAll(() => {
  expect(inject('buildError')).toBe('');
});

let ws: Workspace | undefined;
afterEach(() => ws?.cleanup());

describe('iep batch with a malformed input', () => {
  it('reports the bad file as failed with code and line, produces the others, and exits 1', async () => {
    ws = makeWorkspace('malformed');
    const good = [copyExample(ws, 'maya-thompson', '710000001'), copyExample(ws, 'mateo-almonte', '710000002')];
    const bad = path.join(ws.inDir, 'broken.iep.yaml');
    copyFileSync(path.join(root, 'test/fixtures/malformed/yaml-syntax-error.iep.yaml'), bad);

    const run = await iep(['batch', good[0]!, bad, good[1]!, '--out', ws.outDir, '--layouts', 'student', '--langs', 'en', '--formats', 'docx,pdf'], ws);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).not.toMatch(/^\s+at \S/m);
    // Printed like a compiler: the file, then line:column, severity, message, code.
    expect(run.stderr).toContain(bad);
    expect(run.stderr).toMatch(/^ {2}32:17 +error +.*syntax-error$/m);
    expect(run.stdout).toContain('2 rendered, 0 skipped (already complete), 1 failed, 0 pending');

    const manifest = readManifest(ws.outDir);
    expect(manifest.summary).toEqual({ total: 3, done: 2, skipped: 0, failed: 1, pending: 0 });
    // Entries follow the order of the inputs on the command line.
    expect(manifest.entries.map((e) => e.input)).toEqual([good[0], bad, good[1]]);
    const failed = manifest.entries.find((e) => e.input === bad)!;
    expect(failed.status).toBe('failed');
    expect(failed.outputs).toEqual([]);
    expect(failed.diagnostics[0]).toMatchObject({ code: 'syntax-error', severity: 'error', file: bad, line: 32, column: 17 });

    for (const entry of manifest.entries.filter((e) => e.input !== bad)) {
      expect(entry.status).toBe('done');
      expect(entry.outputs.map((o) => o.format).sort()).toEqual(['docx', 'pdf']);
      for (const output of entry.outputs) {
        const file = path.join(ws.outDir, output.path);
        expect(sha256(file)).toBe(output.sha256);
        if (output.format === 'pdf') expect(pdfPages(file)).toBe(1);
        else expect(await docxHasDocument(file)).toBe(true);
      }
    }
  }, 180_000);

  it('reports an invalid (schema) file with its JSON path and line, and a missing file, without a stack trace', async () => {
    ws = makeWorkspace('invalid');
    const good = copyExample(ws, 'maya-thompson', '710000003');
    const invalid = path.join(ws.inDir, 'invalid.iep.yaml');
    copyFileSync(path.join(root, 'test/fixtures/malformed/wrong-type-number.iep.yaml'), invalid);
    const missing = path.join(ws.inDir, 'gone.iep.yaml');

    const run = await iep(['batch', invalid, good, missing, '--out', ws.outDir, '--layouts', 'student', '--langs', 'en', '--formats', 'docx'], ws);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).not.toMatch(/^\s+at \S/m);
    const manifest = readManifest(ws.outDir);
    expect(manifest.summary).toMatchObject({ total: 3, done: 1, failed: 2, pending: 0 });
    const byInput = new Map(manifest.entries.map((e) => [e.input, e]));
    expect(byInput.get(invalid)!.diagnostics).toContainEqual(expect.objectContaining({ code: 'wrong-type', path: 'student.firstName', line: 8, column: 14 }));
    expect(byInput.get(missing)!.diagnostics).toContainEqual(expect.objectContaining({ code: 'file-unreadable', file: missing }));
    expect(existsSync(path.join(ws.outDir, '710000003-student-en-v1.docx'))).toBe(true);
  }, 120_000);
});
