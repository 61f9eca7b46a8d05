import type { Command } from 'commander';
import { expandInputs } from '../expand-inputs.js';
import { TRANSLATION_LANGUAGES, translationLanguage } from '../translation-language.js';
import type { CliIo } from '../io.js';
import { validIeps } from '../valid-ieps.js';
import { addI18nProfileOptions, i18nProfile, PROFILE_TEXT_HELP } from '../i18n-profile.js';

/**
 * `iep i18n glossary FILES --lang xx`: where a translation names a glossary term by another word than the
 * language's glossary does (file, JSON path, line, the English term, the term expected, the translated sentence).
 */
export function registerI18nGlossary(i18n: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = i18n
    .command('glossary')
    .description("check translated fields against the language's glossary: a special-education term named by another word is reported")
    .argument('<files...>', 'IEP files; globs are expanded')
    .requiredOption('--lang <language>', `the translation to check: ${TRANSLATION_LANGUAGES.join(', ')}`)
    .option('--json', 'print the report as JSON');
  addI18nProfileOptions(command)
    .addHelpText(
      'after',
      `\n${PROFILE_TEXT_HELP}\n` +
      "The terms and the forms that count as using them (plural, with or without the acronym, inflected) are the\n" +
        '`variants` of locales/<lang>/glossary.json. See docs/translation-memory.md.\n' +
        'Exit codes: 0 report printed (with or without findings), 1 a file is invalid, 2 usage error.',
    )
    .action(async (args: string[], options: { lang: string; json?: boolean }) => {
      const lang = translationLanguage(options.lang);
      const profile = await i18nProfile(command);
      const files = await expandInputs(args);
      const { glossaryReport } = await import('../../translate/glossary-report.js');
      const reports = [];
      for await (const { file, loaded } of validIeps(files, io, setExit, { profile })) {
        const report = glossaryReport(loaded.iep, lang, { file, sourceMap: loaded.sourceMap, profile });
        reports.push(report);
        if (options.json) continue;
        const lines = [`${file}: ${lang} glossary, ${report.fields} translated field${report.fields === 1 ? '' : 's'} checked`];
        for (const f of report.findings) {
          lines.push(`  ${`${f.line ?? ''}${f.line ? `:${f.column ?? 1}` : ''}`.padEnd(7)} ${f.path}: the English says "${f.english}"; the glossary's term is "${f.expected}"`);
          if (f.translation) lines.push(`          the translation says: ${JSON.stringify(f.translation)}`);
        }
        lines.push(report.findings.length ? `  ${report.findings.length} term${report.findings.length === 1 ? '' : 's'} translated otherwise than the glossary` : '  every glossary term is translated as the glossary says');
        io.out(lines.join('\n') + '\n');
      }
      if (options.json) io.out(JSON.stringify({ reports }, null, 2) + '\n');
    });
}
