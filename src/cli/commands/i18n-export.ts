import type { Command } from 'commander';
import { hasErrors } from '../../model/diagnostic.js';
import { EXIT, exitCodeFor } from '../../model/diagnostic-catalog.js';
import { expandInputs } from '../expand-inputs.js';
import { TRANSLATION_LANGUAGES, translationLanguage } from '../translation-language.js';
import { UsageError, type CliIo } from '../io.js';
import { formatDiagnostics } from '../print-diagnostics.js';
import { addI18nProfileOptions, i18nProfile, PROFILE_TEXT_HELP } from '../i18n-profile.js';

/**
 * `iep i18n export FILES --lang xx --out FILE.xlf [--all]`: the narrative fields that lack the language, as XLIFF 1.2
 * for a translation office (src/translate/export-xliff.ts; docs/translation.md).
 */
export function registerI18nExport(i18n: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = i18n
    .command('export')
    .description('write the narrative fields that lack a language as XLIFF 1.2 for a translator (one unit per field, one segment per sentence)')
    .argument('<files...>', 'IEP files; globs are expanded; one XLIFF for them all')
    .option('--lang <language>', `the language to translate into: ${TRANSLATION_LANGUAGES.join(', ')}`)
    .requiredOption('--out <file>', 'the XLIFF file to write (.xlf)')
    .option('--all', 'every narrative field, with the translations already there as targets (to review them)');
  addI18nProfileOptions(command)
    .addHelpText('after', `\n${PROFILE_TEXT_HELP} A profile's field goes with the description its schema gives it\nas a note. Import with the same --profile.\nExit codes: 0 written, 1 an IEP file is invalid (nothing written), 2 usage error, 5 the file cannot be written.`)
    .action(async (args: string[], _options: unknown, command: Command) => {
      // `--lang` written before `export` is `iep i18n`'s own option (positional options): read both.
      const options = command.optsWithGlobals<{ lang?: string; out: string; all?: boolean }>();
      const lang = translationLanguage(options.lang);
      const profile = await i18nProfile(command);
      const files = await expandInputs(args);
      const [{ loadIep, readIepBytes }, { checkExtensions }, { exportXliff }, { xliffFileName }, { writeFileAtomic }] = await Promise.all([
        import('../../validate/load-iep.js'),
        import('../../validate/validate-extensions.js'),
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
        const loaded = 'bytes' in read ? loadIep(read.bytes, { file }) : { diagnostics: read.diagnostics, iep: undefined, sourceMap: undefined };
        // The record's extensions against the profile: another profile's data is a warning that names that profile.
        const diagnostics = loaded.iep && !hasErrors(loaded.diagnostics) ? [...loaded.diagnostics, ...checkExtensions(loaded.iep, { profile, file, sourceMap: loaded.sourceMap })] : loaded.diagnostics;
        if (!loaded.iep || hasErrors(diagnostics) || !('bytes' in read)) {
          io.err(formatDiagnostics(diagnostics, { color: io.color }));
          setExit(exitCodeFor(diagnostics));
          failed = true;
          continue;
        }
        const unknown = diagnostics.filter((d) => d.code === 'extension-unknown');
        if (unknown.length > 0) io.err(formatDiagnostics(unknown, { color: io.color }) + `${file}: the text under ${unknown.map((d) => d.path).join(', ')} is not exported\n`);
        inputs.push({ file, iep: loaded.iep, source: new TextDecoder().decode(read.bytes) });
      }
      if (failed) {
        io.err(`nothing written: fix the files above first\n`);
        return;
      }
      const result = exportXliff(inputs, lang, { all: options.all, profile });
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
