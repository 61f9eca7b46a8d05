import { relative } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { runJob, sha256, type Job, type JobOptions, type LoadedInput } from '../pipeline/index.js';
import type { ManifestEntry } from './manifest.js';

/**
 * One document through the pipeline into `options.outDir`, recorded as a manifest entry (a local batch's, or a
 * queue worker's answer to the batch that enqueued it). Never throws: a bug is kept to this one document.
 */
export async function renderEntry(job: Job & { inputSha256?: string }, input: LoadedInput | Promise<LoadedInput>, options: JobOptions & { outDir: string }, optionsKey: string): Promise<ManifestEntry> {
  const t0 = performance.now();
  const base = { id: job.id, input: job.input, layout: job.layout, lang: job.lang, profile: options.profile, optionsKey };
  try {
    const result = await runJob(job, options, input);
    const outputs = result.outputs.map((o) => ({ format: o.format, path: relative(options.outDir, o.path!), sha256: sha256(o.data), bytes: o.data.length }));
    // The sha256 of the bytes actually rendered (the file may have been edited since the batch was planned).
    const inputSha256 = result.inputSha256 ?? job.inputSha256;
    return { ...base, inputSha256, status: result.complete ? 'done' : 'failed', outputs, durationMs: Math.round(performance.now() - t0), diagnostics: result.diagnostics, finishedAt: new Date().toISOString() };
  } catch (error) {
    const diagnostics: Diagnostic[] = [{ code: 'render-failed', severity: 'error', file: job.input, message: `the document could not be rendered: ${(error as Error).message}`, hint: 'run `iep render` on this file alone to see more' }];
    return { ...base, inputSha256: job.inputSha256, status: 'failed', outputs: [], durationMs: Math.round(performance.now() - t0), diagnostics, finishedAt: new Date().toISOString() };
  }
}
