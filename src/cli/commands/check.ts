import type { Command } from 'commander';
import { BUNDLED_PROFILES } from '../../model/profiles.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { hasErrors } from '../../model/diagnostic.js';
import { exitCodeFor } from '../../model/diagnostic-catalog.js';
import { expandInputs } from '../expand-inputs.js';
import type { CliIo } from '../io.js';
import { formatDiagnostics } from '../print-diagnostics.js';
import { addProfileOptions, profileChoice, PROFILES_HELP, type ProfileCliOptions } from '../profile-options.js';

interface FileReport {
  file: string;
  /** False when the file failed validation; it was then not rule-checked. */
  valid: boolean;
  checked: boolean;
  /** True when the file is valid and no rule reported an error. */
  passed: boolean;
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
}

export function registerCheck(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = program
    .command('check')
    .description('check IEP files against the compliance rules of a state profile (federal, New York, Massachusetts, or your own); each finding cites its regulation')
    .argument('<files...>', 'IEP files (.iep.yaml, .yaml or .json); globs are expanded');
  addProfileOptions(command, {
    withProfile: true,
    profileHelp: `rules to apply: ny (IDEA + 8 NYCRR Part 200; the default), federal (IDEA only), ma (IDEA + 603 CMR 28.00), or a profile in a --templates folder (bundled: ${BUNDLED_PROFILES.join(', ')})`,
  })
    .option('--json', 'print the results as JSON')
    .addHelpText(
      'after',
      `\n${PROFILES_HELP}\n` +
        '\nAn IEP that fails validation reports its validation errors and is not rule-checked.\nThe rules are listed in docs/rules.md.\nExit codes: 0 no errors (warnings allowed), 1 a file is invalid or breaks a rule, 2 usage error (e.g. a missing file or an unknown profile).',
    )
    .action(async (args: string[], options: ProfileCliOptions & { json?: boolean }) => {
      // The profile is checked once, before any file is read (an unknown one is exit 2 with a did-you-mean).
      const { profile, definition } = await profileChoice(options, { withProfile: true });
      const files = await expandInputs(args);
      // Loaded here, not at the top, so that other commands (and `iep --version`) do not load the rules and validator.
      const [{ loadIepFile }, { checkCompliance }, { checkExtensions }] = await Promise.all([import('../../validate/load-iep.js'), import('../../rules/check-compliance.js'), import('../../validate/validate-extensions.js')]);
      const loaded = await Promise.all(files.map(loadIepFile));
      const reports: FileReport[] = loaded.map((r) => {
        const valid = r.iep !== undefined && !hasErrors(r.diagnostics);
        const located = { profile: definition, file: r.file, sourceMap: r.sourceMap };
        const diagnostics = valid ? [...r.diagnostics, ...checkExtensions(r.iep!, located), ...checkCompliance(r.iep!, located)] : r.diagnostics;
        return {
          file: r.file,
          valid,
          checked: valid,
          passed: valid && !hasErrors(diagnostics),
          errors: diagnostics.filter((d) => d.severity === 'error').length,
          warnings: diagnostics.filter((d) => d.severity === 'warning').length,
          diagnostics,
        };
      });
      const diagnostics = reports.flatMap((r) => r.diagnostics);
      if (options.json) {
        io.out(JSON.stringify({ profile, files: reports }, null, 2) + '\n');
      } else {
        if (diagnostics.length > 0) io.err(formatDiagnostics(diagnostics, { color: io.color }));
        const passed = reports.filter((r) => r.passed).length;
        if (passed > 0 && passed === reports.length) {
          io.out(`${passed} file${passed === 1 ? '' : 's'} pass${passed === 1 ? 'es' : ''} the ${profile} compliance rules\n`);
        }
      }
      setExit(exitCodeFor(diagnostics));
    });
}
