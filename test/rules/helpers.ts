/**
 * Fixtures for rule tests: a fresh copy of test/fixtures/minimal.iep.yaml (a small valid New York IEP that passes
 * every rule) to modify, and `passes` / `fails` that run the real `checkCompliance` and look at one rule's findings.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { checkCompliance } from '../../src/rules/check-compliance.js';
import type { Profile } from '../../src/rules/rule.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { Iep } from '../../src/model/iep.js';
import { loadIep, type LoadedIep } from '../../src/validate/load-iep.js';

export const fixturePath = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** Loads a fixture file, failing the test if it does not validate. */
export function loadFixture(name: string): Required<Pick<LoadedIep, 'iep' | 'sourceMap' | 'file'>> {
  const file = fixturePath(name);
  const loaded = loadIep(readFileSync(file), { file });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { iep: loaded.iep!, sourceMap: loaded.sourceMap!, file };
}

let minimalIep: Iep | undefined;

/** A fresh, modifiable copy of the minimal IEP. */
export function minimal(): Iep {
  minimalIep ??= loadFixture('minimal.iep.yaml').iep;
  return structuredClone(minimalIep);
}

/** Diagnostics of one rule for `iep` in `profile` (default ny). */
export function findingsOf(code: string, iep: Iep, profile: Profile = 'ny'): Diagnostic[] {
  return checkCompliance(iep, { profile }).filter((d) => d.code === code);
}

/** Asserts that rule `code` reports nothing. */
export function passes(code: string, iep: Iep, profile: Profile = 'ny'): void {
  expect(findingsOf(code, iep, profile), `${code} should pass in ${profile}`).toEqual([]);
}

/**
 * Asserts that rule `code` reports a finding at `path` citing `source` with `severity`, and answers that finding.
 * Other findings of the same rule are allowed (a list may have several bad entries).
 */
export function fails(
  code: string,
  iep: Iep,
  expected: { path: string; source: string; severity?: 'error' | 'warning'; profile?: Profile; message?: RegExp },
): Diagnostic {
  const found = findingsOf(code, iep, expected.profile ?? 'ny');
  const at = found.find((d) => d.path === expected.path);
  expect(at, `${code} should report ${expected.path}; it reported ${JSON.stringify(found.map((d) => d.path))}`).toBeDefined();
  expect(at!.source).toBe(expected.source);
  expect(at!.severity).toBe(expected.severity ?? 'error');
  expect(at!.message.length).toBeGreaterThan(10);
  expect(at!.hint?.length ?? 0).toBeGreaterThan(5);
  if (expected.message) expect(at!.message).toMatch(expected.message);
  return at!;
}

/** A date-valid service entry for the minimal IEP's dates. */
export const SERVICE_DATES = { beginDate: '2026-09-09', endDate: '2027-05-13' } as const;
