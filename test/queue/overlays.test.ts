/**
 * A queued batch with overlay folders: each job carries them (absolute), so a worker, here or on another machine
 * with the folders at the same paths, renders with them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { runQueuedBatch } from '../../src/queue/run-queued-batch.js';
import { connectRedis, redisConnection } from '../../src/queue/redis-connection.js';
import type { RenderJobData } from '../../src/queue/render-job-data.js';
import { startRenderWorker } from '../../src/queue/start-render-worker.js';
import { copyExample, makeWorkspace, outputFiles } from '../batch/batch-helpers.js';
import { startRedis, type RedisServer } from './redis-server.js';

let redis: RedisServer;
const ws = makeWorkspace('queue-overlays');
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
  ws.cleanup();
});

describe('iep batch --queue --templates --locales', () => {
  it('each job carries the overlay folders and the worker renders with them', async () => {
    const templates = path.join(ws.dir, 'overlay');
    mkdirSync(path.join(templates, 'ny', 'official', 'sections'), { recursive: true });
    writeFileSync(path.join(templates, 'ny', 'official', 'sections', 'transportation.md'), '## {{t "ny-form:transportation.heading"}}\n\nQUEUED-OVERLAY\n');
    const locales = path.join(ws.dir, 'labels');
    mkdirSync(path.join(locales, 'en'), { recursive: true });
    writeFileSync(path.join(locales, 'en', 'ny-form.json'), JSON.stringify({ transportation: { heading: 'Getting to school' } }));
    const input = copyExample(ws, 'maya-thompson', '330000001');
    const connection = redisConnection(redis.url);
    const worker = startRenderWorker({ connection, queueName: 'overlays', concurrency: 1 });
    const client = connectRedis(connection);
    const queue = new Queue<RenderJobData>('overlays', { connection: client });
    try {
      // Relative folders, as a command line gives them: the jobs hold them absolute.
      const relative = (dir: string) => path.relative(process.cwd(), dir);
      const manifest = await runQueuedBatch({ inputs: [input], outDir: ws.outDir, layouts: ['official'], langs: ['en'], formats: ['html'], profile: 'ny', templates: [relative(templates)], locales: [relative(locales)], connection, queueName: 'overlays' });
      expect(manifest.entries.map((e) => [e.status, e.diagnostics.filter((d) => d.severity === 'error')])).toEqual([['done', []]]);
      const [job] = await queue.getJobs(['completed']);
      expect(job!.data).toMatchObject({ templates: [templates], locales: [locales] });
      const html = readFileSync(path.join(ws.outDir, outputFiles(ws.outDir)[0]!), 'utf8');
      expect(html).toContain('QUEUED-OVERLAY');
      expect(html).toContain('Getting to school');
    } finally {
      await worker.close();
      await queue.close();
      await client.quit();
    }
  });
});
