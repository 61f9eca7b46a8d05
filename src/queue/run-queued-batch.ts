/**
 * `iep batch --queue`: the same plan, journal, manifest and --resume as a local batch (src/batch), but each
 * document is a BullMQ job that `iep worker` processes render, here or on other machines sharing the output folder.
 * The batch waits for its jobs, counting them as workers report (QueueEvents, and a periodic check that also
 * catches what was missed while Redis restarted), and verifies every output's sha256 before the manifest is written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import { BatchTally, type BatchProgress } from '../batch/batch-tally.js';
import { finishBatch, withOutputFolder } from '../batch/finish-batch.js';
import { appendJournal, isStillComplete, type Manifest, type ManifestEntry } from '../batch/manifest.js';
import { planBatch, resolveBatchOptions, type BatchPlanOptions, type PlannedJob, type ResolvedBatchPlanOptions } from '../batch/plan-batch.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { removeStalePartials, sha256, type JobOptions } from '../pipeline/index.js';
import { enqueueRenders, type RenderQueue } from './enqueue-renders.js';
import { decodeFailure } from './job-failure.js';
import { connectRedis, waitForRedis } from './redis-connection.js';
import { DEFAULT_QUEUE_NAME, type RenderJobData } from './render-job-data.js';

export interface QueuedBatchOptions extends BatchPlanOptions, Pick<JobOptions, 'pdfTimeoutMs'> {
  connection: RedisOptions;
  queueName?: string;
  /** Stop waiting when aborted: jobs not started are taken off the queue (pending), those in flight finish. */
  signal?: AbortSignal;
  /** How long Redis may take to answer when the batch starts, in ms (default 10000): then RedisUnreachableError. */
  connectTimeoutMs?: number;
  /**
   * When no worker has reported for this long, every unfinished job is looked up (what finished while Redis restarted,
   * or events trimmed from a lagging stream), in ms (default 2000); while reports flow, every 15 times as long.
   */
  checkEveryMs?: number;
  version?: string;
}

type Resolved = ResolvedBatchPlanOptions<QueuedBatchOptions>;

export async function runQueuedBatch(batch: QueuedBatchOptions, onProgress: (p: BatchProgress) => void = () => {}): Promise<Manifest> {
  // Absolute: the folder is named in each job, and workers run elsewhere.
  const options = resolveBatchOptions({ ...batch, outDir: resolve(batch.outDir) });
  return withOutputFolder(options.outDir, () => runLocked(options, onProgress));
}

async function runLocked(options: Resolved, onProgress: (p: BatchProgress) => void): Promise<Manifest> {
  const startedAt = new Date().toISOString();
  // Redis first: a wrong URL is said before thousands of inputs are read, and before BullMQ waits on it.
  const first = connectRedis(options.connection);
  first.on('error', () => undefined);
  try {
    await waitForRedis(first, options.connection, options.connectTimeoutMs ?? 10_000);
  } catch (error) {
    first.disconnect();
    throw error;
  }
  const { optionsKey, entries, todo } = await planBatch(options);
  const tally = new BatchTally(todo.length + entries.length, entries, onProgress);
  tally.report();
  const queueName = options.queueName ?? DEFAULT_QUEUE_NAME;
  const connections = [first, connectRedis(options.connection)] as const;
  const queue: RenderQueue = new Queue(queueName, { connection: connections[0] });
  const events = new QueueEvents(queueName, { connection: connections[1] });
  // Connection errors while Redis restarts: ioredis reconnects, and the periodic check catches up afterwards.
  queue.on('error', () => undefined);
  events.on('error', () => undefined);
  for (const redis of connections) redis.on('error', () => undefined);
  const byJobId = new Map<string, PlannedJob>();
  let timer: NodeJS.Timeout | undefined;
  try {
    await events.waitUntilReady();
    let allSettled!: () => void;
    const settledAll = new Promise<void>((resolveAll) => (allSettled = resolveAll));
    const outstanding = new Set<string>();
    const record = async (jobId: string, entry: ManifestEntry) => {
      if (!outstanding.delete(jobId)) return;
      entries.push(entry);
      await appendJournal(options.outDir, entry).catch(() => undefined);
      tally.add(entry);
      if (outstanding.size === 0) allSettled();
    };
    const settle = async (jobId: string) => {
      const planned = byJobId.get(jobId);
      if (!planned || !outstanding.has(jobId)) return;
      // The state first, then the job: a job read while still active has no result yet.
      const state = await queue.getJobState(jobId);
      if (state === 'unknown') return record(jobId, lostJob(planned, options, optionsKey));
      if (state !== 'completed' && state !== 'failed') return;
      const job = await queue.getJob(jobId);
      if (state === 'completed' && job?.returnvalue) await record(jobId, { ...job.returnvalue, id: planned.id, input: planned.input });
      else if (state === 'failed' && job) await record(jobId, failedJob(planned, options, optionsKey, job.failedReason));
    };
    let lastEvent = 0;
    events.on('completed', ({ jobId }) => {
      lastEvent = Date.now();
      void settle(jobId).catch(() => undefined);
    });
    events.on('failed', ({ jobId }) => {
      lastEvent = Date.now();
      void settle(jobId).catch(() => undefined);
    });
    events.on('active', ({ jobId }) => {
      lastEvent = Date.now();
      const planned = byJobId.get(jobId);
      if (planned && outstanding.has(jobId)) tally.report(planned.id);
    });

    const jobs: RenderJobData[] = [];
    for (const job of todo) jobs.push(await jobData(job, options, optionsKey));
    const kept: ManifestEntry[] = [];
    const ids = await enqueueRenders(queue, jobs, (existing) => {
      // --resume: a job finished after the last run's journal line (its batch was killed) still counts.
      const entry = existing.returnvalue;
      const still = Boolean(options.resume && entry && isStillComplete(entry, existing.data.inputSha256, optionsKey, options.outDir));
      if (still) kept.push({ ...entry, id: existing.data.id, input: existing.data.file, status: 'skipped' });
      return still;
    });
    todo.forEach((job, i) => {
      byJobId.set(ids[i]!, job);
      outstanding.add(ids[i]!);
    });
    for (const entry of kept) {
      const jobId = ids[todo.findIndex((job) => job.id === entry.id)]!;
      await record(jobId, entry);
    }
    if (outstanding.size === 0) allSettled();

    // One lookup per unfinished job: cheap for a few, not for 15,000 every 2 s, so only when the events go quiet.
    const every = options.checkEveryMs ?? 2000;
    let lastCheck = Date.now();
    const checkAll = async () => {
      if (Date.now() - lastEvent < every && Date.now() - lastCheck < every * 15) return;
      lastCheck = Date.now();
      for (const jobId of [...outstanding]) await settle(jobId);
    };
    const check = () => {
      timer = setTimeout(() => void checkAll().catch(() => undefined).finally(() => timer && check()), every);
    };
    check();
    const signal = options.signal;
    const stopped = signal?.aborted ? Promise.resolve() : new Promise<void>((resolveStop) => signal?.addEventListener('abort', () => resolveStop(), { once: true }));
    await Promise.race([settledAll, stopped]);
    if (outstanding.size > 0) {
      // Stopped: documents not started stay pending (for --resume); those in flight on workers finish and are recorded.
      for (const jobId of [...outstanding]) {
        const removed = await queue.remove(jobId).catch(() => 0);
        if (removed === 1) outstanding.delete(jobId);
      }
      if (outstanding.size === 0) allSettled();
      await settledAll;
    }
  } finally {
    clearTimeout(timer);
    timer = undefined;
    await events.close();
    await queue.close();
    for (const redis of connections) await redis.quit().catch(() => redis.disconnect());
  }
  // Every job of this batch is finished: temporary files left by workers killed mid-write can go.
  await removeStalePartials(options.outDir);
  return finishBatch(
    { inputs: options.inputs, outDir: options.outDir, profile: options.profile, optionsKey, startedAt, stopped: Boolean(options.signal?.aborted), version: options.version },
    entries.map((entry) => verifyOutputs(entry, options.outDir)),
    todo,
  );
}

