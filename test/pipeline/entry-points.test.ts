/**
 * Every entry point goes through src/pipeline: the library's renderIep, the batch runner and `iep render`'s
 * renderFiles each run their documents as pipeline jobs (runJob), so the --final policy, the glyph check and the
 * atomic writes cannot differ between them. runJob is wrapped in a spy that still does the real work.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as runJobModule from '../../src/pipeline/run-job.js';
import { renderIep } from '../../src/pipeline/render-iep.js';
import { renderFiles } from '../../src/pipeline/render-files.js';
import { runBatch } from '../../src/batch/run-batch.js';
import { examplePath, loadExample } from '../e2e/helpers.js';

vi.mock('../../src/pipeline/run-job.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/pipeline/run-job.js')>();
  return { ...original, runJob: vi.fn(original.runJob) };
});
const runJob = vi.mocked(runJobModule.runJob);

let dir: string | undefined;
// (A hook that returns a function has it called as its cleanup: mockClear returns the mock, so no arrow expression.)
beforeEach(() => {
  runJob.mockClear();
});
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});
const tmp = () => (dir = mkdtempSync(path.join(os.tmpdir(), 'iepkit-entry-')));
const jobsRun = () => runJob.mock.calls.map(([job]) => `${job.layout}#${job.lang}#${job.formats.join('+')}`);

describe('every entry point runs its documents as pipeline jobs', () => {
  it('renderIep: one job with the record in memory, the defaults applied, nothing written', async () => {
    const iep = loadExample('maya-thompson');
    const result = await renderIep(iep, { layout: 'student', formats: ['docx'] });
    expect(jobsRun()).toEqual(['student#en#docx']);
    const [, options, input] = runJob.mock.calls[0]!;
    expect(options).toMatchObject({ profile: 'ny' });
    // No paper size unless asked for: the layout's front matter decides.
    expect(options?.pageSize).toBeUndefined();
    expect(options?.outDir).toBeUndefined();
    expect(await input).toMatchObject({ iep });
    expect(result.outputs.map((o) => o.fileName)).toEqual([`${iep.student.id}-student-en-v1.docx`]);
  });

  it('runBatch: one job per input, layout and language', async () => {
    const out = tmp();
    const inputs = [examplePath('maya-thompson'), examplePath('mateo-almonte')];
    const manifest = await runBatch({ inputs, outDir: out, layouts: ['student'], langs: ['family'], formats: ['docx'] });
    expect(manifest.summary).toMatchObject({ done: 2, failed: 0 });
    expect(jobsRun().sort()).toEqual(['student#en#docx', 'student#es#docx']);
    for (const [, options] of runJob.mock.calls) expect(options?.outDir).toBe(out);
  });

  it("renderFiles (iep render): one job per layout and language, writing into the output folder", async () => {
    const out = tmp();
    const { written } = await renderFiles([examplePath('mateo-almonte')], { outDir: out, layouts: ['family', 'student'], langs: ['en', 'family'], formats: ['html'] });
    expect(jobsRun()).toEqual(['family#en#html', 'family#es#html', 'student#en#html', 'student#es#html']);
    expect(readdirSync(out).sort()).toEqual(written.map((o) => path.basename(o.path!)).sort());
    expect(written).toHaveLength(4);
  });
});
