import type { Job, Queue } from 'bullmq';
import type { ManifestEntry } from '../batch/manifest.js';
import { RENDER_ATTEMPTS } from './start-render-worker.js';
import { RENDER_JOB_NAME, renderJobId, type RenderJobData } from './render-job-data.js';

export type RenderQueue = Queue<RenderJobData, ManifestEntry>;
export type RenderJob = Job<RenderJobData, ManifestEntry>;

/** Jobs are added this many at a time (one round trip each). */
const CHUNK = 500;

/**
 * Adds one job per document under its idempotent id (renderJobId) and answers the ids in order. A job already
 * waiting or running for the same work is joined, not duplicated; a finished one (from an earlier run) is replaced,
 * so the work is done again, unless `keep` says its result still stands (--resume).
 */
export async function enqueueRenders(queue: RenderQueue, jobs: readonly RenderJobData[], keep: (job: RenderJob) => boolean = () => false): Promise<string[]> {
  const ids = jobs.map(renderJobId);
  for (let start = 0; start < jobs.length; start += CHUNK) {
    const chunk = jobs.slice(start, start + CHUNK).map((data, i) => ({ data, id: ids[start + i]! }));
    const add: typeof chunk = [];
    for (const { data, id } of chunk) {
      const state = await queue.getJobState(id);
      if (state === 'completed' || state === 'failed') {
        const job = await queue.getJob(id);
        if (job && state === 'completed' && keep(job)) continue;
        await queue.remove(id);
      }
      add.push({ data, id });
    }
    await queue.addBulk(
      add.map(({ data, id }) => ({
        name: RENDER_JOB_NAME,
        data,
        opts: {
          jobId: id,
          attempts: RENDER_ATTEMPTS,
          // 2 s, 4 s, ...: a crashed browser or a busy machine gets time to recover.
          backoff: { type: 'exponential', delay: 2000 },
          // Finished jobs are kept a day (the batch reads their results; --resume can rely on them), not longer: each
          // holds its input (docs/queue.md, sizing). Failed ones are kept until removed, with their diagnostics.
          removeOnComplete: { age: 24 * 3600 },
          removeOnFail: false,
        },
      })),
    );
  }
  return ids;
}
