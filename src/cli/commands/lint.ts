import { Option, type Command } from 'commander';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Iep } from '../../model/iep.js';
import type { LoadedIep } from '../../validate/load-iep.js';
import type { LintDiagnostic } from '../../lint/lint-diagnostic.js';
import { READING_LAYOUTS, READING_TARGETS, type ReadingLayout } from '../../readability/reading-targets.js';
import { exitCodeFor, type CatalogCode } from '../../model/diagnostic-catalog.js';
import { expandInputs } from '../expand-inputs.js';
import { UsageError, type CliIo } from '../io.js';
import { formatDiagnostics } from '../print-diagnostics.js';
import { addProfileOptions, profileChoice, type ProfileCliOptions } from '../profile-options.js';

const ENGLISH_ONLY = 'wording-check-english-only' satisfies CatalogCode;

interface Loaded extends LoadedIep {
  source?: string;
}

/** Loads a file once, keeping its text for word positions. Unreadable files get the loader's diagnostic. */
async function load(path: string): Promise<Loaded> {
  // Loaded here, not at the top, so that other commands (and `iep --version`) do not load the schema validator.
  const { loadIep, readIepBytes } = await import('../../validate/load-iep.js');
  const read = await readIepBytes(path);
  if ('diagnostics' in read) return { file: path, diagnostics: read.diagnostics };
  const bytes = read.bytes;
  const loaded = loadIep(bytes, { file: path });
  return loaded.iep ? { ...loaded, source: new TextDecoder().decode(bytes) } : loaded;
}

const layoutOption = () =>
  new Option(
    '--layout <layout>',
    `also check the reading level of this copy: family (target grade ${READING_TARGETS.family}), student (grade ${READING_TARGETS.student}), progress (grade ${READING_TARGETS.progress}, the latest progress report) or changes (grade ${READING_TARGETS.changes}, the letter about an amendment; needs --base)`,
  ).choices([...READING_LAYOUTS]);

const PROFILE_HELP = 'the state profile whose copies are graded (default ny), or one in a --templates folder';

const BASE_HELP = 'an earlier version of the same student\'s IEP: also grade the letter about the amendment\'s changes since it';

/**
 * `--base OLD` for every file: the earlier version, read once, and for each file either the base to compare with or
 * why it cannot be (the base is invalid, another student, a later version), reported with that file.
 */
async function baseFor(path: string | undefined): Promise<(file: string, iep: Iep) => { base?: Iep; diagnostics: Diagnostic[] }> {
  if (path === undefined) return () => ({ diagnostics: [] });
  const [base, { checkVersions }] = await Promise.all([load(path), import('../../diff/check-versions.js')]);
  let reported = false;
  return (file, iep) => {
    if (!base.iep) {
      const diagnostics = reported ? [] : base.diagnostics;
      reported = true;
      return { diagnostics };
    }
    const mismatch = checkVersions({ iep: base.iep, file: base.file }, { iep, file });
    return mismatch.length > 0 ? { diagnostics: mismatch } : { base: base.iep, diagnostics: [] };
  };
}

