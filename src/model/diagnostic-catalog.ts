/**
 * The diagnostics catalog: every code iepkit can report, with its severity, a title, the usual hint and the exit
 * code it leads to (as Astro's errors-data). docs/errors.md is generated from it, and the CLI's exit codes come
 * from it, never from comparing code strings in a command.
 *
 * SKELETON (issue 11, step 1): the shape and `exitCodeFor` are fixed; the entries are filled in by the catalog work.
 */
import type { Diagnostic } from './diagnostic.js';

/** Stable exit codes, documented in the README, docs/errors.md and `iep --help`. */
export const EXIT = {
  ok: 0,
  /** Invalid input or failed checks. */
  invalid: 1,
  /** Wrong command-line usage (unknown option, missing file). */
  usage: 2,
  /** A document could not be rendered. */
  renderFailed: 3,
  /** A bug in iepkit: please report it. */
  internal: 4,
} as const;
export type ExitCodeName = keyof typeof EXIT;

export interface CatalogEntry {
  severity: Diagnostic['severity'];
  /** A short title, for docs/errors.md. */
  title: string;
  /** The usual fix; a diagnostic may give a more specific one. */
  hint?: string;
  /** What an error with this code makes a command exit with. */
  exit: ExitCodeName;
}

export const CATALOG = {
  'file-unreadable': { severity: 'error', title: 'The file does not exist, is a folder, or cannot be read', hint: 'check the path', exit: 'usage' },
  'render-failed': { severity: 'error', title: 'A document could not be printed or written', exit: 'renderFailed' },
  'internal-error': { severity: 'error', title: 'A bug in iepkit', hint: 'please report it; run with IEP_DEBUG=1 for details', exit: 'internal' },
} as const satisfies Record<string, CatalogEntry>;

/**
 * The exit code for a run that reported these diagnostics: 0 without errors, else the most serious exit among the
 * errors' codes (internal > renderFailed > usage > invalid); an error whose code is not in the catalog counts as
 * invalid input.
 */
export function exitCodeFor(diagnostics: readonly Diagnostic[]): number {
  const rank: ExitCodeName[] = ['ok', 'invalid', 'usage', 'renderFailed', 'internal'];
  let worst: ExitCodeName = 'ok';
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    const entry = (CATALOG as Record<string, CatalogEntry>)[d.code];
    const exit = entry?.exit ?? 'invalid';
    if (rank.indexOf(exit) > rank.indexOf(worst)) worst = exit;
  }
  return EXIT[worst];
}
