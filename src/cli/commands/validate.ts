import type { Command } from 'commander';
import type { Diagnostic } from '../../model/diagnostic.js';
import { hasErrors } from '../../model/diagnostic.js';
import { exitCodeFor } from '../../model/diagnostic-catalog.js';
import { expandInputs } from '../expand-inputs.js';
import type { CliIo } from '../io.js';
import { formatDiagnostics } from '../print-diagnostics.js';
import { addProfileOptions, profileChoice, type ProfileCliOptions } from '../profile-options.js';

export function registerValidate(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = program
    .command('validate')
    .description('check IEP files against the data model and report every problem with its line and column')
    .argument('<files...>', 'IEP files (.iep.yaml, .yaml or .json); globs are expanded');
  addProfileOptions(command, { withProfile: true, profileHelp: "also check each record's data under `extensions` against this profile's extensions schema (a bundled profile, or one in a --templates folder)" })
    .option('--json', 'print diagnostics as JSON')
    .addHelpText('after', '\nExit codes: 0 all valid, 1 some file is invalid, 2 usage error (e.g. a missing file, an unknown profile).')
    .action(async (args: string[], options: ProfileCliOptions & { json?: boolean }) => {
      // Checked before any file is read: an unknown profile, folder or config file is a usage error (exit 2).
      const choice = await profileChoice(options, { withProfile: true });
      const files = await expandInputs(args);
      // Loaded here, not at the top, so that other commands (and `iep --version`) do not load the schema validator.
      const [{ loadIepFile }, { checkExtensions }] = await Promise.all([import('../../validate/load-iep.js'), import('../../validate/validate-extensions.js')]);
      // Extensions are checked against a profile named (here or in the config file), not against the default one.
      const profile = choice.named ? choice.definition : undefined;
      const results = (await Promise.all(files.map(loadIepFile))).map((r) =>
        r.iep && profile !== undefined ? { ...r, diagnostics: [...r.diagnostics, ...checkExtensions(r.iep, { profile, reportProfile: true, file: r.file, sourceMap: r.sourceMap })] } : r,
      );
      const diagnostics: Diagnostic[] = results.flatMap((r) => r.diagnostics);
      if (options.json) {
        io.out(JSON.stringify({ files: results.map((r) => ({ file: r.file, valid: !hasErrors(r.diagnostics), diagnostics: r.diagnostics })) }, null, 2) + '\n');
      } else if (diagnostics.length > 0) {
        io.err(formatDiagnostics(diagnostics, { color: io.color }));
      } else {
        io.out(`${files.length} file${files.length === 1 ? '' : 's'} valid\n`);
      }
      setExit(exitCodeFor(diagnostics));
    });
}
