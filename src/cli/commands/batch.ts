import { Option, type Command } from 'commander';
import { createRequire } from 'node:module';
import type { LanguageChoice } from '../../i18n/resolve-languages.js';
import { LAYOUTS, PROFILES, type LayoutName, type Profile } from '../../load/load-layout.js';
import type { PageSize } from '../../model/document.js';
import { LANGUAGES } from '../../model/languages.js';
import { FORMATS, type OutputFormat } from '../../model/formats.js';
import { batchProgressReporter } from '../batch-progress.js';
import { EXIT } from '../exit-codes.js';
import { expandInputs } from '../expand-inputs.js';
import { parseList } from '../parse-list.js';
import { UsageError, type CliIo } from '../io.js';
import { timestampFromEnvironment } from '../source-date-epoch.js';
import { formatDiagnostics } from '../print-diagnostics.js';

const { version } = createRequire(import.meta.url)('../../../package.json') as { version: string };

export function registerBatch(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('batch')
    .description('render many IEPs at once with one browser; survives interruption (--resume) and writes a manifest')
    .argument('<inputs...>', 'IEP files or globs')
    .option('--layouts <layouts>', `comma-separated: ${LAYOUTS.join(', ')}, or all`, 'all')
    .option('--langs <languages>', `comma-separated: ${LANGUAGES.join(', ')}, all, or family`, 'en,family')
    .option('--formats <formats>', `comma-separated: ${FORMATS.join(', ')}`, 'docx,pdf')
    .addOption(new Option('--profile <profile>', 'state profile for the official layout').choices([...PROFILES]).default('ny'))
    .addOption(new Option('--page-size <size>', 'paper size').choices(['letter', 'a4']).default('letter'))
    .option('--out <dir>', 'output folder (manifest.json is written there)', 'out')
    .option('--concurrency <n>', 'documents rendered at once', '2')
    .option('--resume', 'skip documents whose outputs are complete and unchanged from a previous run')
    .option('--browser <path>', 'Chrome/Chromium to print PDFs with')
    .addHelpText(
      'after',
      '\nEach file is written under a temporary name and renamed when complete; Ctrl-C stops cleanly (finished documents kept,\nthe rest left for --resume). Exit codes: 0 all done, 1 some documents failed, 2 usage error, 130/143 interrupted.',
    )
    .action(async (args: string[], options: { layouts: string; langs: string; formats: string; profile: Profile; pageSize: PageSize; out: string; concurrency: string; resume?: boolean; browser?: string }) => {
      const concurrency = Number(options.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) throw new UsageError('--concurrency must be a whole number from 1 to 32');
      const inputs = await expandInputs(args);
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
      try {
        const manifest = await runBatch(
          {
            inputs,
            outDir: options.out,
            layouts: parseList<LayoutName>(options.layouts, LAYOUTS, 'layout'),
            langs: parseList<LanguageChoice>(options.langs, [...LANGUAGES, 'family'], 'language'),
            formats: parseList<OutputFormat>(options.formats, FORMATS, 'format'),
            profile: options.profile,
            pageSize: options.pageSize,
            timestamp: timestampFromEnvironment(process.env),
            concurrency,
            resume: options.resume,
            signal: controller.signal,
            pool: { executablePath: options.browser },
            version,
          },
          (p) => progress.update(p),
        );
        progress.stop();
        const failed = manifest.entries.filter((e) => e.status === 'failed');
        if (failed.length > 0) io.err(formatDiagnostics(failed.flatMap((e) => e.diagnostics.filter((d) => d.severity === 'error')), { color: io.color }));
        const s = manifest.summary;
        io.out(`${s.done} rendered, ${s.skipped} skipped (already complete), ${s.failed} failed, ${s.pending} pending; manifest: ${options.out}/manifest.json\n`);
        setExit(signalCode || (s.failed > 0 ? EXIT.invalid : EXIT.ok));
      } finally {
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
      }
    });
}
