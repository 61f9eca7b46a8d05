import type { Command } from 'commander';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../../model/diagnostic.js';
import { exitCodeFor } from '../../model/diagnostic-catalog.js';
import { expandInputs } from '../expand-inputs.js';
import { TRANSLATION_LANGUAGES, translationLanguage } from '../translation-language.js';
import type { CliIo } from '../io.js';
import { formatDiagnostics } from '../print-diagnostics.js';
import { addI18nProfileOptions, i18nProfile, PROFILE_TEXT_HELP } from '../i18n-profile.js';

/**
 * `iep i18n apply-memory FILES --lang xx`: fills untranslated narrative fields whose every English sentence is in the
 * translation memory (`iepkit-memory.tmx` in each file's folder, or `--memory`), marks them for review, and reports
 * every field filled and every field only partly covered.
 */
export function registerI18nApplyMemory(i18n: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = i18n
    .command('apply-memory')
    .description('fill untranslated fields whose every English sentence is in the translation memory (TMX), marked for review')
    .argument('<files...>', 'IEP files (YAML); globs are expanded')
    .requiredOption('--lang <language>', `the language to fill: ${TRANSLATION_LANGUAGES.join(', ')}`)
    .option('--memory <file>', 'the TMX file to use (default: iepkit-memory.tmx in each IEP file\'s folder)')
    .option('--dry-run', 'report what would be filled; write nothing');
  addI18nProfileOptions(command)
    .addHelpText(
      'after',
      `\n${PROFILE_TEXT_HELP}\n` +
      'Each filled translation gets the comment "# iepkit: from translation memory" on its line: a person reviews it (XLIFF export\n' +
        'marks it "needs review"; writing it by hand removes the comment). A field only partly in memory is reported, not filled.\n' +
        'Files are written whole or not at all. See docs/translation-memory.md.\n' +
        'Exit codes: 0 done (whether or not anything was filled), 1 a file or the memory is invalid, 2 usage error or no memory file,\n5 a file cannot be written.',
    )
    .action(async (args: string[], options: { lang: string; memory?: string; dryRun?: boolean }) => {
      const lang = translationLanguage(options.lang);
      const profile = await i18nProfile(command);
      const files = await expandInputs(args);
      const [{ readMemory, MEMORY_FILE_NAME }, { applyMemory }, { readIepBytes }, { decodeText }, { writeFileAtomic }, { describeWriteFailure }] = await Promise.all([
        import('../../translate/translation-memory.js'),
        import('../../translate/apply-memory.js'),
        import('../../validate/load-iep.js'),
        import('../../load/decode-text.js'),
        import('../../load/write-file-atomic.js'),
        import('../../pipeline/describe-write-failure.js'),
      ]);
      const memories = new Map<string, Awaited<ReturnType<typeof readMemory>>>();
      const problems: Diagnostic[] = [];
      let filledTotal = 0;
      for (const file of files) {
        const memoryFile = resolve(options.memory ?? join(dirname(file), MEMORY_FILE_NAME));
        if (!memories.has(memoryFile)) memories.set(memoryFile, await readMemory(memoryFile));
        const memory = memories.get(memoryFile)!;
        if (!memory.memory) {
          // The memory's problem is reported once; each IEP it leaves unfilled is named.
          if (!problems.some((d) => d.file === memory.diagnostics[0]?.file)) problems.push(...memory.diagnostics);
          io.out(`${file}: not filled: the translation memory ${memoryFile} cannot be read\n`);
          continue;
        }
        const read = await readIepBytes(file);
        const decoded = 'bytes' in read ? decodeText(read.bytes, file) : { text: undefined, diagnostics: read.diagnostics };
        if (decoded.text === undefined) {
          problems.push(...decoded.diagnostics);
          continue;
        }
        const result = applyMemory(decoded.text, file, memory.memory, lang, { profile });
        problems.push(...result.diagnostics);
        const lines = [`${file}: ${lang} from ${memoryFile} (${memory.memory.size} English sentences)`];
        if (result.filled.length) {
          lines.push(`  filled from memory, marked "iepkit: from translation memory" for review (${result.filled.length}):`);
          for (const f of result.filled) lines.push(`    ${String(f.line ?? '').padStart(5)}  ${f.path} (${f.sentences} sentence${f.sentences === 1 ? '' : 's'})`);
        }
        if (result.partial.length) {
          lines.push(`  partly in memory, not filled (${result.partial.length}):`);
          for (const f of result.partial) {
            lines.push(`    ${String(f.line ?? '').padStart(5)}  ${f.path}: ${f.covered} of ${f.sentences} sentences; not in memory:`);
            for (const s of f.missing) lines.push(`             ${JSON.stringify(s)}`);
          }
        }
        if (result.uncovered) lines.push(`  ${result.uncovered} untranslated field${result.uncovered === 1 ? ' has' : 's have'} no sentence in memory`);
        if (result.source === undefined) lines.push('  nothing filled; the file is unchanged');
        else if (options.dryRun) lines.push(`  --dry-run: ${result.filled.length} field${result.filled.length === 1 ? '' : 's'} would be filled; the file is unchanged`);
        else {
          try {
            await writeFileAtomic(file, new TextEncoder().encode(result.source));
            filledTotal += result.filled.length;
            lines.push(`  written: ${result.filled.length} field${result.filled.length === 1 ? '' : 's'} filled`);
          } catch (error) {
            problems.push({ code: 'output-unwritable', severity: 'error', file, message: `cannot write ${file}: ${describeWriteFailure(file, error as NodeJS.ErrnoException)}`, hint: 'check that the file and its folder are writable and that the disk is not full' });
            lines.push('  not written');
          }
        }
        io.out(lines.join('\n') + '\n');
      }
      if (files.length > 1 && !options.dryRun) io.out(`${filledTotal} field${filledTotal === 1 ? '' : 's'} filled in ${files.length} files\n`);
      if (problems.length) {
        io.err(formatDiagnostics(problems, { color: io.color }));
        setExit(exitCodeFor(problems));
      }
    });
}
