import type { Command } from 'commander';
import { BATCH_DEFAULTS } from '../../model/defaults.js';
import { EXIT, exitCodeFor } from '../../model/diagnostic-catalog.js';
import { batchProgressReporter } from '../batch-progress.js';
import { expandInputs } from '../expand-inputs.js';
import { UsageError, type CliIo } from '../io.js';
import { redisOption } from '../redis-option.js';
import { addOutputOptions, parseOutputOptions, type OutputCliOptions } from '../output-options.js';
import { profileChoice } from '../profile-options.js';
import { formatDiagnostics } from '../print-diagnostics.js';
import { timestampFromEnvironment } from '../source-date-epoch.js';
import { PACKAGE_VERSION } from '../../model/paths.js';

const version = PACKAGE_VERSION;

interface BatchCliOptions extends OutputCliOptions {
  concurrency: string;
  resume?: boolean;
  json?: boolean;
  queue?: string;
  queueName?: string;
}

export function registerBatch(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = program
    .command('batch')
    .description('render many IEPs at once with one browser; survives interruption (--resume) and writes a manifest')
    .argument('<inputs...>', 'IEP files or globs');
  addOutputOptions(command, BATCH_DEFAULTS, 'output folder (manifest.json is written there)')
    .option('--concurrency <n>', 'PDFs printed at once, a browser page each (as many more documents are composed meanwhile)', String(BATCH_DEFAULTS.concurrency))
    .option('--resume', 'skip documents whose outputs are complete and unchanged from a previous run')
    .option('--json', 'print the manifest (JSON) to stdout instead of the summary line')
    .option('--queue <url>', 'render on `iep worker` processes through Redis (redis://HOST:PORT) instead of here; --concurrency is then theirs')
    .option('--queue-name <name>', 'with --queue: the queue the workers take jobs from (default: iepkit-render)')
    .addHelpText(
      'after',
      '\nEach file is written under a temporary name and renamed when complete; Ctrl-C stops cleanly (finished documents kept,\n' +
        'the rest left for --resume). Exit codes: 0 all done, 1 some documents failed (an unreadable or invalid input, or\n' +
        '--final refused), 2 usage error, 3 a document could not be rendered, 5 the output folder cannot be written (a file\n' +
        'in its way, read-only, disk full) or no browser, 130/143 interrupted. With --queue the workers write the files,\n' +
        'so workers on other machines need the output folder shared (see docs/queue.md).',
    )
    .action(async (args: string[], options: BatchCliOptions) => {
      const concurrency = Number(options.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) throw new UsageError('--concurrency must be a whole number from 1 to 32');
      const lists = parseOutputOptions(options);
      const { profile, templates, locales } = await profileChoice(options, { withProfile: true });
      const inputs = await expandInputs(args);
      const queued = options.queue === undefined ? undefined : await queuedBatch(options.queue, options.queueName);
      const controller = new AbortController();
      let signalCode = 0;
      const onSignal = (signal: NodeJS.Signals) => {
        if (controller.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : 143);
        signalCode = signal === 'SIGINT' ? 130 : 143;
        io.err(`\niep batch: ${signal}: finishing the documents in progress, then stopping (again to stop at once)\n`);
        controller.abort();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      const progress = batchProgressReporter(io);
      // Loaded when the command runs, so other commands start without the renderers and the browser driver.
      const { runBatch } = await import('../../batch/run-batch.js');
      const { OutputFolderError } = await import('../../batch/output-folder-error.js');
      const { OutputLockedError } = await import('../../batch/output-lock.js');
      try {
        const manifest = await (queued ?? runBatch)(
          {
            inputs,
            outDir: options.out,
            ...lists,
            profile,
            templates,
            locales,
            pageSize: options.pageSize,
            final: options.final,
            withCompliance: options.withCompliance,
            concurrency,
            resume: options.resume,
            timestamp: timestampFromEnvironment(process.env),
            signal: controller.signal,
            pool: { executablePath: options.browser },
            version,
          },
          (p) => progress.update(p),
        );
        progress.stop();
        const failed = manifest.entries.filter((e) => e.status === 'failed').flatMap((e) => e.diagnostics);
        if (failed.length > 0) io.err(formatDiagnostics(failed.filter((d) => d.severity === 'error'), { color: io.color }));
        const s = manifest.summary;
        if (options.json) io.out(JSON.stringify(manifest, null, 2) + '\n');
        else io.out(`${s.done} rendered, ${s.skipped} skipped (already complete), ${s.failed} failed, ${s.pending} pending; manifest: ${options.out}/manifest.json\n`);
        // In a batch an unreadable input is one failed document among many, not a mistake in the command line.
        const code = exitCodeFor(failed);
        setExit(signalCode || (s.failed > 0 ? Math.max(EXIT.invalid, code === EXIT.usage ? EXIT.invalid : code) : EXIT.ok));
      } catch (error) {
        // By name: the queue's modules (and the Redis client) are loaded only with --queue.
        if (error instanceof Error && error.name === 'RedisUnreachableError') {
          progress.stop();
          io.err(`iep batch: ${error.message}\n`);
          setExit(signalCode || EXIT.environment);
          return;
        }
        if (!(error instanceof OutputFolderError) && !(error instanceof OutputLockedError)) throw error;
        progress.stop();
        io.err(formatDiagnostics([error.diagnostic], { color: io.color }));
        setExit(signalCode || EXIT.environment);
      } finally {
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
      }
    });
}

/** `runQueuedBatch` on the Redis of `--queue`, when given: a malformed URL is a usage error. */
async function queuedBatch(url: string, queueName: string | undefined): Promise<typeof import('../../batch/run-batch.js').runBatch> {
  const connection = await redisOption(url, '--queue');
  const { runQueuedBatch } = await import('../../queue/run-queued-batch.js');
  return (options, onProgress) => runQueuedBatch({ ...options, connection, queueName }, onProgress);
}
