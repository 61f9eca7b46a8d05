import type { Diagnostic } from '../model/diagnostic.js';
import { describeWriteFailure } from '../pipeline/index.js';

/**
 * The batch's output folder cannot be used (created, or its manifest written): the run cannot record its work, so it
 * stops with this diagnostic (exit code "environment") instead of an internal error.
 */
export class OutputFolderError extends Error {
  readonly diagnostic: Diagnostic;

  constructor(path: string, cause: NodeJS.ErrnoException, what: string, hint: string) {
    const message = `${what}: ${describeWriteFailure(path, cause)}`;
    super(message);
    this.name = 'OutputFolderError';
    this.diagnostic = { code: 'output-unwritable', severity: 'error', file: path, message, hint };
  }
}
