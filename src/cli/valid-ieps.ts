import { hasErrors } from '../model/diagnostic.js';
import { exitCodeFor } from '../model/diagnostic-catalog.js';
import type { Iep } from '../model/iep.js';
import type { ProfileDefinition } from '../model/profiles.js';
import type { LoadedIep } from '../validate/load-iep.js';
import type { CliIo } from './io.js';
import { formatDiagnostics } from './print-diagnostics.js';

/**
 * The files' records for a report over many files: a file with errors is printed (its exit code set) and skipped,
 * and the report goes on with the others. With the profile the command runs with, the record's `extensions` are
 * checked against it too: data that breaks the profile's schema is an error, data of another profile a warning
 * (`extension-unknown`, saying which --profile it belongs to), since its text is then not in the report.
 */
export async function* validIeps(files: readonly string[], io: CliIo, setExit: (code: number) => void, options: { profile?: ProfileDefinition } = {}): AsyncGenerator<{ file: string; loaded: LoadedIep & { iep: Iep } }> {
  // Loaded here, not at the top, so that other commands (and `iep --version`) do not load the validator.
  const [{ loadIepFile }, { checkExtensions }] = await Promise.all([import('../validate/load-iep.js'), import('../validate/validate-extensions.js')]);
  for (const file of files) {
    const loaded = await loadIepFile(file);
    const diagnostics = loaded.iep && options.profile && !hasErrors(loaded.diagnostics)
      ? [...loaded.diagnostics, ...checkExtensions(loaded.iep, { profile: options.profile, file, sourceMap: loaded.sourceMap })]
      : loaded.diagnostics;
    if (!loaded.iep || hasErrors(diagnostics)) {
      io.err(formatDiagnostics(diagnostics, { color: io.color }));
      setExit(exitCodeFor(diagnostics));
      continue;
    }
    const warnings = diagnostics.filter((d) => d.code === 'extension-unknown');
    if (warnings.length > 0) io.err(formatDiagnostics(warnings, { color: io.color }));
    yield { file, loaded: loaded as LoadedIep & { iep: Iep } };
  }
}
