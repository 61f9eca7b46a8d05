/**
 * Throughput of `iep worker` processes over Redis: the same batch rendered by 1 worker and by 2 (each
 * `--concurrency 2`, one browser each), for DOCX and for PDF, with the ratio of the two in one run.
 *
 *   npx tsc -p tsconfig.build.json && npx tsx bench/queue.ts [--docs 24]
 *
 * Starts its own redis-server on a free loopback port (test/queue/redis-server.ts), the workers as real
 * `node bin/iep.js worker` processes, and enqueues with runQueuedBatch (what `iep batch --queue` runs). The time is
 * from the start of the batch to its manifest (planning, enqueueing, rendering, sha256 verification); workers are
 * started (and their first browser launched by a warm-up batch) before the clock starts, as on a farm that runs all night.
 * Prints documents per second; how it projects to more machines is in docs/queue.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { OutputFormat } from '../src/model/formats.js';
import { redisConnection } from '../src/queue/redis-connection.js';
import { runQueuedBatch } from '../src/queue/run-queued-batch.js';
import { startRedis } from '../test/queue/redis-server.js';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '24' } } });
const docs = Number(values.docs);
const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'iepkit-bench-queue-'));
const redis = await startRedis();
const connection = redisConnection(redis.url);

/** `docs / 2` inputs (copies of an example under new student ids) in student and family layouts: `docs` documents. */
function inputs(dir: string, count: number, firstId: number): string[] {
  mkdirSync(dir, { recursive: true });
  const yaml = readFileSync(path.join(root, 'examples/maya-thompson.iep.yaml'), 'utf8');
  return Array.from({ length: count }, (_, i) => {
    const file = path.join(dir, `${firstId + i}.iep.yaml`);
    writeFileSync(file, yaml.replace(/^  id: "209345671"$/m, `  id: "${firstId + i}"`));
    return file;
  });
}

function startWorkers(n: number, queue: string): Promise<ChildProcess[]> {
  return Promise.all(
    Array.from({ length: n }, (_, i) => {
      const child = spawn(process.execPath, ['bin/iep.js', 'worker', '--redis', redis.url, '--queue', queue, '--concurrency', '2'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
      return new Promise<ChildProcess>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('taking jobs')) resolve(child);
        });
        child.on('exit', (code) => reject(new Error(`worker ${i} exited with ${code} before starting`)));
      });
    }),
  );
}

async function stopWorkers(workers: ChildProcess[]): Promise<void> {
  await Promise.all(workers.map((w) => new Promise<void>((resolve) => (w.once('exit', () => resolve()), w.kill('SIGTERM')))));
}

async function batch(queue: string, files: string[], formats: OutputFormat[], outDir: string): Promise<number> {
  const t0 = performance.now();
  const manifest = await runQueuedBatch({ inputs: files, outDir, layouts: ['student', 'family'], langs: ['en'], formats, connection, queueName: queue });
  const seconds = (performance.now() - t0) / 1000;
  if (manifest.summary.done !== files.length * 2) throw new Error(`${manifest.summary.done} of ${files.length * 2} documents done: ${JSON.stringify(manifest.summary)}`);
  return seconds;
}

const rows: { format: string; workers: number; docs: number; seconds: number; perSecond: number }[] = [];
let next = 400_000_000;
try {
  for (const format of ['docx', 'pdf'] as const) {
    for (const n of [1, 2]) {
      const queue = `bench-${format}-${n}`;
      const workers = await startWorkers(n, queue);
      try {
        // Warm-up: every worker's code loaded and browser started (2 documents per worker).
        await batch(queue, inputs(path.join(work, `${queue}-warm`), n * 2, (next += 1000)), [format], path.join(work, `${queue}-warm-out`));
        const seconds = await batch(queue, inputs(path.join(work, queue), docs / 2, (next += 1000)), [format], path.join(work, `${queue}-out`));
        rows.push({ format, workers: n, docs, seconds, perSecond: docs / seconds });
      } finally {
        await stopWorkers(workers);
      }
    }
  }
} finally {
  await redis.stop();
  rmSync(work, { recursive: true, force: true });
}

console.log(`queue throughput: ${docs} documents (student + family layouts, English) per run; ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)}`);
console.log('format  workers  seconds  docs/s');
for (const r of rows) console.log(`${r.format.padEnd(6)}  ${String(r.workers).padStart(7)}  ${r.seconds.toFixed(1).padStart(7)}  ${r.perSecond.toFixed(2).padStart(6)}`);
for (const format of ['docx', 'pdf']) {
  const [one, two] = [1, 2].map((n) => rows.find((r) => r.format === format && r.workers === n)!);
  console.log(`${format}: 2 workers / 1 worker = ${(two!.perSecond / one!.perSecond).toFixed(2)}x`);
}
