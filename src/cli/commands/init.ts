import type { Command } from 'commander';
import { EXIT } from '../../model/diagnostic-catalog.js';
import { isLanguage, LANGUAGES, type Language } from '../../model/languages.js';
import { UsageError, type CliIo } from '../io.js';

export function registerInit(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('init')
    .description('write a commented starter IEP to fill in (a draft that validates and renders)')
    .argument('<file>', 'the new IEP file, e.g. ana-lopez.iep.yaml')
    .option('--lang <code>', `the family's language: ${LANGUAGES.join(', ')}`, 'en')
    .option('--force', 'replace the file if it exists')
    .addHelpText('after', '\nExit codes: 0 written, 2 usage error (the file exists without --force, an unknown language), 5 the file cannot be written.')
    .action(async (file: string, options: { lang: string; force?: boolean }) => {
      if (!isLanguage(options.lang)) throw new UsageError(`--lang ${options.lang} is not a language iepkit writes; use one of ${LANGUAGES.join(', ')}`);
      const { starterIep, writeFileAtomic, describeWriteFailure } = await import('../../pipeline/index.js');
      const text = starterIep({ lang: options.lang as Language });
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
