import { hasErrors } from '../model/diagnostic.js';
import { exitCodeFor } from '../model/diagnostic-catalog.js';
import type { Iep } from '../model/iep.js';
import type { LoadedIep } from '../validate/load-iep.js';
import type { CliIo } from './io.js';
import { formatDiagnostics } from './print-diagnostics.js';

/**
 * The files' records for a report over many files: a file with errors is printed (its exit code set) and skipped,
 * and the report goes on with the others.
 */
export async function* validIeps(files: readonly string[], io: CliIo, setExit: (code: number) => void): AsyncGenerator<{ file: string; loaded: LoadedIep & { iep: Iep } }> {
  // Loaded here, not at the top, so that other commands (and `iep --version`) do not load the validator.
  const { loadIepFile } = await import('../validate/load-iep.js');
  for (const file of files) {
    const loaded = await loadIepFile(file);
    if (!loaded.iep || hasErrors(loaded.diagnostics)) {
      io.err(formatDiagnostics(loaded.diagnostics, { color: io.color }));
      setExit(exitCodeFor(loaded.diagnostics));
      continue;
    }
    yield { file, loaded: loaded as LoadedIep & { iep: Iep } };
  }
}