async function jobData(job: PlannedJob, options: Resolved, optionsKey: string): Promise<RenderJobData> {
  const bytes = await readFile(job.input);
  return {
    id: job.id,
    file: job.input,
    inputBase64: bytes.toString('base64'),
    inputSha256: sha256(bytes),
    layout: job.layout,
    lang: job.lang,
    formats: job.formats,
    profile: options.profile,
    ...(options.templates?.length ? { templates: options.templates.map((d) => resolve(d)) } : {}),
    ...(options.locales?.length ? { locales: options.locales.map((d) => resolve(d)) } : {}),
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
    ...(options.final ? { final: true } : {}),
    ...(options.withCompliance ? { withCompliance: true } : {}),
    ...(options.timestamp ? { timestamp: options.timestamp.toISOString() } : {}),
    ...(options.pdfTimeoutMs ? { pdfTimeoutMs: options.pdfTimeoutMs } : {}),
    outDir: options.outDir,
    optionsKey,
  };
}

function failedJob(job: PlannedJob, options: Resolved, optionsKey: string, reason: string | undefined): ManifestEntry {
  const entry = decodeFailure(reason);
  if (entry) return { ...entry, id: job.id, input: job.input, status: 'failed' };
  return workerFailure(job, options, optionsKey, `the document could not be rendered on a worker: ${reason ?? 'no reason given'}`, 'run `iep render` on this file alone to see more, and look at the workers\' logs');
}

function lostJob(job: PlannedJob, options: Resolved, optionsKey: string): ManifestEntry {
  return workerFailure(job, options, optionsKey, 'the job was removed from the queue before it finished', 'run the batch again with --resume');
}

function workerFailure(job: PlannedJob, options: Resolved, optionsKey: string, message: string, hint: string): ManifestEntry {
  const diagnostics: Diagnostic[] = [{ code: 'render-failed', severity: 'error', file: job.input, message, hint }];
  return { id: job.id, input: job.input, inputSha256: job.inputSha256, layout: job.layout, lang: job.lang, profile: options.profile, optionsKey, status: 'failed', outputs: [], durationMs: 0, diagnostics, finishedAt: new Date().toISOString() };
}

/**
 * A worker's report is only as good as the files: each output must be in this folder with the sha256 the worker
 * gave. One that is not (a worker on another machine wrote to its own disk, or the file changed since) fails.
 */
function verifyOutputs(entry: ManifestEntry, outDir: string): ManifestEntry {
  if (entry.status !== 'done') return entry;
  const bad = entry.outputs.filter((o) => {
    const path = join(outDir, o.path);
    return !existsSync(path) || sha256(readFileSync(path)) !== o.sha256;
  });
  if (bad.length === 0) return entry;
  const diagnostics: Diagnostic[] = bad.map((o) => ({
    code: 'render-failed',
    severity: 'error',
    file: join(outDir, o.path),
    message: `a worker reported ${o.path} written, but it is ${existsSync(join(outDir, o.path)) ? 'not the file it wrote (its sha256 differs)' : 'not in the output folder'}`,
    hint: 'workers on other machines must write to this same folder (a shared folder mounted at the same path); run the batch again with --resume',
  }));
  return { ...entry, status: 'failed', diagnostics: [...entry.diagnostics, ...diagnostics] };
}
