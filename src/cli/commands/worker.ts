import { InvalidArgumentError, type Command } from 'commander';
import type { CliIo } from '../io.js';
import { redisOption } from '../redis-option.js';
import { closePoolOnSignals } from '../shutdown.js';

interface WorkerCliOptions {
  redis: string;
  concurrency: number;
  queue?: string;
  lockDuration: number;
  browser?: string;
}

function parseWhole(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`a whole number from ${min} to ${max}`);
    return n;
  };
}

export function registerWorker(program: Command, io: CliIo, _setExit: (code: number) => void): void {
  program
    .command('worker')
    .description('render the documents `iep batch --queue` puts on a Redis queue (BullMQ), until stopped')
    .requiredOption('--redis <url>', 'the Redis server, redis://HOST:PORT (redis://:PASSWORD@HOST:PORT/DB, rediss:// for TLS)')
    .option('--concurrency <n>', 'PDFs printed at once, a page each of one browser (as many more documents are composed meanwhile)', parseWhole(1, 32), 2)
    .option('--queue <name>', 'the queue to take jobs from (default: iepkit-render)')
    .option('--lock-duration <ms>', "how long a job stays with a worker that stopped answering before another takes it", parseWhole(1000, 3_600_000), 30_000)
    .option('--browser <path>', 'Chrome/Chromium to print PDFs with (default: IEPKIT_CHROMIUM, then usual install locations)')
    .addHelpText(
      'after',
      [
        '',
        'Each job carries its input; outputs are written, each complete or not at all, to the output folder the batch',
        'names, so workers on other machines need that folder shared (mounted at the same path). A failed render is',
        'retried with backoff (3 attempts); an invalid input is not. SIGTERM or Ctrl-C: take no new jobs, finish those',
        'in flight, then exit (143 for SIGTERM, 130 for Ctrl-C; again to stop at once). A worker killed outright loses',
        'nothing: after --lock-duration its jobs go to another worker. See docs/queue.md.',
      ].join('\n'),
    )
    .action(async (options: WorkerCliOptions) => {
      const connection = await redisOption(options.redis, '--redis');
      const [{ startRenderWorker }, { DEFAULT_QUEUE_NAME }] = await Promise.all([import('../../queue/start-render-worker.js'), import('../../queue/render-job-data.js')]);
      const queueName = options.queue ?? DEFAULT_QUEUE_NAME;
      let lastError = '';
      const worker = startRenderWorker({
        connection,
        queueName,
        concurrency: options.concurrency,
        lockDurationMs: options.lockDuration,
        pool: { executablePath: options.browser },
        // One line per change: a Redis restart would otherwise print the same refusal every second.
        onError: (error) => {
          if (error.message === lastError) return;
          lastError = error.message;
          io.err(`iep worker: Redis ${options.redis}: ${error.message} (reconnecting)\n`);
        },
        onJob: ({ entry, jobId, outcome, attempt, reason }) => {
          const what = entry?.id ?? jobId;
          const why = entry?.diagnostics.find((d) => d.severity === 'error')?.message ?? (entry ? '' : reason);
          io.out(`iep worker: ${outcome} ${what} (attempt ${attempt})${outcome === 'done' || !why ? '' : `: ${why}`}\n`);
        },
      });
      // Runs until a signal: stop taking jobs, let those in flight finish, close the browser, then exit.
      const stop = { close: () => worker.close().then(() => io.out('iep worker: stopped\n')), killNow: () => worker.killNow() };
      closePoolOnSignals(stop, { closeTimeoutMs: 120_000 });
      try {
        await worker.ready();
      } catch {
        // Still connecting: the worker keeps trying, and onError said why.
      }
      lastError = '';
      io.out(`iep worker: pid ${process.pid} taking jobs from queue ${queueName} at ${options.redis}, ${options.concurrency} at a time\n`);
      await new Promise<never>(() => {});
    });
}
