import type { Command } from 'commander';
import { hasErrors } from '../../model/diagnostic.js';
import { EXIT, exitCodeFor } from '../../model/diagnostic-catalog.js';
import { expandInputs } from '../expand-inputs.js';
import { TRANSLATION_LANGUAGES, translationLanguage } from '../translation-language.js';
import { UsageError, type CliIo } from '../io.js';
import { formatDiagnostics } from '../print-diagnostics.js';

/**
 * `iep i18n export FILES --lang xx --out FILE.xlf [--all]`: the narrative fields that lack the language, as XLIFF 1.2
 * for a translation office (src/translate/export-xliff.ts; docs/translation.md).
 */
export function registerI18nExport(i18n: Command, io: CliIo, setExit: (code: number) => void): void {
  i18n
    .command('export')
    .description('write the narrative fields that lack a language as XLIFF 1.2 for a translator (one unit per field, one segment per sentence)')
    .argument('<files...>', 'IEP files; globs are expanded; one XLIFF for them all')
    .option('--lang <language>', `the language to translate into: ${TRANSLATION_LANGUAGES.join(', ')}`)
    .requiredOption('--out <file>', 'the XLIFF file to write (.xlf)')
    .option('--all', 'every narrative field, with the translations already there as targets (to review them)')
    .addHelpText('after', '\nExit codes: 0 written, 1 an IEP file is invalid (nothing written), 2 usage error, 5 the file cannot be written.')
    .action(async (args: string[], _options: unknown, command: Command) => {
      // `--lang` written before `export` is `iep i18n`'s own option (positional options): read both.
      const options = command.optsWithGlobals<{ lang?: string; out: string; all?: boolean }>();
      const lang = translationLanguage(options.lang);
      const files = await expandInputs(args);
      const [{ loadIep, readIepBytes }, { exportXliff }, { xliffFileName }, { writeFileAtomic }] = await Promise.all([
        import('../../validate/load-iep.js'),
        import('../../translate/export-xliff.js'),
        import('../../translate/xliff-ids.js'),
        import('../../pipeline/write-file-atomic.js'),
      ]);
      const names = new Map<string, string>();
      for (const file of files) {
        const other = names.get(xliffFileName(file));
        if (other) throw new UsageError(`${other} and ${file} have the same name; unit ids name the file, so export them to separate XLIFF files`);
        names.set(xliffFileName(file), file);
      }
      const inputs = [];
      let failed = false;
      for (const file of files) {
        const read = await readIepBytes(file);
        const loaded = 'bytes' in read ? loadIep(read.bytes, { file }) : { diagnostics: read.diagnostics, iep: undefined };
        if (!loaded.iep || hasErrors(loaded.diagnostics) || !('bytes' in read)) {
          io.err(formatDiagnostics(loaded.diagnostics, { color: io.color }));
          setExit(exitCodeFor(loaded.diagnostics));
          failed = true;
          continue;
        }
        inputs.push({ file, iep: loaded.iep, source: new TextDecoder().decode(read.bytes) });
      }
      if (failed) {
        io.err(`nothing written: fix the files above first\n`);
        return;
      }
      const result = exportXliff(inputs, lang, { all: options.all });
      try {
        await writeFileAtomic(options.out, new TextEncoder().encode(result.xml));
      } catch (error) {
        io.err(`cannot write ${options.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
        setExit(EXIT.environment);
        return;
      }
      const what = result.units === 0 ? `no field lacks ${lang}: the XLIFF has no units` : `${result.units} field${result.units === 1 ? '' : 's'} (${result.segments} sentence${result.segments === 1 ? '' : 's'})`;
      io.out(`wrote ${options.out}: ${what} from ${inputs.length} IEP file${inputs.length === 1 ? '' : 's'}, English to ${lang}\n`);
    });
}
