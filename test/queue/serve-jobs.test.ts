/**
 * `iep serve --redis`: POST /api/jobs enqueues on the same BullMQ queue `iep worker` processes, GET /api/jobs/:id
 * follows the job, GET .../files/:name downloads what the worker wrote (checked by sha256). A real redis-server on a
 * free loopback port, a real server on port 0, an in-process render worker on the test's own queue.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sha256 as sha256Bytes } from '../../src/pipeline/index.js';
import { enqueueRenders } from '../../src/queue/enqueue-renders.js';
import { connectRedis, redisConnection } from '../../src/queue/redis-connection.js';
import { RenderJobService } from '../../src/queue/render-job-service.js';
import { startRenderWorker, type RenderWorker } from '../../src/queue/start-render-worker.js';
import { docxHasDocument, iep, makeWorkspace, pdfPages, root, type Workspace } from '../batch/batch-helpers.js';
import { http, post, serve, type Answer, type Served } from '../server/server-helpers.js';
import { startRedis, type RedisServer } from './redis-server.js';

const QUEUE = 'serve-jobs';
let redis: RedisServer;
let jobs: RenderJobService;
let served: Served;
let worker: RenderWorker;
let jobsDir: string;

const maya = readFileSync(path.join(root, 'examples/maya-thompson.iep.yaml'), 'utf8');

beforeAll(async () => {
  expect(inject('buildError')).toBe('');
  redis = await startRedis();
  jobsDir = mkdtempSync(path.join(tmpdir(), 'iepkit-jobs-'));
  jobs = await RenderJobService.connect({ connection: redisConnection(redis.url), queueName: QUEUE, outDir: jobsDir, timeoutMs: 1500 });
  served = await serve({ jobs });
  worker = startRenderWorker({ connection: redisConnection(redis.url), queueName: QUEUE, concurrency: 2, lockDurationMs: 5000 });
  await worker.ready();
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await served?.stop();
  await jobs?.close();
  await redis?.stop();
  if (jobsDir) rmSync(jobsDir, { recursive: true, force: true });
});

async function untilFinished(id: string): Promise<any> {
  for (let i = 0; i < 600; i++) {
    const answer = await http(served, `/api/jobs/${id}`);
    expect(answer.status, answer.text).toBe(200);
    const job = answer.json();
    if (job.state === 'completed' || job.state === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${id} did not finish`);
}

async function jobCount(): Promise<number> {
  const connection = connectRedis(redisConnection(redis.url));
  const queue = new Queue(QUEUE, { connection });
  try {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
    return Object.values(counts).reduce((a, b) => a + b, 0);
  } finally {
    await queue.close();
    await connection.quit();
  }
}

describe('iep serve --redis: /api/jobs', () => {
  let first: Answer;

  it('enqueues a record, joins a second identical request, and serves the file the worker wrote', async () => {
    first = await post(served, '/api/jobs?layout=family&lang=es&format=docx,pdf', maya);
    expect(first.status, first.text).toBe(202);
    const id: string = first.json().id;
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(first.headers.location).toBe(`/api/jobs/${id}`);
    const again = await post(served, '/api/jobs?layout=family&lang=es&format=pdf,docx', maya);
    expect(again.status).toBe(202);
    expect(again.json().id).toBe(id);
    expect(await jobCount()).toBe(1);

    const job = await untilFinished(id);
    expect(job.state).toBe('completed');
    expect(job.result.status).toBe('done');
    expect(job.result.outputs.map((o: { name: string }) => o.name).sort()).toEqual(['209345671-family-es-v1.docx', '209345671-family-es-v1.pdf']);
    for (const output of job.result.outputs) {
      const file = await http(served, output.url);
      expect(file.status, file.text).toBe(200);
      expect(sha256Bytes(file.body)).toBe(output.sha256);
      expect(file.headers['content-disposition']).toContain(output.name);
      const local = path.join(served.tmp, 'dl-' + output.name);
      writeFileSync(local, file.body);
      if (output.format === 'pdf') expect(pdfPages(local)).toBeGreaterThan(1);
      else expect(await docxHasDocument(local)).toBe(true);
    }
    // Finished and whole: the same request again is answered by the same job, not rendered again.
    const third = await post(served, '/api/jobs?layout=family&lang=es&format=docx,pdf', maya);
    expect(third.json()).toMatchObject({ id, state: 'completed' });
  }, 120_000);

  it('refuses a file changed on disk since the worker wrote it (409), and renders it again when asked again', async () => {
    const id: string = first.json().id;
    const job = await untilFinished(id);
    const docx = job.result.outputs.find((o: { format: string }) => o.format === 'docx');
    const onDisk = path.join(jobsDir, jobFolder(docx.name), docx.name);
    writeFileSync(onDisk, 'not the document');
    const file = await http(served, docx.url);
    expect(file.status).toBe(409);
    expect(file.json().error.code).toBe('conflict');
    const redo = await post(served, '/api/jobs?layout=family&lang=es&format=docx,pdf', maya);
    expect(redo.json().id).toBe(id);
    const done = await untilFinished(id);
    expect(done.state).toBe('completed');
    expect(sha256Bytes(readFileSync(onDisk))).toBe(done.result.outputs.find((o: { format: string }) => o.format === 'docx').sha256);
  }, 120_000);

  it('answers a record with errors 422 with its line, and enqueues nothing', async () => {
    const before = await jobCount();
    const bad = maya.replace(/^  id: "209345671"\n/m, '  id: "209345671"\n  favourite_colour: blue\n');
    const answer = await post(served, '/api/jobs?layout=official&lang=en&format=docx', bad);
    expect(answer.status).toBe(422);
    expect(answer.json().diagnostics).toContainEqual(expect.objectContaining({ code: 'unknown-field', line: 15, path: 'student.favourite_colour' }));
    expect(await jobCount()).toBe(before);
  });

  it('refuses a POST without the X-Iepkit header or a token (cross-site), and bad options', async () => {
    const noHeader = await http(served, '/api/jobs?layout=family&lang=es&format=docx', { method: 'POST', body: maya, headers: { 'content-type': 'application/yaml' } });
    expect(noHeader.status).toBe(403);
    const badFormat = await post(served, '/api/jobs?format=docx,exe', maya);
    expect(badFormat.status).toBe(400);
    expect(badFormat.json().error.message).toContain('format');
  });

  it("does not show unknown jobs, nor a batch's jobs on the same queue", async () => {
    expect((await http(served, `/api/jobs/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await http(served, '/api/jobs/..%2F..%2Fetc')).status).toBe(400);
    // A job `iep batch --queue` would enqueue: its own output folder, outside the server's.
    const connection = connectRedis(redisConnection(redis.url));
    const queue = new Queue(QUEUE, { connection });
    try {
      const [batchJob] = await enqueueRenders(queue, [
        { id: 'x#student#en', file: 'x.iep.yaml', inputBase64: Buffer.from(maya).toString('base64'), inputSha256: sha256Bytes(Buffer.from(maya)), layout: 'student', lang: 'en', formats: ['html'], profile: 'ny', outDir: path.join(served.tmp, 'batch-out'), optionsKey: 'batch' },
      ]);
      const answer = await http(served, `/api/jobs/${batchJob}`);
      expect(answer.status).toBe(404);
      expect(answer.text).not.toContain('inputBase64');
    } finally {
      await queue.close();
      await connection.quit();
    }
  });

  it('answers 503 while Redis is down, and takes jobs again once it is back', async () => {
    const restarting = redis.restart(4000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const down = await post(served, '/api/jobs?layout=student&lang=en&format=docx', maya);
    expect(down.status).toBe(503);
    expect(down.json().error.message).toContain('Redis');
    expect(down.headers['retry-after']).toBeDefined();
    await restarting;
    let back: Answer | undefined;
    for (let i = 0; i < 50 && back?.status !== 202; i++) {
      back = await post(served, '/api/jobs?layout=student&lang=en&format=docx', maya);
      if (back.status !== 202) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(back!.status, back!.text).toBe(202);
    expect((await untilFinished(back!.json().id)).result.status).toBe('done');
  }, 60_000);
});

describe('iep serve --redis on the command line', () => {
  const workspaces: Workspace[] = [];
  afterAll(() => workspaces.forEach((ws) => ws.cleanup()));

  it('does not start when Redis does not answer (exit 5), and --queue needs --redis (exit 2)', async () => {
    const ws = makeWorkspace('serve-redis');
    workspaces.push(ws);
    const unreachable = await iep(['serve', ws.inDir, '--port', '0', '--redis', 'redis://127.0.0.1:1'], ws);
    expect(unreachable.code).toBe(5);
    expect(unreachable.stderr).toContain('cannot reach Redis at 127.0.0.1:1');
    expect(unreachable.stderr).not.toMatch(/^\s+at \S/m);
    const usage = await iep(['serve', ws.inDir, '--queue', 'x'], ws);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--queue and --jobs-out go with --redis');
  }, 30_000);
});

/** The job's own folder under the jobs folder (named by a hash of the record and options): the one holding `name`. */
function jobFolder(name: string): string {
  const folder = readdirSync(jobsDir).find((f) => existsSync(path.join(jobsDir, f, name)));
  expect(folder).toBeDefined();
  return folder!;
}
