/**
 * DOCX throughput in worker threads: renderIep(iep, { layout, lang, formats: ['docx'] }) in N worker_threads at
 * once, each rendering the documents given one after another for a fixed time, for each N asked (1 and 2 on the
 * 2-core machines of issue 15), so the benchmark can print "2 workers: X docs/s = 1.8x one".
 *
 * This file is also the worker's script. The benchmark runs under tsx, but on Node 20 a worker thread does not get
 * the tsx loader of its process, and `execArgv: ['--import', 'tsx']` does not give it one either (the worker's
 * import of a .ts file fails with ERR_UNKNOWN_FILE_EXTENSION). So each worker starts from a line of JavaScript that
 * imports this file through tsx's `tsImport` API, which loads TypeScript in any thread: the workers run the same
 * sources the benchmark measures.
 *
 * Each worker renders the documents for `warmMs` (at least twice each) before the clock starts, then all start
 * together; a worker finishes the document it is on when its time is up, and its rate is its own documents over its
 * own elapsed time. The rates of the workers add up to the total. The warm-up is long because V8 is: functions run
 * once per document (the view model's build, docx's createStyles, the packer's xmlifyFile) become hot only after
 * hundreds of documents and take 10-190 ms each to optimize, on helper threads: after two documents a worker still
 * compiled ~3 ms per document at its 100th-200th document (--trace-opt), which a long-running worker no longer does.
 * That compiling has a free core beside one worker and none beside two.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { LayoutName } from '../../src/load/load-layout.js';
import type { Iep } from '../../src/model/iep.js';
import type { Language } from '../../src/model/languages.js';
import { renderIep } from '../../src/pipeline/render-iep.js';

export interface DocxJob {
  iep: Iep;
  layout: LayoutName;
  lang: Language;
}

export interface WorkerRun {
  /** Worker threads rendering at once. */
  workers: number;
  /** Documents per second, all workers together. */
  docsPerS: number;
  /** Each worker's documents per second. */
  perWorker: number[];
  /** Documents rendered in the timed part, all workers together. */
  docs: number;
  /** Mean time of one document (ms), over all workers. */
  meanMs: number;
  /**
   * CPU the process used in the timed part (user + system, every thread), in cores: about `workers` when each worker
   * had a core to itself. Below that, the machine's other processes (or its hypervisor) took the difference; a
   * ratio short of the worker count with this near the count is the threads slowing each other (GC, memory).
   */
  cpuCores: number;
  /**
   * Documents per CPU-second (docsPerS / cpuCores): the same for 1 and 2 workers when the threads do not slow each
   * other, whatever else the machine is running.
   */
  docsPerCpuS: number;
}

interface WorkerInput {
  jobs: DocxJob[];
  durationMs: number;
  warmMs: number;
}

type FromWorker = { type: 'ready' } | { type: 'done'; docs: number; ms: number } | { type: 'error'; message: string };

/**
 * DOCX documents per second with each number of worker threads in `workers` (run one after another), every worker
 * rendering all of `jobs` in turn for `durationMs`. On a machine whose load varies, alternate: `[1, 2, 1, 2]`.
 */
export async function docxWorkerThroughput(
  jobs: readonly DocxJob[],
  options: { workers: readonly number[]; durationMs: number; warmMs: number },
): Promise<WorkerRun[]> {
  if (jobs.length === 0) throw new Error('no documents to render');
  const runs: WorkerRun[] = [];
  for (const count of options.workers) runs.push(await runWorkers(count, { jobs: [...jobs], durationMs: options.durationMs, warmMs: options.warmMs }));
  return runs;
}

/** A worker's script: this file, loaded through tsx (the script is CommonJS, so tsx's ESM API comes by import()). */
const WORKER_SCRIPT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ tsImport }) => tsImport(${JSON.stringify(import.meta.url)}, ${JSON.stringify(import.meta.url)}));`;

async function runWorkers(count: number, input: WorkerInput): Promise<WorkerRun> {
  const workers = Array.from({ length: count }, () => new Worker(WORKER_SCRIPT, { eval: true, workerData: input }));
  try {
    const messages = workers.map((worker) => messagesOf(worker));
    await Promise.all(messages.map((next) => next()));
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (const worker of workers) worker.postMessage('start');
    const results = await Promise.all(messages.map((next) => next()));
    const cpu = process.cpuUsage(cpu0);
    const wallMs = performance.now() - t0;
    const done = results.map((result) => {
      if (result.type !== 'done') throw new Error('a DOCX worker did not finish');
      return result;
    });
    const perWorker = done.map(({ docs, ms }) => (docs * 1000) / ms);
    const docsPerS = perWorker.reduce((sum, rate) => sum + rate, 0);
    const cpuCores = (cpu.user + cpu.system) / 1000 / wallMs;
    const docs = done.reduce((sum, { docs }) => sum + docs, 0);
    return {
      workers: count,
      docsPerS,
      perWorker,
      docs,
      meanMs: done.reduce((sum, { ms }) => sum + ms, 0) / docs,
      cpuCores,
      docsPerCpuS: docsPerS / cpuCores,
    };
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** The worker's messages one at a time; an error message, an error event or an early exit rejects. */
function messagesOf(worker: Worker): () => Promise<FromWorker> {
  const queue: FromWorker[] = [];
  let waiting: { resolve: (message: FromWorker) => void; reject: (error: Error) => void } | undefined;
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    waiting?.reject(failure);
    waiting = undefined;
  };
  worker.on('message', (message: FromWorker) => {
    if (message.type === 'error') return fail(new Error(`DOCX worker: ${message.message}`));
    if (waiting) {
      waiting.resolve(message);
      waiting = undefined;
    } else queue.push(message);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`DOCX worker exited (code ${code})`)));
  return () => {
    const message = queue.shift();
    if (message) return Promise.resolve(message);
    if (failure) return Promise.reject(failure);
    return new Promise((resolve, reject) => (waiting = { resolve, reject }));
  };
}

/** One DOCX through the pipeline (renderIep), as every DOCX phase of the bench renders it; throws when none comes. */
export async function renderDocxJob(job: DocxJob, name?: string): Promise<void> {
  const result = await renderIep(job.iep, { layout: job.layout, lang: job.lang, formats: ['docx'] });
  if (result.outputs.length !== 1) {
    throw new Error(`${name ? `${name}: ` : ''}no DOCX (${result.diagnostics.find((d) => d.severity === 'error')?.message ?? 'no output'})`);
  }
}

async function workerMain(input: WorkerInput): Promise<void> {
  const port = parentPort!;
  const render = (job: DocxJob) => renderDocxJob(job);
  const warmStart = performance.now();
  for (let pass = 0; pass < 2 || performance.now() - warmStart < input.warmMs; pass++) for (const job of input.jobs) await render(job);
  port.postMessage({ type: 'ready' } satisfies FromWorker);
  await new Promise<void>((resolve) => port.once('message', () => resolve()));
  let docs = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < input.durationMs) {
    await render(input.jobs[docs % input.jobs.length]!);
    docs++;
  }
  port.postMessage({ type: 'done', docs, ms: performance.now() - t0 } satisfies FromWorker);
}

if (!isMainThread && (workerData as WorkerInput | undefined)?.jobs) {
  const port = parentPort!;
  workerMain(workerData as WorkerInput).catch((error: unknown) =>
    port.postMessage({ type: 'error', message: error instanceof Error ? error.stack ?? error.message : String(error) } satisfies FromWorker),
  );
}
