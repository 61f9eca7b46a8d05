import type { Command } from 'commander';
import type { Diagnostic } from '../../model/diagnostic.js';
import { hasErrors, parseJsonPath } from '../../model/diagnostic.js';
import { exitCodeFor } from '../../model/diagnostic-catalog.js';
import type { CliIo } from '../io.js';
import { formatDiagnostics } from '../print-diagnostics.js';
import { formatDiff } from '../format-diff.js';

export function registerDiff(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('diff')
    .description("compare two versions of one student's IEP field by field: what an amendment changed, with minutes per week before and after")
    .argument('<old>', 'the earlier version (.iep.yaml, .yaml or .json)')
    .argument('<new>', 'the later version, e.g. the amendment')
    .option('--json', 'print { studentId, oldVersion, newVersion, changes, services } as JSON')
    .addHelpText(
      'after',
      [
        '',
        'Both files are validated first, and their problems reported as `iep validate` does. Lists are matched item',
        'by item (goals by id, services by what they are), so a reordered list is no change and a new frequency is one',
        'changed service. Text is compared in English; a change only in a translation is listed with its language.',
        'document.version, document.amendment and document.status are not changes. See docs/amendments.md.',
        '',
        'Exit codes: 0 compared (with or without changes), 1 a file is invalid, the files are different students or',
        'NEW is an earlier version than OLD, 2 usage error (e.g. a missing file).',
      ].join('\n'),
    )
    .action(async (oldFile: string, newFile: string, options: { json?: boolean }) => {
      // Loaded here, not at the top, so that other commands (and `iep --version`) do not load the validator.
      const [{ loadInput }, { checkVersions }, { diffIeps }] = await Promise.all([
        import('../../pipeline/load-input.js'),
        import('../../diff/check-versions.js'),
        import('../../diff/diff-ieps.js'),
      ]);
      const [older, newer] = await Promise.all([loadInput(oldFile), loadInput(newFile)]);
      const diagnostics: Diagnostic[] = [...older.diagnostics, ...newer.diagnostics];
      if (older.iep && newer.iep && !hasErrors(diagnostics)) {
        const mismatch = checkVersions({ iep: older.iep, file: oldFile }, { iep: newer.iep, file: newFile });
        // Point at the line of the field that does not match (student.id or document.version) in the new file.
        diagnostics.push(...mismatch.map((d) => ({ ...d, ...newer.sourceMap?.locate(parseJsonPath(d.path ?? '') ?? []) })));
      }
      setExit(exitCodeFor(diagnostics));
      if (hasErrors(diagnostics)) {
        if (options.json) io.out(JSON.stringify({ diagnostics }, null, 2) + '\n');
        else io.err(formatDiagnostics(diagnostics, { color: io.color }));
        return;
      }
      // Warnings do not stop the comparison; they go to stderr so that --json output stays one JSON document.
      if (diagnostics.length > 0) io.err(formatDiagnostics(diagnostics, { color: io.color }));
      const diff = diffIeps(older.iep!, newer.iep!);
      if (options.json) {
        io.out(JSON.stringify(diff, null, 2) + '\n');
        return;
      }
      io.out(
        formatDiff(diff, {
          oldFile,
          newFile,
          locateOld: (path) => older.sourceMap?.locate(path),
          locateNew: (path) => newer.sourceMap?.locate(path),
        }),
      );
    });
}
