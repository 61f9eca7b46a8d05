/**
 * Batch rendering for a whole district: many IEPs x layouts x languages, each document one pipeline job
 * (src/pipeline: planJobs, runJob) through ONE browser pool, each output written complete-or-absent, a journal line per finished document, a manifest at the end, and --resume that
 * skips what is already done. A bad input is recorded and the batch goes on.
 */
import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { BATCH_DEFAULTS, resolveRenderOptions, type OutputOptions } from '../model/defaults.js';
import { BrowserPool, loadInput, planJobs, removeStalePartials, removeStaleProfiles, runJob, sha256, type BrowserPoolOptions, type Job, type JobOptions, type LoadedInput } from '../pipeline/index.js';
import { appendJournal, isStillComplete, MANIFEST_FILE, readPreviousEntries, writeManifest, type Manifest, type ManifestEntry } from './manifest.js';
import { OutputFolderError } from './output-folder-error.js';
import { lockOutputFolder } from './output-lock.js';

export interface BatchOptions extends OutputOptions, Pick<JobOptions, 'final' | 'withCompliance' | 'pdfTimeoutMs' | 'timestamp'> {
  inputs: readonly string[];
  outDir: string;
  /** Skip documents whose outputs are complete and unchanged from a previous run. */
  resume?: boolean;
  /** Stop taking new documents when aborted; documents in flight finish, the rest stay pending. */
  signal?: AbortSignal;
  /** Browser pool settings (recycling thresholds, executable). */
  pool?: BrowserPoolOptions;
  version?: string;
}

export interface BatchProgress {
  done: number;
  failed: number;
  skipped: number;
  total: number;
  /** Documents finished per second since the start (skipped ones not counted). */
  rate: number;
  /** Seconds left at the current rate, when known. */
  etaSeconds?: number;
  current?: string;
}

type ResolvedBatchOptions = ReturnType<typeof resolveRenderOptions<BatchOptions>>;

/** A pipeline job and the sha256 of its input as read when the batch was planned. */
interface PlannedJob extends Job {
  inputSha256: string;
}

/**
 * Renders every input in every layout and language (defaults: all layouts, English and each family's language,
 * DOCX and PDF) through the pipeline, at most `concurrency` documents at once through one browser pool.
 */
export async function runBatch(batch: BatchOptions, onProgress: (p: BatchProgress) => void = () => {}): Promise<Manifest> {
  const options = resolveRenderOptions(batch, BATCH_DEFAULTS);
  try {
    await mkdir(options.outDir, { recursive: true });
  } catch (error) {
    throw new OutputFolderError(join(options.outDir, MANIFEST_FILE), error as NodeJS.ErrnoException, `cannot use the output folder ${options.outDir}`, 'give --out a folder this user can create and write to');
  }
  // One batch per folder at a time: two would interleave the journal and leave a manifest that disagrees with the files.
  const release = await lockOutputFolder(options.outDir);
  try {
    return await runLocked(options, onProgress);
  } finally {
    await release();
  }
}

