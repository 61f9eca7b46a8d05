/**
 * Rendering on BullMQ workers over a real redis-server (test/queue/redis-server.ts: a free loopback port, a
 * temporary data folder). The workers and the batch are the real CLI (`node bin/iep.js worker` and
 * `iep batch --queue`) as child processes, each in its own process group and TMPDIR, because what is tested is
 * what happens to processes: one SIGKILLed, one stopped with SIGTERM, Redis killed and restarted. The job semantics
 * (idempotent ids, no retry for invalid input, retries with backoff) are tested with in-process workers
 * (startRenderWorker) on their own queues, where the job's state in Redis can be read directly.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ManifestEntry } from '../../src/batch/manifest.js';
import { enqueueRenders, type RenderQueue } from '../../src/queue/enqueue-renders.js';
import { decodeFailure } from '../../src/queue/job-failure.js';
import { connectRedis, redisConnection } from '../../src/queue/redis-connection.js';
import { renderJobId, type RenderJobData } from '../../src/queue/render-job-data.js';
import { startRenderWorker, type RenderWorker } from '../../src/queue/start-render-worker.js';
import { sha256 as sha256Bytes } from '../../src/pipeline/index.js';
import {
  copyExample,
  docxHasDocument,
  iep,
  journalLines,
  makeWorkspace,
  outputFiles,
  partialFiles,
  pdfPages,
  processesUsing,
  readManifest,
  root,
  sha256,
  spawnIep,
  waitFor,
  type Spawned,
  type Workspace,
} from '../batch/batch-helpers.js';
import { startRedis, type RedisServer } from './redis-server.js';

let redis: RedisServer;
const workspaces: Workspace[] = [];
const children: Spawned[] = [];

beforeAll(async () => {
  expect(inject('buildError')).toBe('');
  redis = await startRedis();
});

afterEach(async () => {
  // Whatever a failed test left running: its process group, then its folders (which kills their browsers).
  for (const { child } of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    }
  }
  for (const ws of workspaces.splice(0)) ws.cleanup();
});

afterAll(async () => {
  await redis?.stop();
});

function workspace(name: string): Workspace {
  const ws = makeWorkspace(`queue-${name}`);
  workspaces.push(ws);
  return ws;
}

function spawn(args: string[], ws: Workspace): Spawned {
  const run = spawnIep(args, ws);
  children.push(run);
  return run;
}

/** `iep worker` on the test's Redis, with a short lock so that a killed worker's jobs move on within seconds. */
async function startWorker(name: string, queue: string): Promise<{ run: Spawned; ws: Workspace; log: () => string }> {
  const ws = workspace(name);
  const run = spawn(['worker', '--redis', redis.url, '--queue', queue, '--concurrency', '2', '--lock-duration', '2000'], ws);
  let log = '';
  run.child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  await waitFor(`worker ${name} to start`, () => log.includes('taking jobs'), 30_000);
  return { run, ws, log: () => log };
}

const doneLines = (log: string) => log.split('\n').filter((l) => l.startsWith('iep worker: done '));

/** Every output the manifest lists is on disk with its sha256, and nothing else is. */
function expectManifestMatchesFiles(outDir: string, entries: readonly ManifestEntry[]): void {
  const listed = entries.flatMap((e) => e.outputs.map((o) => o.path));
  for (const entry of entries) {
    for (const output of entry.outputs) expect(sha256(path.join(outDir, output.path)), output.path).toBe(output.sha256);
  }
  expect(outputFiles(outDir).sort()).toEqual([...listed].sort());
  expect(partialFiles(outDir)).toEqual([]);
}

/** An unknown field on line 15 of an otherwise valid record. */
function invalidYaml(): string {
  const yaml = readFileSync(path.join(root, 'examples/maya-thompson.iep.yaml'), 'utf8');
  const bad = yaml.replace(/^  id: "209345671"\n/m, '  id: "300000099"\n  favourite_colour: blue\n');
  expect(bad.split('\n')[14]).toBe('  favourite_colour: blue');
  return bad;
}