/** `iep lint` (strength-based wording, strengths in present levels and goals, reading level) and `iep readability`. */
export function registerLint(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const lint = program
    .command('lint')
    .description('check IEP text for deficit wording (with strength-based rephrasings), strengths in present levels and goals, and reading level')
    .argument('<files...>', 'IEP files (.iep.yaml, .yaml or .json); globs are expanded');
  addProfileOptions(lint, { withProfile: true, profileHelp: PROFILE_HELP })
    .option('--strict', 'report findings as errors (exit code 1)')
    .option('--json', 'print diagnostics as JSON')
    .addOption(layoutOption())
    .option('--base <old>', BASE_HELP)
    .addHelpText(
      'after',
      '\nFindings are warnings (exit code 0) unless --strict. The word list and its rewrites: docs/lint.md.\n' +
        'Exit codes: 0 no errors, 1 findings with --strict or an invalid file, 2 usage error (e.g. a missing file).',
    )
    .action(async (args: string[], options: ProfileCliOptions & { strict?: boolean; json?: boolean; layout?: ReadingLayout; base?: string }) => {
      if (options.layout === 'changes' && options.base === undefined) {
        throw new UsageError('--layout changes grades the letter about an amendment, which compares the IEP with an earlier version: give it with --base OLD');
      }
      const { templates, locales, definition } = await profileChoice(options, { withProfile: true });
      const profile = definition!;
      const [{ lintIep, mergeEnglishOnlyNotices }, { checkReadingLevel }, { checkExtensions }] = await Promise.all([
        import('../../lint/lint-iep.js'),
        import('../../pipeline/check-reading-level.js'),
        import('../../validate/validate-extensions.js'),
      ]);
      const files = await expandInputs(args);
      const compareWith = await baseFor(options.base);
      const results = await Promise.all(
        files.map(async (file) => {
          const loaded = await load(file);
          const { iep, sourceMap, source } = loaded;
          const versions = iep && options.layout === 'changes' ? compareWith(file, iep) : { diagnostics: [] };
          const grade = options.layout && (options.layout !== 'changes' || versions.base);
          const lint: LintDiagnostic[] = iep
            ? [
                // The profile's own data: text of another profile's is not linted, and the warning says which --profile reads it.
                ...checkExtensions(iep, { profile, file, sourceMap }),
                ...lintIep(iep, { file, sourceMap, source, strict: options.strict, profile }),
                ...(grade ? checkReadingLevel(iep, options.layout!, { file, sourceMap, strict: options.strict, base: versions.base, profile, templates, locales }) : []),
              ]
            : [];
          return { file, valid: loaded.iep !== undefined, diagnostics: [...loaded.diagnostics, ...versions.diagnostics, ...lint] as LintDiagnostic[] };
        }),
      );
      // One "English only" notice per run, however many files have translations: on the first such file.
      const notice = mergeEnglishOnlyNotices(results.flatMap((r) => r.diagnostics)).find((d) => d.code === ENGLISH_ONLY);
      for (const r of results) r.diagnostics = r.diagnostics.filter((d) => d.code !== ENGLISH_ONLY);
      if (notice) results.find((r) => r.file === notice.file)?.diagnostics.push(notice);
      const all = results.flatMap((r) => r.diagnostics);

      if (options.json) {
        const count = (s: Diagnostic['severity']) => all.filter((d) => d.severity === s).length;
        io.out(JSON.stringify({ files: results, errors: count('error'), warnings: count('warning'), infos: count('info') }, null, 2) + '\n');
      } else if (all.length > 0) {
        io.err(formatDiagnostics(all, { color: io.color }));
      } else {
        io.out(`${files.length} file${files.length === 1 ? '' : 's'}: no findings\n`);
      }
      setExit(exitCodeFor(all));
    });

  const readability = program
    .command('readability')
    .description('print the reading grade (Flesch-Kincaid) of each section of the family copy, the student summary and the family progress report (when the IEP has progress reports), as Markdown tables')
    .argument('<files...>', 'IEP files (.iep.yaml, .yaml or .json); globs are expanded');
  addProfileOptions(readability, { withProfile: true, profileHelp: PROFILE_HELP })
    .option('--json', 'print the reading reports as JSON')
    .option('--base <old>', BASE_HELP)
    .addHelpText('after', `\nTargets: family copy grade ${READING_TARGETS.family}, student summary grade ${READING_TARGETS.student}, family progress report grade ${READING_TARGETS.progress}, letter about an amendment grade ${READING_TARGETS.changes}. Exit codes: 0 ok, 1 an invalid file or a copy that cannot be composed, 2 usage error.`)
    .action(async (args: string[], options: ProfileCliOptions & { json?: boolean; base?: string }) => {
      const { templates, locales, definition } = await profileChoice(options, { withProfile: true });
      const profile = definition!;
      const [{ measureReadingLevels }, { readingLevelsMarkdown }, { checkExtensions }] = await Promise.all([
        import('../../pipeline/check-reading-level.js'),
        import('../../readability/reading-levels-markdown.js'),
        import('../../validate/validate-extensions.js'),
      ]);
      const files = await expandInputs(args);
      const results = await Promise.all(files.map(load));
      const compareWith = await baseFor(options.base);
      const versions = results.flatMap((r) => (r.iep ? [{ r, ...compareWith(r.file!, r.iep) }] : []));
      const measured = versions.map(({ r, base }) => ({ file: r.file, ...measureReadingLevels(r.iep!, { base, profile, templates, locales }) }));
      if (options.json) {
        io.out(JSON.stringify({ files: measured.map((m) => ({ file: m.file, ...m.reports })) }, null, 2) + '\n');
      } else if (measured.length > 0) {
        io.out(readingLevelsMarkdown(measured));
      }
      const extensions = results.flatMap((r) => (r.iep ? checkExtensions(r.iep, { profile, file: r.file, sourceMap: r.sourceMap }) : []));
      const problems = [...results.flatMap((r) => r.diagnostics), ...extensions, ...versions.flatMap((v) => v.diagnostics), ...measured.flatMap((m) => m.diagnostics)];
      if (problems.length > 0) io.err(formatDiagnostics(problems, { color: io.color }));
      setExit(exitCodeFor(problems));
    });
}
