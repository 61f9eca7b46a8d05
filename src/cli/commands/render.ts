import { Option, type Command } from 'commander';
import { join } from 'node:path';
import { LAYOUTS, PROFILES, type LayoutName, type Profile } from '../../load/load-layout.js';
import { hasErrors, type Diagnostic } from '../../model/diagnostic.js';
import { LANGUAGES, type Language } from '../../model/languages.js';
import type { PageSize } from '../../model/document.js';
import { resolveLanguages } from '../../i18n/resolve-languages.js';
import { FORMATS, type OutputFormat } from '../../model/formats.js';
import { EXIT } from '../exit-codes.js';
import { expandInputs } from '../expand-inputs.js';
import { parseList } from '../parse-list.js';
import type { CliIo } from '../io.js';
import { formatDiagnostics } from '../print-diagnostics.js';
import { closePoolOnSignals } from '../shutdown.js';
import { timestampFromEnvironment } from '../source-date-epoch.js';

interface RenderCliOptions {
  layout: string;
  profile: Profile;
  lang: string;
  format: string;
  out: string;
  pageSize: PageSize;
  final?: boolean;
  withCompliance?: boolean;
  browser?: string;
  lint: boolean;
}

/** "a,b" or "all" -> a checked list. */
export function registerRender(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('render')
    .description('render IEP files to DOCX, PDF and HTML in the official, family and student layouts')
    .argument('<files...>', 'IEP files; globs are expanded')
    .option('--layout <layouts>', `comma-separated: ${LAYOUTS.join(', ')}, or all`, 'official')
    .addOption(new Option('--profile <profile>', 'state profile for the official layout').choices([...PROFILES]).default('ny'))
    .option('--lang <languages>', `comma-separated: ${LANGUAGES.join(', ')}, all, or family (each parent's preferred language)`, 'en')
    .option('--format <formats>', `comma-separated: ${FORMATS.join(', ')}`, 'docx,pdf')
    .option('--out <dir>', 'output folder; files are named <student-id>-<layout>-<lang>.<ext>', 'out')
    .addOption(new Option('--page-size <size>', 'paper size').choices(['letter', 'a4']).default('letter'))
    .option('--final', 'the final official IEP: refuse (exit 1) when the IEP is a draft or breaks an error-level compliance rule')
    .option('--with-compliance', 'append the compliance check summary to a draft official IEP')
    .option('--browser <path>', 'Chrome/Chromium to print PDFs with (default: IEPKIT_CHROMIUM, then usual install locations)')
    .option('--no-lint', 'do not print strength-based wording warnings')
    .addHelpText('after', '\nExit codes: 0 all written, 1 invalid input or --final refused, 2 usage error, 3 a document could not be rendered.')
    .action(async (args: string[], options: RenderCliOptions) => {
      const layouts = parseList<LayoutName>(options.layout, LAYOUTS, 'layout');
      const formats = parseList<OutputFormat>(options.format, FORMATS, 'format');
      const langChoices = parseList<Language | 'family'>(options.lang, [...LANGUAGES, 'family'], 'language');
      const files = await expandInputs(args);
      // Loaded here, not at the top, so `iep validate` and `iep --help` do not pay for the browser and renderers.
      const [{ checkCompliance, complianceSummary }, { lintIep }, { loadIepFile }, { BrowserPool }, { renderIep }, { writeFileAtomic }] = await Promise.all([
        import('../../rules/check-compliance.js'),
        import('../../lint/lint-iep.js'),
        import('../../validate/load-iep.js'),
        import('../../render/pdf/browser-pool.js'),
        import('../../render/render-iep.js'),
        import('../../render/write-file-atomic.js'),
      ]);
      const pool = formats.includes('pdf') ? new BrowserPool({ executablePath: options.browser }) : undefined;
      const removeSignalHandlers = pool ? closePoolOnSignals(pool) : () => {};
      const diagnostics: Diagnostic[] = [];
      let written = 0;
      try {
        for (const file of files) {
          const loaded = await loadIepFile(file);
          diagnostics.push(...loaded.diagnostics);
          if (!loaded.iep || hasErrors(loaded.diagnostics)) {
            setExit(loaded.diagnostics.some((d) => d.code === 'file-unreadable') ? EXIT.usage : EXIT.invalid);
            continue;
          }
          const iep = loaded.iep;
          if (options.lint) diagnostics.push(...lintIep(iep, { file, sourceMap: loaded.sourceMap }).filter((d) => d.severity !== 'info'));
          const compliance = layouts.includes('official') && (options.final || options.withCompliance) ? checkCompliance(iep, { profile: options.profile, file, sourceMap: loaded.sourceMap }) : [];
          for (const layout of layouts) {
            if (layout === 'official' && options.final) {
              const refusals = [...compliance.filter((d) => d.severity === 'error')];
              if (iep.document.status === 'draft') {
                refusals.push({ code: 'final-from-draft', severity: 'error', file, path: 'document.status', ...(loaded.sourceMap?.locate(['document', 'status']) ?? {}), message: 'the IEP is still a draft, so it cannot be printed as the final IEP', hint: 'set document.status to final once the team has agreed, or render without --final to get a DRAFT copy' });
              }
              if (refusals.length > 0) {
                diagnostics.push(...refusals);
                setExit(EXIT.invalid);
                continue;
              }
            }
            for (const lang of resolveLanguages(langChoices, iep)) {
              const result = await renderIep(iep, {
                layout,
                profile: options.profile,
                lang,
                formats,
                pageSize: options.pageSize,
                timestamp: timestampFromEnvironment(process.env),
                browserPool: pool,
                compliance: layout === 'official' && options.withCompliance && iep.document.status === 'draft' ? complianceSummary(compliance) : undefined,
              });
              diagnostics.push(...result.diagnostics.map((d) => ({ ...d, file: d.file ?? file })));
              for (const output of result.outputs) {
                const path = join(options.out, output.fileName);
                await writeFileAtomic(path, output.data);
                io.out(`wrote ${path}\n`);
                written++;
              }
              if (result.outputs.length < formats.length) setExit(hasErrors(result.diagnostics.filter((d) => d.code === 'missing-glyph')) ? EXIT.invalid : EXIT.renderFailed);
            }
          }
        }
      } finally {
        removeSignalHandlers();
        await pool?.close();
      }
      if (diagnostics.length > 0) io.err(formatDiagnostics(diagnostics, { color: io.color }));
      if (written === 0 && files.length > 0 && !hasErrors(diagnostics)) setExit(EXIT.renderFailed);
    });
}
