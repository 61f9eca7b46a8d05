import type { Diagnostic } from '../model/diagnostic.js';
/** Where the CLI writes. Commands get this instead of touching process.* so tests can capture output. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Colour and progress bars only on a terminal, and never when NO_COLOR is set. */
  color: boolean;
  isTty: boolean;
}

export function processIo(): CliIo {
  const isTty = Boolean(process.stderr.isTTY);
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    color: isTty && !process.env.NO_COLOR,
    isTty,
  };
}

/** A usage problem: printed as one line and exit code 2. */
export class UsageError extends Error {}

/** A usage problem found as diagnostics (an unknown profile, a config file's errors): printed as such, exit code 2. */
export class DiagnosticsUsageError extends UsageError {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('; '));
  }
}
