import { Worker } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import type { ManifestEntry } from '../batch/manifest.js';
import { BrowserPool, type BrowserPoolOptions } from '../pipeline/index.js';
import { decodeFailure } from './job-failure.js';
import { processRenderJob } from './process-render-job.js';
import { connectRedis } from './redis-connection.js';
import { DEFAULT_QUEUE_NAME, type RenderJobData } from './render-job-data.js';

export interface RenderWorkerOptions {
  connection: RedisOptions;
  queueName?: string;
  /** Documents rendered at once (and browser pages); default 2. */
  concurrency?: number;
  /**
   * How long a job stays with a worker that stopped renewing its lock (killed, machine gone) before the stalled-job
   * check hands it to another worker, in ms; default 30000. The lock is renewed every half of it.
   */
  lockDurationMs?: number;
  pool?: BrowserPoolOptions;
  /** Told about each job a worker finishes or gives back (for the CLI's log lines). */
  onJob?: (event: { entry?: ManifestEntry; jobId?: string; outcome: 'done' | 'retrying' | 'failed'; attempt: number; reason?: string }) => void;
  /** Redis errors (a restart, a refused connection): the worker keeps reconnecting meanwhile. */
  onError?: (error: Error) => void;
}

export interface RenderWorker {
  /** Resolves when connected to Redis. */
  ready(): Promise<void>;
  /** Takes no new jobs, lets those in flight finish (their files written whole), then closes the browser. */
  close(): Promise<void>;
  /** Kills the browser at once (a second signal); jobs in flight fail and are retried elsewhere. */
  killNow(): void;
}

/** Failed jobs are retried this many times in all before they are kept as failed (with their diagnostics). */
export const RENDER_ATTEMPTS = 3;

/**
 * A BullMQ worker that renders the queue's jobs through the pipeline with ONE browser pool of `concurrency` pages,
 * shared by its jobs (twice as many in progress: pool.documentsInFlight). A worker killed without warning loses
 * nothing: its jobs' locks lapse and another worker takes them (stalled-job check every lock duration; a job is
 * failed only after stalling 3 times).
 */
export function startRenderWorker(options: RenderWorkerOptions): RenderWorker {
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const lockDuration = options.lockDurationMs ?? 30_000;
  // Launched with the first PDF job; DOCX/HTML-only queues never start a browser.
  const pool = new BrowserPool({ ...options.pool, concurrency });
  const redis = connectRedis(options.connection);
  // Errors of the connection while Redis restarts reach onError through the worker's 'error' event.
  redis.on('error', () => undefined);
  const worker = new Worker<RenderJobData, ManifestEntry>(options.queueName ?? DEFAULT_QUEUE_NAME, (job) => processRenderJob(job.data, pool), {
    connection: redis,
    // `concurrency` pages print at once; as many more jobs are composed or finished meanwhile (as iep batch does).
    concurrency: pool.documentsInFlight,
    lockDuration,
    stalledInterval: lockDuration,
    maxStalledCount: 2,
  });
  worker.on('error', (error) => options.onError?.(error));
  worker.on('completed', (job, entry) => options.onJob?.({ entry, jobId: job.id, outcome: 'done', attempt: job.attemptsMade }));
  worker.on('failed', (job, error) => {
    if (!job) return;
    const retrying = job.attemptsMade < (job.opts.attempts ?? 1) && error.name !== 'UnrecoverableError';
    options.onJob?.({ entry: decodeFailure(error.message), jobId: job.id, outcome: retrying ? 'retrying' : 'failed', attempt: job.attemptsMade, reason: error.message });
  });
  let closing: Promise<void> | undefined;
  return {
    ready: () => worker.waitUntilReady().then(() => undefined),
    close: () =>
      (closing ??= (async () => {
        // Without Redis no job in flight can be recorded (they go to another worker once their locks lapse), and
        // BullMQ's orderly close would wait for a reconnection: close at once then.
        await worker.close(redis.status !== 'ready');
        await pool.close();
        await redis.quit().catch(() => redis.disconnect());
      })()),
    killNow: () => {
      pool.killNow();
      redis.disconnect();
    },
  };
}
