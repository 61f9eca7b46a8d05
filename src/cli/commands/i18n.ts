import type { Command } from 'commander';
import { isLanguage, LANGUAGES, type Language } from '../../model/languages.js';
import { expandInputs } from '../expand-inputs.js';
import { UsageError, type CliIo } from '../io.js';
import { validIeps } from '../valid-ieps.js';
import { addProfileOptions, profileChoice, type ProfileCliOptions } from '../profile-options.js';
import { PROFILE_TEXT_HELP } from '../i18n-profile.js';
import { registerI18nExport } from './i18n-export.js';
import { registerI18nImport } from './i18n-import.js';
import { registerI18nApplyMemory } from './i18n-apply-memory.js';
import { registerI18nGlossary } from './i18n-glossary.js';

/**
 * `iep i18n FILES --lang xx`: the parity report. Its subcommands (one file each) are the translation office's
 * workflow: export and import XLIFF, apply the translation memory, check the glossary.
 */
export function registerI18n(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const i18n = program
    .command('i18n')
    .description('translations: which labels and narrative fields are translated (the English of the rest, a percent per copy); `i18n export`/`i18n import` take them to and from a translator as XLIFF')
    .argument('[files...]', 'IEP files; globs are expanded');
  addProfileOptions(i18n, { withProfile: true, profileHelp: 'the state profile whose labels and copies are counted (default ny), or one in a --templates folder' })
    .option('--lang <languages>', `comma-separated: ${LANGUAGES.join(', ')}, or all`)
    .option('--json', 'print the report as JSON')
    .option('--no-copies', 'leave out the percent per copy (it composes each layout once per file: about a second each)')
    // The subcommands have their own --lang and --json: after a subcommand's name, options are the subcommand's.
    .enablePositionalOptions()
    .addHelpText('after', `\n${PROFILE_TEXT_HELP}\nExit codes: 0 report printed (complete or not), 1 a file is invalid, 2 usage error.`)
    .action(async (args: string[], options: ProfileCliOptions & { lang?: string; json?: boolean; copies: boolean }) => {
      if (args.length === 0) throw new UsageError('name at least one IEP file (or a subcommand: export, import, apply-memory, glossary)');
      if (!options.lang) throw new UsageError(`--lang is required (${LANGUAGES.join(', ')}, or all)`);
      const langs = (options.lang === 'all' ? [...LANGUAGES] : options.lang.split(',').map((s) => s.trim())) as string[];
      for (const lang of langs) if (!isLanguage(lang)) throw new UsageError(`unknown language "${lang}" (choose from: ${LANGUAGES.join(', ')})`);
      const { definition } = await profileChoice(options, { withProfile: true });
      const files = await expandInputs(args);
      // Loaded here, not at the top, so that other commands (and `iep --version`) do not load the validator.
      const [{ formatParityReport, parityReport }, { printedFields }, { LAYOUTS }] = await Promise.all([
        import('../../i18n/parity-report.js'),
        import('../../compose/printed-fields.js'),
        import('../../model/layouts.js'),
      ]);
      const reports = [];
      for await (const { file, loaded } of validIeps(files, io, setExit, { profile: definition })) {
        // Which fields each copy prints: the same in every language, so found once per file.
        const printed = new Map<string, string[]>();
        if (options.copies && langs.some((l) => l !== 'en')) {
          for (const layout of LAYOUTS) {
            const paths = printedFields(loaded.iep, layout, { profile: definition });
            if (paths) printed.set(layout, paths);
          }
        }
        for (const lang of langs as Language[]) {
          const report = parityReport(loaded.iep, lang, definition!.localeRoots, lang === 'en' ? new Map() : printed, definition);
          reports.push({ file, ...report });
          if (!options.json) io.out(formatParityReport(report, file));
        }
      }
      if (options.json) io.out(JSON.stringify({ reports }, null, 2) + '\n');
    });
  registerI18nExport(i18n, io, setExit);
  registerI18nImport(i18n, io, setExit);
  registerI18nApplyMemory(i18n, io, setExit);
  registerI18nGlossary(i18n, io, setExit);
}
