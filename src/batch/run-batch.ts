/**
 * Batch rendering for a whole district: many IEPs x layouts x languages, each document one pipeline job
 * (src/pipeline: planJobs, runJob) through ONE browser pool, each output written complete-or-absent, a journal line per finished document, a manifest at the end, and --resume that
 * skips what is already done. A bad input is recorded and the batch goes on. src/queue renders the same plan on
 * workers instead, with the same manifest (plan-batch, render-entry, finish-batch are shared).
 */
import { BrowserPool, loadInput, removeStalePartials, removeStaleProfiles, type BrowserPoolOptions, type Job, type JobOptions, type LoadedInput } from '../pipeline/index.js';
import { appendJournal, type Manifest } from './manifest.js';
import { BatchTally, type BatchProgress } from './batch-tally.js';
import { finishBatch, withOutputFolder } from './finish-batch.js';
import { planBatch, resolveBatchOptions, type BatchPlanOptions } from './plan-batch.js';
import { renderEntry } from './render-entry.js';

export type { BatchProgress } from './batch-tally.js';

export interface BatchOptions extends BatchPlanOptions, Pick<JobOptions, 'pdfTimeoutMs'> {
  /** Stop taking new documents when aborted; documents in flight finish, the rest stay pending. */
  signal?: AbortSignal;
  /** Browser pool settings (recycling thresholds, executable). */
  pool?: BrowserPoolOptions;
  version?: string;
}

type ResolvedBatchOptions = ReturnType<typeof resolveBatchOptions<BatchOptions>>;

/**
 * Renders every input in every layout and language (defaults: all layouts, English and each family's language,
 * DOCX and PDF) through the pipeline, `concurrency` documents printing at once through one browser pool (and as many
 * more composed or finished meanwhile).
 */
export async function runBatch(batch: BatchOptions, onProgress: (p: BatchProgress) => void = () => {}): Promise<Manifest> {
  const options = resolveBatchOptions(batch);
  return withOutputFolder(options.outDir, () => runLocked(options, onProgress));
}

async function runLocked(options: ResolvedBatchOptions, onProgress: (p: BatchProgress) => void): Promise<Manifest> {
  const startedAt = new Date().toISOString();
  const { profile, concurrency } = options;
  // What runs killed earlier left: their temporary files here, their browser profiles in the temporary folder.
  await removeStalePartials(options.outDir);
  removeStaleProfiles();
  const { optionsKey, entries, todo } = await planBatch(options);
  const tally = new BatchTally(todo.length + entries.length, entries, onProgress);
  tally.report();

  const needsBrowser = options.formats.includes('pdf') && todo.length > 0;
  const pool = needsBrowser ? new BrowserPool({ ...options.pool, concurrency }) : undefined;
  const jobOptions = { profile, templates: options.templates, locales: options.locales, pageSize: options.pageSize, final: options.final, withCompliance: options.withCompliance, pdfTimeoutMs: options.pdfTimeoutMs, timestamp: options.timestamp, outDir: options.outDir, browserPool: pool };
  const inputs = new InputCache(todo);
  let next = 0;
  try {
    const worker = async () => {
      while (next < todo.length && !options.signal?.aborted) {
        const job = todo[next++]!;
        tally.report(job.id);
        const entry = await renderEntry(job, inputs.take(job.input), jobOptions, optionsKey);
        inputs.release(job.input);
        entries.push(entry);
        // On a full disk the journal cannot grow either; the manifest (or its error) at the end still says what happened.
        await appendJournal(options.outDir, entry).catch(() => undefined);
        tally.add(entry);
      }
    };
    // `concurrency` pages print at once; more documents are in progress, so that none of them waits for a compose.
    const inFlight = pool?.documentsInFlight ?? concurrency;
    await Promise.all(Array.from({ length: Math.min(inFlight, Math.max(todo.length, 1)) }, worker));
  } finally {
    await pool?.close();
  }
  return finishBatch({ inputs: options.inputs, outDir: options.outDir, profile, optionsKey, startedAt, stopped: Boolean(options.signal?.aborted), version: options.version }, entries, todo);
}

/**
 * Each input is read and parsed again when its first document is rendered and forgotten after its last one, so
 * only the inputs in progress are in memory however long the batch is.
 */
class InputCache {
  #remaining = new Map<string, number>();
  #loaded = new Map<string, Promise<LoadedInput>>();

  constructor(jobs: readonly Job[]) {
    for (const job of jobs) this.#remaining.set(job.input, (this.#remaining.get(job.input) ?? 0) + 1);
  }

  take(input: string): Promise<LoadedInput> {
    let loaded = this.#loaded.get(input);
    if (!loaded) {
      loaded = loadInput(input);
      this.#loaded.set(input, loaded);
    }
    return loaded;
  }

  release(input: string): void {
    const left = (this.#remaining.get(input) ?? 1) - 1;
    this.#remaining.set(input, left);
    if (left <= 0) {
      this.#remaining.delete(input);
      this.#loaded.delete(input);
    }
  }
}
