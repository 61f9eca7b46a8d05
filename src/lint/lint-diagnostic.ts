/**
 * The shape of a lint finding. A file of its own so the checks (lint-wording.ts, lint-strengths.ts) use it without
 * importing lint-iep.ts, which imports them.
 */
import type { Diagnostic } from '../model/diagnostic.js';

/** A lint diagnostic: a `Diagnostic` plus machine-readable details (kept in `--json` output). */
export interface LintDiagnostic extends Diagnostic {
  /** deficit-wording: the term of the word list, and the words as written. */
  term?: string;
  found?: string;
  /** wording-check-english-only: the languages and number of translated fields not checked. */
  languages?: string[];
  fields?: number;
}

/**
 * `--strict`: warnings become errors. Notes for the team (`info`: someone's own words, untranslated fields) stay
 * notes. Shared by the lint and the reading-level check so `--strict` means one thing.
 */
export function strictly<T extends Diagnostic>(diagnostics: readonly T[]): T[] {
  return diagnostics.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' } : d));
}
