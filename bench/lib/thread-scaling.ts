/**
 * What 2 threads can give on this machine, for reading the DOCX worker figures: a loop of pure arithmetic (no
 * allocation) and a loop that allocates and drops objects as a renderer does, each in 1 and then 2 worker threads
 * for the same time. The arithmetic shows whether the machine has two cores to give (about 2x); the allocating loop
 * shows what V8's garbage collection leaves, since it runs on helper threads beside each JavaScript thread (one
 * allocating thread already keeps about 1.5 cores busy on these machines).
 */
import { Worker } from 'node:worker_threads';

export interface ThreadScaling {
  /** Work done by 2 threads over work done by 1, same duration. */
  computeRatio: number;
  allocateRatio: number;
  /** Cores of CPU the process used with 1 allocating thread. */
  allocateOneThreadCores: number;
}

const COMPUTE = `let x = 0; for (let i = 0; i < 1e6; i++) x = (x * 1103515245 + 12345) & 0x7fffffff; sink = x;`;
const ALLOCATE = `const a = []; for (let i = 0; i < 2e4; i++) a.push({ i, s: 'x' + i }); kept.push(a); if (kept.length > 20) kept.shift();`;

function probe(step: string, threads: number, ms: number): Promise<{ work: number; cores: number }> {
  const source =
    `const { parentPort } = require('node:worker_threads'); let sink = 0; const kept = []; let n = 0; ` +
    `const t0 = performance.now(); while (performance.now() - t0 < ${ms}) { ${step} n++; } parentPort.postMessage(n);`;
  const workers = Array.from({ length: threads }, () => new Worker(source, { eval: true }));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  return Promise.all(workers.map((w) => new Promise<number>((resolve, reject) => w.once('message', resolve).once('error', reject))))
    .then((counts) => {
      const cpu = process.cpuUsage(cpu0);
      return { work: counts.reduce((a, b) => a + b, 0), cores: (cpu.user + cpu.system) / 1000 / (performance.now() - t0) };
    })
    .finally(() => Promise.all(workers.map((w) => w.terminate())));
}

export async function threadScaling(ms: number): Promise<ThreadScaling> {
  const ratio = async (step: string) => {
    const one = await probe(step, 1, ms);
    const two = await probe(step, 2, ms);
    return { ratio: two.work / one.work, oneCores: one.cores };
  };
  const compute = await ratio(COMPUTE);
  const allocate = await ratio(ALLOCATE);
  return { computeRatio: compute.ratio, allocateRatio: allocate.ratio, allocateOneThreadCores: allocate.oneCores };
}