async function runLocked(options: ResolvedBatchOptions, onProgress: (p: BatchProgress) => void): Promise<Manifest> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const { profile, concurrency } = options;
  const optionsKey = JSON.stringify({
    formats: [...options.formats].sort(),
    // Unset: the layouts' own paper size.
    pageSize: options.pageSize ?? 'layout',
    profile,
    // Only when set, so the manifests of runs without them still match.
    ...(options.final ? { final: true } : {}),
    ...(options.withCompliance ? { withCompliance: true } : {}),
    // A pinned timestamp (SOURCE_DATE_EPOCH) is written into every file: outputs stamped otherwise are redone.
    ...(options.timestamp ? { timestamp: options.timestamp.toISOString() } : {}),
  });
  const previous = options.resume ? await readPreviousEntries(options.outDir) : new Map<string, ManifestEntry>();
  const entries: ManifestEntry[] = [];
  const jobs: PlannedJob[] = [];
  // What runs killed earlier left: their temporary files here, their browser profiles in the temporary folder.
  await removeStalePartials(options.outDir);
  removeStaleProfiles();

  // Plan: read every input once; a bad one becomes a failed entry, the others become one job per layout x language.
  // The parsed IEP is not kept (a district's thousands of them would hold gigabytes); it is read again when its
  // documents are rendered, once per input (see InputCache).
  const studentInputs = new Map<string, string>();
  for (const input of options.inputs) {
    // Reading and validating thousands of files takes minutes: a stop request must not wait for all of them.
    if (options.signal?.aborted) {
      entries.push({ id: input, input, optionsKey, status: 'pending', outputs: [], durationMs: 0, diagnostics: [] });
      continue;
    }
    const loaded = await loadInput(input);
    const { iep, inputSha256 } = loaded;
    if (!iep || inputSha256 === undefined) {
      entries.push(failedInput(input, inputSha256, optionsKey, loaded.diagnostics));
      continue;
    }
    // Outputs are named <student-id>-<layout>-<lang>: a second file for the same student would overwrite the first.
    const first = studentInputs.get(iep.student.id);
    if (first !== undefined) {
      entries.push(failedInput(input, inputSha256, optionsKey, [duplicateStudent(input, iep.student.id, first, loaded.sourceMap?.locate(['student', 'id']))]));
      continue;
    }
    studentInputs.set(iep.student.id, input);
    for (const job of planJobs([{ input, iep }], options)) jobs.push({ ...job, inputSha256 });
  }

  const total = jobs.length + entries.length;
  let done = 0;
  let failed = entries.filter((e) => e.status === 'failed').length;
  let skipped = 0;
  const report = (current?: string) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const remaining = total - done - failed - skipped;
    onProgress({ done, failed, skipped, total, rate, etaSeconds: rate > 0 ? remaining / rate : undefined, current });
  };

  const todo: PlannedJob[] = [];
  // A document is found by what it is made from (the input's content, layout, language), not by the input's path:
  // a folder of inputs moved or copied elsewhere resumes too.
  const previousByContent = new Map([...previous.values()].filter((e) => e.inputSha256 && e.layout && e.lang).map((e) => [contentKey(e.inputSha256!, e.layout!, e.lang!), e]));
  for (const job of jobs) {
    const before = previousByContent.get(contentKey(job.inputSha256, job.layout, job.lang)) ?? previous.get(job.id);
    if (options.resume && isStillComplete(before, job.inputSha256, optionsKey, options.outDir)) {
      entries.push({ ...before!, id: job.id, input: job.input, status: 'skipped' });
      skipped++;
    } else todo.push(job);
  }
  report();

  const needsBrowser = options.formats.includes('pdf') && todo.length > 0;
  const pool = needsBrowser ? new BrowserPool({ ...options.pool, concurrency }) : undefined;
  const jobOptions: JobOptions = { profile, pageSize: options.pageSize, final: options.final, withCompliance: options.withCompliance, pdfTimeoutMs: options.pdfTimeoutMs, timestamp: options.timestamp, outDir: options.outDir, browserPool: pool };
  const inputs = new InputCache(todo);
  let next = 0;
  const finished = new Set<string>();
  try {
    const worker = async () => {
      while (next < todo.length && !options.signal?.aborted) {
        const job = todo[next++]!;
        report(job.id);
        const entry = await renderJob(job, inputs.take(job.input), jobOptions, optionsKey);
        inputs.release(job.input);
        entries.push(entry);
        finished.add(job.id);
        if (entry.status === 'done') done++;
        else failed++;
        // On a full disk the journal cannot grow either; the manifest (or its error) at the end still says what happened.
        await appendJournal(options.outDir, entry).catch(() => undefined);
        report();
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(todo.length, 1)) }, worker));
  } finally {
    await pool?.close();
  }

  for (const job of todo) {
    if (!finished.has(job.id)) entries.push({ id: job.id, input: job.input, inputSha256: job.inputSha256, layout: job.layout, lang: job.lang, profile, optionsKey, status: 'pending', outputs: [], durationMs: 0, diagnostics: [] });
  }
  const order = new Map([...options.inputs].map((input, i) => [input, i]));
  entries.sort((a, b) => (order.get(a.input) ?? 0) - (order.get(b.input) ?? 0) || a.id.localeCompare(b.id));
  const count = (status: ManifestEntry['status']) => entries.filter((e) => e.status === status).length;
  const manifest: Manifest = {
    tool: 'iepkit',
    version: options.version ?? '0',
    startedAt,
    finishedAt: new Date().toISOString(),
    interrupted: Boolean(options.signal?.aborted) && count('pending') > 0,
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

const contentKey = (inputSha256: string, layout: string, lang: string) => `${inputSha256}#${layout}#${lang}`;

/** One document through the pipeline, recorded as a manifest entry. */
async function renderJob(job: PlannedJob, input: Promise<LoadedInput>, options: JobOptions, optionsKey: string): Promise<ManifestEntry> {
  const t0 = performance.now();
  const base = { id: job.id, input: job.input, layout: job.layout, lang: job.lang, profile: options.profile, optionsKey };
  try {
    const result = await runJob(job, options, input);
    const outputs = result.outputs.map((o) => ({ format: o.format, path: relative(options.outDir!, o.path!), sha256: sha256(o.data), bytes: o.data.length }));
    // The sha256 of the bytes actually rendered (the file may have been edited since the batch was planned).
    const inputSha256 = result.inputSha256 ?? job.inputSha256;
    return { ...base, inputSha256, status: result.complete ? 'done' : 'failed', outputs, durationMs: Math.round(performance.now() - t0), diagnostics: result.diagnostics, finishedAt: new Date().toISOString() };
  } catch (error) {
    // A bug in iepkit, kept to this one document: the batch goes on.
    const diagnostics: Diagnostic[] = [{ code: 'render-failed', severity: 'error', file: job.input, message: `the document could not be rendered: ${(error as Error).message}`, hint: 'run `iep render` on this file alone to see more' }];
    return { ...base, inputSha256: job.inputSha256, status: 'failed', outputs: [], durationMs: Math.round(performance.now() - t0), diagnostics, finishedAt: new Date().toISOString() };
  }
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

function duplicateStudent(input: string, studentId: string, first: string, at: { line: number; column: number } | undefined): Diagnostic {
  return {
    code: 'duplicate-student-id',
    severity: 'error',
    file: input,
    path: 'student.id',
    ...(at ? { line: at.line, column: at.column } : {}),
    message: `student ${studentId} is also in ${first}, and both would be written to the same files (${studentId}-<layout>-<lang>), so this file was not rendered`,
    hint: 'correct the student id, or render the other record in a separate batch with its own --out folder',
  };
}

function failedInput(input: string, inputSha256: string | undefined, optionsKey: string, diagnostics: Diagnostic[]): ManifestEntry {
  return { id: input, input, inputSha256, optionsKey, status: 'failed', outputs: [], durationMs: 0, diagnostics, finishedAt: new Date().toISOString() };
}