describe('iep batch --queue on iep worker processes', () => {
  it('2 workers render 40 documents while one is SIGKILLed and Redis restarts; the manifest matches the files', async () => {
    const queue = 'forty';
    const ws = workspace('forty');
    for (let i = 1; i <= 20; i++) copyExample(ws, i % 2 ? 'maya-thompson' : 'mateo-almonte', `30000${String(i).padStart(4, '0')}`);
    const invalid = path.join(ws.inDir, 'zz-invalid.iep.yaml');
    writeFileSync(invalid, invalidYaml());
    const a = await startWorker('a', queue);
    const b = await startWorker('b', queue);

    const batch = spawn(['batch', path.join(ws.inDir, '*.iep.yaml'), '--out', ws.outDir, '--layouts', 'student,family', '--langs', 'en', '--formats', 'docx,html', '--queue', redis.url, '--queue-name', queue], ws);
    // Mid-run: worker a has finished a few documents and has others in flight.
    await waitFor('worker a to finish 3 documents', () => doneLines(a.log()).length >= 3, 90_000, 20);
    process.kill(-a.run.child.pid!, 'SIGKILL');
    expect((await a.run.exited).signal).toBe('SIGKILL');
    const atKill = journalLines(ws.outDir);
    expect(atKill).toBeLessThan(40);
    // Redis crashes and comes back (same port, same data) while the rest is rendered by worker b.
    await waitFor('a few more documents on worker b', () => journalLines(ws.outDir) >= Math.min(atKill + 4, 36), 90_000, 20);
    await redis.restart();

    const finished = await batch.exited;
    expect(finished.stderr).not.toMatch(/^\s+at \S/m);
    // One input was invalid: exit code 1, as a local batch.
    expect(finished.code, finished.stderr).toBe(1);
    const manifest = readManifest(ws.outDir);
    expect(manifest.summary).toEqual({ total: 41, done: 40, skipped: 0, failed: 1, pending: 0 });
    expect(manifest.interrupted).toBe(false);
    const failed = manifest.entries.find((e) => e.status === 'failed')!;
    expect(failed.input).toBe(invalid);
    expect(failed.diagnostics).toContainEqual(expect.objectContaining({ code: 'unknown-field', line: 15, file: invalid }));
    expect(finished.stderr).toContain('15:3');
    expectManifestMatchesFiles(ws.outDir, manifest.entries);
    expect(outputFiles(ws.outDir)).toHaveLength(80);
    for (const name of outputFiles(ws.outDir).filter((n) => n.endsWith('.docx')).slice(0, 4)) expect(await docxHasDocument(path.join(ws.outDir, name))).toBe(true);

    // The killed worker's jobs were handed to worker b by the stalled-job check, and every job ran to completion.
    const client = connectRedis(redisConnection(redis.url));
    const q: RenderQueue = new Queue(queue, { connection: client });
    try {
      const jobs = await q.getJobs(['completed']);
      expect(jobs).toHaveLength(40);
      expect(jobs.some((job) => job.stalledCounter > 0)).toBe(true);
      expect(await q.getJobs(['failed', 'wait', 'active', 'delayed'])).toEqual([]);
    } finally {
      await q.close();
      await client.quit();
    }
    // (Counting the workers' log lines would not do: a worker killed right after a job completes never prints it.)
    expect(doneLines(b.log()).length).toBeGreaterThan(0);

    // Worker b stops on SIGTERM, and no process of either worker (browser included) is left.
    process.kill(b.run.child.pid!, 'SIGTERM');
    const stopped = await b.run.exited;
    expect(stopped.code).toBe(143);
    expect(b.log()).toContain('iep worker: stopped');
    await waitFor('no process left', () => processesUsing(a.ws.tmpDir).length === 0 && processesUsing(b.ws.tmpDir).length === 0, 10_000);
  }, 150_000);

  it('SIGTERM lets a worker finish the PDFs in flight (no partial file); another worker finishes the batch', async () => {
    const queue = 'sigterm';
    const ws = workspace('sigterm');
    for (let i = 1; i <= 3; i++) copyExample(ws, 'maya-thompson', `31000000${i}`);
    const c = await startWorker('c', queue);
    const batch = spawn(['batch', path.join(ws.inDir, '*.iep.yaml'), '--out', ws.outDir, '--layouts', 'student,family', '--langs', 'en', '--formats', 'pdf', '--queue', redis.url, '--queue-name', queue], ws);
    let err = '';
    c.run.child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    await waitFor('worker c to finish its first PDF', () => doneLines(c.log()).length >= 1, 90_000, 20);
    const beforeStop = doneLines(c.log()).length;
    process.kill(c.run.child.pid!, 'SIGTERM');
    const stopped = await c.run.exited;
    expect(stopped.code, err).toBe(143);
    // What it had in flight when told to stop was finished, not abandoned: nothing half-written.
    expect(c.log()).toContain('iep worker: stopped');
    expect(doneLines(c.log()).length).toBeGreaterThan(beforeStop);
    expect(partialFiles(ws.outDir)).toEqual([]);
    const byC = doneLines(c.log()).length;
    expect(byC).toBeLessThan(6);
    await waitFor('no process of worker c left', () => processesUsing(c.ws.tmpDir).length === 0, 10_000);

    const d = await startWorker('d', queue);
    const finished = await batch.exited;
    expect(finished.code, finished.stderr).toBe(0);
    const manifest = readManifest(ws.outDir);
    expect(manifest.summary).toEqual({ total: 6, done: 6, skipped: 0, failed: 0, pending: 0 });
    expectManifestMatchesFiles(ws.outDir, manifest.entries);
    for (const name of outputFiles(ws.outDir)) expect(pdfPages(path.join(ws.outDir, name)), name).toBeGreaterThan(0);
    // BullMQ records a job completed before the worker's 'completed' event prints its line, so the batch can exit
    // before worker d's last line arrives: wait for it, then count exactly.
    await waitFor('worker d to log the documents it finished', () => byC + doneLines(d.log()).length >= 6, 10_000);
    expect(byC + doneLines(d.log()).length).toBe(6);
    process.kill(d.run.child.pid!, 'SIGTERM');
    expect((await d.run.exited).code).toBe(143);
    await waitFor('no process of worker d left', () => processesUsing(d.ws.tmpDir).length === 0, 10_000);
  }, 120_000);
});

