import type { Command } from 'commander';
import { EXIT } from '../../model/diagnostic-catalog.js';
import { isLanguage, LANGUAGES, type Language } from '../../model/languages.js';
import { UsageError, type CliIo } from '../io.js';
import { addProfileOptions, profileChoice, type ProfileCliOptions } from '../profile-options.js';

export function registerInit(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = program
    .command('init')
    .description('write a commented starter IEP to fill in (a draft that validates and renders); with a profile that has fields of its own (ma), those too')
    .argument('<file>', 'the new IEP file, e.g. ana-lopez.iep.yaml')
    .option('--lang <code>', `the family's language: ${LANGUAGES.join(', ')}`, 'en');
  addProfileOptions(command, { withProfile: true, profileHelp: 'the state profile the IEP is written for: its own fields (extensions.<namespace>, e.g. the Massachusetts vision) are added to fill in' })
    .option('--force', 'replace the file if it exists')
    .addHelpText('after', '\nExit codes: 0 written, 2 usage error (the file exists without --force, an unknown language or profile), 5 the file cannot be written.')
    .action(async (file: string, options: { lang: string; force?: boolean } & ProfileCliOptions) => {
      if (!isLanguage(options.lang)) throw new UsageError(`--lang ${options.lang} is not a language iepkit writes; use one of ${LANGUAGES.join(', ')}`);
      const { definition } = await profileChoice(options, { withProfile: true });
      const { starterIep, writeFileAtomic, describeWriteFailure } = await import('../../pipeline/index.js');
      const text = starterIep({ lang: options.lang as Language, profile: definition });
      try {
        await writeFileAtomic(file, new TextEncoder().encode(text), { exclusive: !options.force });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST' && !options.force) throw new UsageError(`${file} already exists; nothing was written (add --force to replace it)`);
        io.err(`iep: cannot write ${file}: ${describeWriteFailure(file, error as NodeJS.ErrnoException)}\n`);
        setExit(EXIT.environment);
        return;
      }
      io.out(`wrote ${file}: replace each "TO WRITE:" and check each CHOOSE, then run: iep check ${file}\n`);
    });
}
