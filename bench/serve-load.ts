/**
 * A bounded load test of `iep serve` over loopback: a fixed number of PDF render requests sent by a fixed number of
 * concurrent clients to a real server (real HTTP on 127.0.0.1, the real browser pool), then one burst larger than
 * the server's concurrency + queue. Prints throughput, p50/p95 latency, and the accounting that nothing was lost:
 * every request got either a complete PDF (Content-Length matches, %PDF- ... %%EOF, pdfinfo reads it) or, in the
 * burst, a 429 with Retry-After; no connection error, no other status.
 *
 *   npx tsx bench/serve-load.ts [--requests 24] [--clients 4] [--burst 16] [--layout student]
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from '../src/server/index.js';
import { percentile, round, runConcurrently } from './lib/stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = ['maya-thompson', 'mateo-almonte', 'amira-saleh', 'rayhan-chowdhury'];

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '24' },
    clients: { type: 'string', default: '4' },
    burst: { type: 'string', default: '16' },
    layout: { type: 'string', default: 'student' },
  },
});
const requests = Number(values.requests);
const clients = Number(values.clients);
const burst = Number(values.burst);

interface Outcome {
  status: number;
  complete: boolean;
  retryAfter?: string;
  error?: string;
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'iepkit-serve-load-'));
const folder = path.join(tmp, 'folder');
mkdirSync(folder);
for (const name of EXAMPLES) copyFileSync(path.join(ROOT, 'examples', `${name}.iep.yaml`), path.join(folder, `${name}.iep.yaml`));
const bodies = EXAMPLES.map((name) => readFileSync(path.join(folder, `${name}.iep.yaml`)));

const server = await startServer({ folder, port: 0 });
const { concurrency, queue } = server.limiter.options;

/** One render request; the PDF is checked for completeness (and by pdfinfo) before the outcome is counted. */
function render(body: Buffer, index: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: `/api/render?layout=${values.layout}&format=pdf`,
        headers: { 'content-type': 'application/yaml', 'x-iepkit': '1', 'content-length': body.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => resolve({ status: res.statusCode ?? 0, complete: false, error: error.message }));
        res.on('end', () => {
          const data = Buffer.concat(chunks);
          const status = res.statusCode ?? 0;
          if (status !== 200) return resolve({ status, complete: false, retryAfter: res.headers['retry-after'] });
          const lengthOk = Number(res.headers['content-length']) === data.length;
          const shapeOk = data.subarray(0, 5).toString() === '%PDF-' && data.subarray(-8).toString().includes('%%EOF');
          resolve({ status, complete: lengthOk && shapeOk && pdfinfoReads(data, index) });
        });
      },
    );
    req.on('error', (error) => resolve({ status: 0, complete: false, error: error.message }));
    req.end(body);
  });
}

function pdfinfoReads(data: Buffer, index: number): boolean {
  const file = path.join(tmp, `out-${index}.pdf`);
  writeFileSync(file, data);
  try {
    return /Pages:\s+\d+/.test(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  } catch {
    return false;
  } finally {
    rmSync(file, { force: true });
  }
}

try {
  console.log(`iep serve load test: ${values.layout} PDFs of ${EXAMPLES.length} examples; server concurrency ${concurrency}, queue ${queue}; ${os.cpus().length} CPUs`);
  // The first PDF launches the browser: warm it outside the measurement.
  const warm = await render(bodies[0]!, -1);
  if (!warm.complete) throw new Error(`warm-up render failed with ${warm.status}`);

  const outcomes: Outcome[] = [];
  const items = Array.from({ length: requests }, (_, i) => i);
  const { latencies, wallMs } = await runConcurrently(items, clients, async (i) => {
    outcomes[i] = await render(bodies[i % bodies.length]!, i);
  });
  const complete = outcomes.filter((o) => o.complete).length;
  console.log(`steady: ${requests} requests from ${clients} clients in ${round(wallMs / 1000, 2)} s`);
  console.log(`  throughput ${round((complete / wallMs) * 1000, 2)} PDFs/s; latency p50 ${round(percentile(latencies, 50), 0)} ms, p95 ${round(percentile(latencies, 95), 0)} ms`);
  console.log(`  complete PDFs ${complete}/${requests}; other answers: ${JSON.stringify(outcomes.filter((o) => !o.complete).map((o) => o.status))}`);

  // A burst beyond concurrency + queue: the overflow must be refused at once (429 + Retry-After), the rest complete.
  const started = performance.now();
  const burstOutcomes = await Promise.all(Array.from({ length: burst }, (_, i) => render(bodies[i % bodies.length]!, 1000 + i)));
  const burstMs = performance.now() - started;
  const ok = burstOutcomes.filter((o) => o.complete).length;
  const refused = burstOutcomes.filter((o) => o.status === 429 && o.retryAfter !== undefined).length;
  const lost = burst - ok - refused;
  console.log(`burst: ${burst} simultaneous requests in ${round(burstMs / 1000, 2)} s: ${ok} complete PDFs, ${refused} refused 429 with Retry-After, ${lost} lost or other`);
  const result = { requests, clients, completeSteady: complete, p50Ms: round(percentile(latencies, 50), 0), p95Ms: round(percentile(latencies, 95), 0), throughputPerS: round((complete / wallMs) * 1000, 2), burst, burstComplete: ok, burstRefused429: refused, lost: requests - complete + lost };
  console.log(JSON.stringify(result));
  process.exitCode = result.lost === 0 ? 0 : 1;
} finally {
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
}
