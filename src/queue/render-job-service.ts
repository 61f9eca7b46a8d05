/**
 * The queue as `iep serve --redis` offers it over HTTP: one document (one copy, one language, its formats) per job,
 * on the same BullMQ queue `iep worker` processes and `iep batch --queue` fills. Jobs keep the batch's guarantees:
 * an idempotent id (the same record and options twice is one job), retries for what the machine caused, none for
 * an invalid record, outputs written whole into a folder of the job's own and checked by sha256 when read back.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { Queue } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import { isStillComplete, type ManifestEntry, type ManifestOutput } from '../batch/manifest.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { OutputFormat } from '../model/formats.js';
import type { Language } from '../model/languages.js';
import type { LayoutName } from '../model/layouts.js';
import type { Profile } from '../model/profiles.js';
import { sha256 } from '../pipeline/index.js';
import { enqueueRenders, type RenderJob, type RenderQueue } from './enqueue-renders.js';
import { decodeFailure } from './job-failure.js';
import { connectRedis, waitForRedis } from './redis-connection.js';
import { DEFAULT_QUEUE_NAME, type RenderJobData } from './render-job-data.js';

export interface RenderJobServiceOptions {
  connection: RedisOptions;
  queueName?: string;
  /** Where workers write each job's files (a folder per job); on other machines it must be mounted at the same path. */
  outDir: string;
  /** How long Redis may take to answer, at start and on each request, in ms (default 5000). */
  timeoutMs?: number;
}

export interface RenderRequest {
  /** The record's bytes, as received. */
  input: Uint8Array;
  /** A name for the record in diagnostics. */
  file: string;
  layout: LayoutName;
  lang: Language;
  formats: readonly OutputFormat[];
  profile: Profile;
  /** The overlay folders the server was started with (absolute): the worker renders with them. */
  templates?: readonly string[];
  locales?: readonly string[];
  final?: boolean;
}

export type JobState = 'waiting' | 'active' | 'delayed' | 'completed' | 'failed';

export interface JobOutput extends Omit<ManifestOutput, 'path'> {
  /** The file's name in the job's folder. */
  name: string;
}

export interface JobView {
  id: string;
  state: JobState;
  layout: LayoutName;
  lang: Language;
  formats: readonly OutputFormat[];
  /** Attempts made so far (a job the machine failed is tried 3 times in all). */
  attempts: number;
  /** When finished: `done` with its outputs, or `failed` with the diagnostics that say why. */
  result?: { status: ManifestEntry['status']; outputs: JobOutput[]; diagnostics: Diagnostic[]; finishedAt?: string };
}

/** Redis did not answer in time: the request is refused (503) instead of waiting while ioredis reconnects. */
export class QueueUnavailableError extends Error {
  constructor(what: string) {
    super(`the render queue (Redis) did not answer ${what}: try again when it is back`);
    this.name = 'QueueUnavailableError';
  }
}

export class RenderJobService {
  private constructor(
    private readonly queue: RenderQueue,
    private readonly redis: ReturnType<typeof connectRedis>,
    private readonly outDir: string,
    private readonly timeoutMs: number,
  ) {}

  /** Connects, or throws RedisUnreachableError when Redis does not answer within the timeout. */
  static async connect(options: RenderJobServiceOptions): Promise<RenderJobService> {
    const timeoutMs = options.timeoutMs ?? 5000;
    const redis = connectRedis(options.connection);
    redis.on('error', () => undefined);
    try {
      await waitForRedis(redis, options.connection, timeoutMs);
    } catch (error) {
      redis.disconnect();
      throw error;
    }
    const queue: RenderQueue = new Queue(options.queueName ?? DEFAULT_QUEUE_NAME, { connection: redis });
    queue.on('error', () => undefined);
    return new RenderJobService(queue, redis, resolve(options.outDir), timeoutMs);
  }

