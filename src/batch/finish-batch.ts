import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST_FILE, writeManifest, type Manifest, type ManifestEntry } from './manifest.js';
import { OutputFolderError } from './output-folder-error.js';
import { lockOutputFolder } from './output-lock.js';
import type { PlannedJob } from './plan-batch.js';

/**
 * Creates the output folder and holds its lock while `run` works: one batch per folder at a time, as two would
 * interleave the journal and leave a manifest that disagrees with the files.
 */
export async function withOutputFolder<T>(outDir: string, run: () => Promise<T>): Promise<T> {
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    throw new OutputFolderError(join(outDir, MANIFEST_FILE), error as NodeJS.ErrnoException, `cannot use the output folder ${outDir}`, 'give --out a folder this user can create and write to');
  }
  const release = await lockOutputFolder(outDir);
  try {
    return await run();
  } finally {
    await release();
  }
}

export interface FinishBatchOptions {
  inputs: readonly string[];
  outDir: string;
  profile: string;
  optionsKey: string;
  startedAt: string;
  /** The run was asked to stop: documents not finished are pending. */
  stopped: boolean;
  version?: string;
}

/**
 * The manifest of a batch: its entries (a job that never finished is pending), in input order, written to
 * manifest.json. A manifest that cannot be written is an OutputFolderError saying what is complete on disk.
 */
export async function finishBatch(options: FinishBatchOptions, entries: ManifestEntry[], todo: readonly PlannedJob[]): Promise<Manifest> {
  const finished = new Set(entries.map((e) => e.id));
  for (const job of todo) {
    if (!finished.has(job.id)) entries.push({ id: job.id, input: job.input, inputSha256: job.inputSha256, layout: job.layout, lang: job.lang, profile: options.profile, optionsKey: options.optionsKey, status: 'pending', outputs: [], durationMs: 0, diagnostics: [] });
  }
  const order = new Map([...options.inputs].map((input, i) => [input, i]));
  entries.sort((a, b) => (order.get(a.input) ?? 0) - (order.get(b.input) ?? 0) || a.id.localeCompare(b.id));
  const count = (status: ManifestEntry['status']) => entries.filter((e) => e.status === status).length;
  const manifest: Manifest = {
    tool: 'iepkit',
    version: options.version ?? '0',
    startedAt: options.startedAt,
    finishedAt: new Date().toISOString(),
    interrupted: options.stopped && count('pending') > 0,
    summary: { total: entries.length, done: count('done'), skipped: count('skipped'), failed: count('failed'), pending: count('pending') },
    entries,
  };
  try {
    await writeManifest(options.outDir, manifest);
  } catch (error) {
    const written = manifest.summary.done + manifest.summary.skipped;
    throw new OutputFolderError(
      join(options.outDir, MANIFEST_FILE),
      error as NodeJS.ErrnoException,
      `the manifest could not be written (${written} of ${manifest.summary.total} documents are complete on disk; no partial file was left)`,
      'free the folder (e.g. disk space), then run the same command with --resume: complete documents are kept, the rest are rendered',
    );
  }
  return manifest;
}
