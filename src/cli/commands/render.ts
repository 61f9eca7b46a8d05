import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULTS } from '../../model/defaults.js';
import { exitCodeFor } from '../../model/diagnostic-catalog.js';
import { expandInputs } from '../expand-inputs.js';
import { UsageError, type CliIo } from '../io.js';
import { addOutputOptions, parseOutputOptions, type OutputCliOptions } from '../output-options.js';
import { profileChoice } from '../profile-options.js';
import { formatDiagnostics } from '../print-diagnostics.js';
import { documentLine, formatBrief } from '../brief-report.js';
import { closePoolOnSignals } from '../shutdown.js';
import { timestampFromEnvironment } from '../source-date-epoch.js';

interface RenderCliOptions extends OutputCliOptions {
  lint: boolean;
  period?: number;
  base?: string;
  redline?: string;
  brief?: boolean;
}

/** `--redline OLD` is `--base OLD` with the official layout's changes marked; it marks the official layout only. */
function baseOptions(options: RenderCliOptions, layouts: readonly string[]): { baseFile?: string; redline?: boolean } {
  if (options.redline === undefined) return { baseFile: options.base };
  if (options.base !== undefined && options.base !== options.redline) {
    throw new UsageError('--redline OLD already names the version to compare with: leave out --base, or give the same file to both');
  }
  if (layouts.some((layout) => layout !== 'official')) {
    throw new UsageError(`--redline marks the changes in the official IEP: use it with --layout official (asked for: ${layouts.join(', ')})`);
  }
  return { baseFile: options.redline, redline: true };
}

/** `--period 2`: a reporting period is a whole number from 1. */
function parsePeriod(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a reporting period is a whole number, 1 or more');
  return n;
}

export function registerRender(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = program
    .command('render')
    .description('render IEP files to DOCX, PDF and HTML in the official, family and student layouts, the bilingual interpreter copy (--layout bilingual --lang xx), the progress reports (progress, progress-official), and for an amendment the family letter about its changes (--layout changes --base OLD) and the redline (--layout official --redline OLD)')
    .argument('<files...>', 'IEP files; globs are expanded');
  addOutputOptions(command, DEFAULTS, 'output folder; files are named <student-id>-<layout>-<lang>-v<version>.<ext>')
    .option('--no-lint', 'do not print strength-based wording warnings')
    .option('--period <n>', 'progress layouts: the reporting period to print (a progress report\'s period); default: the latest', parsePeriod)
    .option('--base <old>', 'an earlier version of the same student\'s IEP: --layout changes explains to the family what changed since it')
    .option('--redline <old>', 'with --layout official: mark the changes since this earlier version (Word tracked changes in the DOCX, underline and strike-through in the PDF)')
    .option('--brief', 'one line per document with its warnings counted, and per file the command that lists them; errors are still printed in full')
    .addHelpText('after', '\nExit codes: 0 all written, 1 invalid input or --final refused, 2 usage error, 3 a document could not be rendered.')
    .action(async (args: string[], options: RenderCliOptions) => {
      const lists = parseOutputOptions(options);
      const versions = baseOptions(options, lists.layouts);
      // The profile is checked once, before any file is read (an unknown one is exit 2 with a did-you-mean).
      const { profile, templates, locales } = await profileChoice(options, { withProfile: true });
      const files = await expandInputs(args);
      // Loaded here, not at the top, so `iep validate` and `iep --help` do not pay for the browser and renderers.
      // The browser is launched before the rest of the pipeline is even loaded: it starts while the renderers load
      // and the records are read, validated and composed (a launch error still reaches the first PDF, as before).
      const { BrowserPool } = await import('../../pipeline/browser-pool.js');
      const pool = lists.formats.includes('pdf') ? new BrowserPool({ executablePath: options.browser }) : undefined;
      const removeSignalHandlers = pool ? closePoolOnSignals(pool) : () => {};
      void pool?.warm();
      try {
        const { renderFiles } = await import('../../pipeline/index.js');
        const { diagnostics } = await renderFiles(files, {
          ...lists,
          profile,
          templates,
          locales,
          pageSize: options.pageSize,
          outDir: options.out,
          final: options.final,
          withCompliance: options.withCompliance,
          progressPeriod: options.period,
          ...versions,
          lint: options.lint,
          timestamp: timestampFromEnvironment(process.env),
          browserPool: pool,
          closeBrowserPool: true,
          ...(options.brief
            ? { onDocument: ({ job, outputs, diagnostics: found }) => io.out(documentLine(job, outputs.map((o) => o.path!), found)) }
            : { onWritten: (output) => io.out(`wrote ${output.path}\n`) }),
        });
        if (diagnostics.length > 0) io.err(options.brief ? formatBrief(diagnostics, { color: io.color }) : formatDiagnostics(diagnostics, { color: io.color }));
        setExit(exitCodeFor(diagnostics));
      } finally {
        removeSignalHandlers();
        await pool?.close();
      }
    });
}
