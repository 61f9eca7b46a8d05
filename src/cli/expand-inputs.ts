import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './io.js';

/**
 * Turns file arguments into paths. Shells expand globs on Unix; on Windows or when quoted they arrive
 * as patterns, so patterns are expanded here too. A pattern matching nothing is a usage error.
 */
export async function expandInputs(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    if (!existsSync(arg) && isDynamicPattern(arg)) {
      // An absolute pattern gives absolute paths, so a batch's manifest ids do not depend on where it was run from.
      const matches = (await glob(arg, { onlyFiles: true, expandDirectories: false, absolute: isAbsolute(arg) })).sort();
      if (matches.length === 0) throw new UsageError(`no files match ${arg}`);
      files.push(...matches);
    } else {
      files.push(arg);
    }
  }
  return [...new Set(files)];
}