  /**
   * Enqueues the document, or joins the job already doing the same work. A finished job whose files are still whole
   * is kept (answered as it is); one whose files were removed or changed is done again.
   */
  async submit(request: RenderRequest): Promise<JobView> {
    const inputSha256 = sha256(request.input);
    const templates = request.templates?.length ? request.templates.map((d) => resolve(d)) : undefined;
    const locales = request.locales?.length ? request.locales.map((d) => resolve(d)) : undefined;
    // Other overlay folders make other files: only when given, so the keys of jobs without them are unchanged.
    const optionsKey = JSON.stringify({ formats: [...request.formats].sort(), profile: request.profile, final: Boolean(request.final), ...(templates ? { templates } : {}), ...(locales ? { locales } : {}) });
    // A folder per document and options: two versions of one student's record never overwrite each other's files.
    const folder = sha256(Buffer.from(JSON.stringify([inputSha256, request.layout, request.lang, optionsKey]))).slice(0, 24);
    const data: RenderJobData = {
      id: `${request.file}#${request.layout}#${request.lang}`,
      file: request.file,
      inputBase64: Buffer.from(request.input).toString('base64'),
      inputSha256,
      layout: request.layout,
      lang: request.lang,
      formats: request.formats,
      profile: request.profile,
      ...(templates ? { templates } : {}),
      ...(locales ? { locales } : {}),
      ...(request.final ? { final: true } : {}),
      outDir: join(this.outDir, folder),
      optionsKey,
    };
    const [id] = await this.answered('to the new job', enqueueRenders(this.queue, [data], (job) => isStillComplete(job.returnvalue, inputSha256, optionsKey, job.data.outDir)));
    const view = await this.status(id!);
    if (!view) throw new QueueUnavailableError('with the new job');
    return view;
  }

  /** The job's state and, once finished, its outputs or diagnostics; undefined for an id this service did not make. */
  async status(id: string): Promise<JobView | undefined> {
    if (!/^[0-9a-f]{64}$/.test(id)) return undefined;
    // The state first, then the job: a job read first and finished in between would be reported completed with the
    // snapshot's empty return value (seen in CI). Read in this order the job is at least as new as its state.
    const state = await this.answered('with the job\'s state', this.queue.getJobState(id));
    if (state === 'unknown') return undefined;
    const job = await this.ownJob(id);
    if (!job) return undefined;
    const view: JobView = { id, state: state === 'waiting-children' || state === 'prioritized' ? 'waiting' : (state as JobState), layout: job.data.layout, lang: job.data.lang, formats: job.data.formats, attempts: job.attemptsMade };
    // Completed without a value: the job was sent back to render again between the two reads; say so.
    if (state === 'completed' && !job.returnvalue) view.state = 'active';
    const entry = view.state === 'completed' ? job.returnvalue : state === 'failed' ? decodeFailure(job.failedReason) : undefined;
    if (entry) view.result = { status: entry.status, outputs: entry.outputs.map(({ path, ...o }) => ({ ...o, name: path })), diagnostics: entry.diagnostics, finishedAt: entry.finishedAt };
    else if (state === 'failed') {
      const message = `the document could not be rendered on a worker: ${job.failedReason ?? 'no reason given'}`;
      view.result = { status: 'failed', outputs: [], diagnostics: [{ code: 'render-failed', severity: 'error', file: job.data.file, message, hint: 'look at the workers\' logs, then send the record again' }] };
    }
    return view;
  }

  /**
   * One of a finished job's files, read back whole and checked against the sha256 the worker recorded: a file changed
   * or cut short since is refused (`changed`), never served.
   */
  async output(id: string, name: string): Promise<{ output: JobOutput; data: Buffer } | { changed: JobOutput } | undefined> {
    const view = await this.status(id);
    const output = view?.result?.status === 'done' ? view.result.outputs.find((o) => o.name === name) : undefined;
    const job = output ? await this.ownJob(id) : undefined;
    if (!output || !job) return undefined;
    const path = join(job.data.outDir, output.name);
    if (!existsSync(path)) return { changed: output };
    const data = await readFile(path);
    return sha256(data) === output.sha256 ? { output, data } : { changed: output };
  }

  async close(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** Jobs of this queue that write into this service's folder: a batch's jobs (and their inputs) are not shown. */
  private async ownJob(id: string): Promise<RenderJob | undefined> {
    if (!/^[0-9a-f]{64}$/.test(id)) return undefined;
    const job = await this.answered('with the job', this.queue.getJob(id));
    if (!job?.data || typeof job.data.outDir !== 'string') return undefined;
    return resolve(job.data.outDir).startsWith(this.outDir + sep) ? job : undefined;
  }

  /** Waits for Redis at most the timeout (ioredis would otherwise wait for a reconnect as long as it takes). */
  private answered<T>(what: string, work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new QueueUnavailableError(what)), this.timeoutMs)));
    work.catch(() => undefined);
    return Promise.race([work, late]).finally(() => clearTimeout(timer));
  }
}
