/** IEP fixtures for the lint tests: test/fixtures/minimal.iep.yaml with some fields changed, as YAML text. */
import { readFileSync } from 'node:fs';
import { parseDocument, type Document } from 'yaml';
import { loadIep } from '../../src/validate/load-iep.js';
import type { LintDiagnostic } from '../../src/lint/lint-diagnostic.js';
import { lintIep, type LintOptions } from '../../src/lint/lint-iep.js';
import { checkReadingLevel, type CheckReadingLevelOptions } from '../../src/pipeline/check-reading-level.js';
import type { ReadingLayout } from '../../src/readability/reading-targets.js';
import type { Iep } from '../../src/model/iep.js';

export const MINIMAL = readFileSync(new URL('../fixtures/minimal.iep.yaml', import.meta.url), 'utf8');

/** The minimal IEP with `edit` applied to its YAML document (setIn keeps the rest of the file as written). */
export function minimalWith(edit: (doc: Document) => void = () => {}): string {
  const doc = parseDocument(MINIMAL);
  edit(doc);
  return doc.toString({ lineWidth: 0 });
}

/** Loads YAML text (which must be a valid IEP) and lints it with its source map and text. */
export function lintSource(source: string, options: Omit<LintOptions, 'sourceMap' | 'source'> = {}): LintDiagnostic[] {
  const loaded = loadIep(source, { file: options.file ?? 'test.iep.yaml' });
  if (!loaded.iep) throw new Error(`fixture is not a valid IEP: ${JSON.stringify(loaded.diagnostics, null, 2)}`);
  return lintIep(loaded.iep, { file: 'test.iep.yaml', ...options, sourceMap: loaded.sourceMap, source });
}

/** Loads YAML text (which must be a valid IEP) and checks the reading level of a layout, with its source map. */
export function readingSource(source: string, layout: ReadingLayout, options: Omit<CheckReadingLevelOptions, 'sourceMap'> = {}) {
  const loaded = loadIep(source, { file: options.file ?? 'test.iep.yaml' });
  if (!loaded.iep) throw new Error(`fixture is not a valid IEP: ${JSON.stringify(loaded.diagnostics, null, 2)}`);
  return checkReadingLevel(loaded.iep, layout, { file: 'test.iep.yaml', ...options, sourceMap: loaded.sourceMap });
}

export function loadValid(source: string): Iep {
  const loaded = loadIep(source);
  if (!loaded.iep) throw new Error(`fixture is not a valid IEP: ${JSON.stringify(loaded.diagnostics, null, 2)}`);
  return loaded.iep;
}

/** The text of line `line` (1-based) from `column` on. */
export function at(source: string, d: { line?: number; column?: number }): string {
  return (source.split('\n')[(d.line ?? 0) - 1] ?? '').slice((d.column ?? 1) - 1);
}