describe('iep batch --queue stopped with Ctrl-C', () => {
  it('takes its waiting jobs off the queue, writes a manifest of pending documents (exit 130), and --resume finishes them', async () => {
    const queue = 'ctrl-c';
    const ws = workspace('ctrl-c');
    for (let i = 1; i <= 3; i++) copyExample(ws, 'maya-thompson', `35000000${i}`);
    const args = ['batch', path.join(ws.inDir, '*.iep.yaml'), '--out', ws.outDir, '--layouts', 'student', '--langs', 'en', '--formats', 'docx', '--queue', redis.url, '--queue-name', queue];
    // No worker yet: every job waits on the queue.
    const batch = spawn(args, ws);
    const connection = connectRedis(redisConnection(redis.url));
    const jobs: RenderQueue = new Queue(queue, { connection });
    try {
      for (let tries = 0; (await jobs.getWaitingCount()) < 3; tries++) {
        expect(tries, 'the batch to enqueue its 3 jobs within 30 s').toBeLessThan(300);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      process.kill(batch.child.pid!, 'SIGINT');
      const stopped = await batch.exited;
      expect(stopped.code, stopped.stderr).toBe(130);
      expect(stopped.stderr).not.toMatch(/^\s+at \S/m);
      const manifest = readManifest(ws.outDir);
      expect(manifest.interrupted).toBe(true);
      expect(manifest.summary).toEqual({ total: 3, done: 0, skipped: 0, failed: 0, pending: 3 });
      // Nothing left for a worker to pick up later behind the batch's back.
      expect(await jobs.getJobCounts('waiting', 'active', 'delayed')).toEqual({ waiting: 0, active: 0, delayed: 0 });
    } finally {
      await jobs.close();
      await connection.quit();
    }
    const w = await startWorker('ctrl-c', queue);
    const resumed = await iep([...args, '--resume'], ws);
    expect(resumed.code, resumed.stderr).toBe(0);
    const manifest = readManifest(ws.outDir);
    expect(manifest.summary).toEqual({ total: 3, done: 3, skipped: 0, failed: 0, pending: 0 });
    expectManifestMatchesFiles(ws.outDir, manifest.entries);
    process.kill(w.run.child.pid!, 'SIGTERM');
    expect((await w.run.exited).code).toBe(143);
  }, 120_000);
});

describe('iep batch --queue without Redis', () => {
  it('says it cannot reach Redis (exit 5) instead of waiting for ever, and enqueues nothing', async () => {
    const ws = workspace('unreachable');
    copyExample(ws, 'maya-thompson', '340000001');
    // A port nobody listens on: the test's server stopped.
    const gone = await startRedis();
    await gone.stop();
    const run = await iep(['batch', ws.inDir, '--out', ws.outDir, '--formats', 'docx', '--queue', gone.url], ws);
    expect(run.code, run.stderr).toBe(5);
    expect(run.stderr).toContain(`cannot reach Redis at 127.0.0.1:${gone.port}`);
    expect(run.stderr).not.toMatch(/^\s+at \S/m);
    expect(outputFiles(ws.outDir)).toEqual([]);
  });
});

describe('render jobs', () => {
  let worker: RenderWorker | undefined;
  let queue: RenderQueue | undefined;
  let client: ReturnType<typeof connectRedis> | undefined;
  afterEach(async () => {
    await worker?.close();
    await queue?.close();
    // BullMQ does not close a client it was given.
    await client?.quit();
    worker = queue = client = undefined;
  });

  function openQueue(name: string): RenderQueue {
    client = connectRedis(redisConnection(redis.url));
    return new Queue(name, { connection: client });
  }

  function jobData(ws: Workspace, bytes: Buffer, file: string): RenderJobData {
    return {
      id: `${file}#student#en`,
      file,
      inputBase64: bytes.toString('base64'),
      inputSha256: sha256Bytes(bytes),
      layout: 'student',
      lang: 'en',
      formats: ['docx'],
      profile: 'ny',
      outDir: ws.outDir,
      optionsKey: JSON.stringify({ formats: ['docx'], pageSize: 'layout', profile: 'ny' }),
    };
  }

  async function waitForState(id: string, state: string, timeoutMs: number): Promise<void> {
    let now = '';
    const deadline = Date.now() + timeoutMs;
    while ((now = await queue!.getJobState(id)) !== state) {
      if (Date.now() > deadline) throw new Error(`job ${id} is ${now}, not ${state}, after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('a duplicate enqueue of the same work is one job and one output', async () => {
    const ws = workspace('dup');
    const file = copyExample(ws, 'mateo-almonte', '320000001');
    const data = jobData(ws, readFileSync(file), file);
    queue = openQueue('dup');
    const first = await enqueueRenders(queue, [data]);
    const second = await enqueueRenders(queue, [{ ...data }]);
    expect(second).toEqual(first);
    expect(first[0]).toBe(renderJobId(data));
    expect(await queue.getJobCountByTypes('wait', 'active', 'completed', 'failed', 'delayed')).toBe(1);

    worker = startRenderWorker({ connection: redisConnection(redis.url), queueName: 'dup', concurrency: 2 });
    await waitForState(first[0]!, 'completed', 30_000);
    const job = (await queue.getJob(first[0]!))!;
    expect(job.attemptsMade).toBe(1);
    expect(job.returnvalue.status).toBe('done');
    expect(outputFiles(ws.outDir)).toEqual(['320000001-student-en-v1.docx']);
    expect(job.returnvalue.outputs[0]!.sha256).toBe(sha256(path.join(ws.outDir, '320000001-student-en-v1.docx')));
  });

  it('an invalid input fails once, with its diagnostics and line, and is kept as failed without a retry', async () => {
    const ws = workspace('invalid');
    const data = jobData(ws, Buffer.from(invalidYaml()), 'sent-by-api.iep.yaml');
    queue = openQueue('invalid');
    const [id] = await enqueueRenders(queue, [data]);
    worker = startRenderWorker({ connection: redisConnection(redis.url), queueName: 'invalid' });
    await waitForState(id!, 'failed', 30_000);
    const job = (await queue.getJob(id!))!;
    expect(job.opts.attempts).toBe(3);
    expect(job.attemptsMade).toBe(1);
    const entry = decodeFailure(job.failedReason)!;
    expect(entry.status).toBe('failed');
    expect(entry.diagnostics).toContainEqual(expect.objectContaining({ code: 'unknown-field', file: 'sent-by-api.iep.yaml', line: 15, column: 3 }));
    expect(outputFiles(ws.outDir)).toEqual([]);
  });

  it('a browser that cannot start is a transient failure: retried with backoff, then kept as failed with its diagnostics', async () => {
    const ws = workspace('transient');
    const file = copyExample(ws, 'maya-thompson', '330000001');
    const data = { ...jobData(ws, readFileSync(file), file), formats: ['pdf'] as const };
    queue = openQueue('transient');
    const [id] = await enqueueRenders(queue, [data]);
    worker = startRenderWorker({ connection: redisConnection(redis.url), queueName: 'transient', pool: { executablePath: '/bin/false', launchTimeoutMs: 2000 } });
    await waitForState(id!, 'failed', 40_000);
    const job = (await queue.getJob(id!))!;
    expect(job.attemptsMade).toBe(3);
    expect(job.opts.backoff).toEqual({ type: 'exponential', delay: 2000 });
    const entry = decodeFailure(job.failedReason)!;
    expect(entry.diagnostics.map((d) => d.code)).toContain('browser-launch-failed');
    expect(outputFiles(ws.outDir)).toEqual([]);
  }, 60_000);
});
