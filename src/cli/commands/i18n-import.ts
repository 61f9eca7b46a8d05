import { dirname } from 'node:path';
import type { Command } from 'commander';
import { hasErrors, type Diagnostic } from '../../model/diagnostic.js';
import { EXIT, exitCodeFor } from '../../model/diagnostic-catalog.js';
import { expandInputs } from '../expand-inputs.js';
import type { CliIo } from '../io.js';
import { formatDiagnostics } from '../print-diagnostics.js';
import { addI18nProfileOptions, i18nProfile, PROFILE_TEXT_HELP } from '../i18n-profile.js';

/**
 * `iep i18n import FILE.xlf IEP...`: merges a translator's XLIFF into the IEP files (src/translate/import-xliff.ts).
 * Every file is checked before any is written; a refusal leaves every file as it was; each write is atomic.
 */
export function registerI18nImport(i18n: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = i18n
    .command('import')
    .description("merge the translations of an XLIFF file (from `iep i18n export`) into the IEP files, keeping their comments and order")
    .argument('<xliff>', 'the XLIFF 1.2 file the translator gave back')
    .argument('<files...>', 'the IEP files it was exported from');
  addI18nProfileOptions(command)
    .addHelpText('after', `\n${PROFILE_TEXT_HELP} Import with the --profile the XLIFF was exported with: a translation that\nwould break the profile's extensions schema is refused like any other.\nExit codes: 0 merged (warnings may list fields left as they were), 1 refused (unknown unit, changed English, invalid file): nothing written, or the translation memory (iepkit-memory.tmx beside the files) is malformed and was not updated, 2 usage error, 5 a file cannot be written.`)
    .action(async (xliffFile: string, args: string[], _options: unknown) => {
      const profile = await i18nProfile(command);
      const files = await expandInputs(args);
      const [{ readBounded }, { MAX_XLIFF_BYTES }, { importXliff }, { readIepBytes }, { writeFileAtomic }, { recordInMemory, TranslationMemoryError }] = await Promise.all([
        import('../../load/read-bounded.js'),
        import('../../translate/read-xliff.js'),
        import('../../translate/import-xliff.js'),
        import('../../validate/load-iep.js'),
        import('../../load/write-file-atomic.js'),
        import('../../translate/translation-memory.js'),
      ]);
      const fail = (diagnostics: Diagnostic[]) => {
        io.err(formatDiagnostics(diagnostics, { color: io.color }));
        setExit(exitCodeFor(diagnostics));
      };
      let xml: string;
      try {
        const read = await readBounded(xliffFile, MAX_XLIFF_BYTES);
        if (!('bytes' in read)) return fail([{ code: 'xliff-unreadable', severity: 'error', file: xliffFile, line: 1, column: 1, message: `the file is larger than ${MAX_XLIFF_BYTES} bytes: not an XLIFF file from iepkit` }]);
        xml = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ERR_ENCODING_INVALID_ENCODED_DATA') return fail([{ code: 'xliff-unreadable', severity: 'error', file: xliffFile, line: 1, column: 1, message: 'the file is not UTF-8 text (binary data?)' }]);
        return fail([{ code: 'file-unreadable', severity: 'error', file: xliffFile, message: `cannot read ${xliffFile}: ${code ?? (error as Error).message}` }]);
      }

      const results = [];
      const problems: Diagnostic[] = [];
      for (const file of files) {
        const read = await readIepBytes(file);
        if ('diagnostics' in read) {
          problems.push(...read.diagnostics);
          continue;
        }
        const source = new TextDecoder().decode(read.bytes);
        const result = importXliff(xml, file, source, { xliffFile, profile });
        problems.push(...result.diagnostics);
        results.push({ file, source, result });
      }
      if (hasErrors(problems)) {
        fail(problems);
        io.err(`nothing written: ${files.length === 1 ? `${files[0]} is` : 'the files are'} as before\n`);
        return;
      }
      if (problems.length) io.err(formatDiagnostics(problems, { color: io.color }));
      for (const { file, source, result } of results) {
        if (result.source !== source) {
          try {
            await writeFileAtomic(file, new TextEncoder().encode(result.source));
          } catch (error) {
            io.err(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
            setExit(EXIT.environment);
            return;
          }
        }
        const n = result.changed.length;
        io.out(`${file}: ${n} field${n === 1 ? '' : 's'} translated into ${result.lang} written${n ? '' : ' (nothing new)'}\n`);
        // The translator's sentences go into the folder's memory, for `iep i18n apply-memory` on other students' files.
        if (result.pairs.length === 0) continue;
        try {
          const memory = await recordInMemory(dirname(file), result.pairs);
          io.out(`${memory.file}: ${memory.added} sentence${memory.added === 1 ? '' : 's'} added to the translation memory, ${memory.changed} changed\n`);
        } catch (error) {
          // The IEP is written; only the memory is not: say so, with the memory's own located problem.
          if (error instanceof TranslationMemoryError) io.err(formatDiagnostics(error.diagnostics, { color: io.color }));
          else io.err(`cannot write the translation memory in ${dirname(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
          io.err(`${file} was written; the translation memory was not updated\n`);
          setExit(error instanceof TranslationMemoryError ? exitCodeFor(error.diagnostics) : EXIT.environment);
        }
      }
    });
}
