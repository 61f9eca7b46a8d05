/**
 * What composing costs for a student whose document has not been seen. Compose parses each run of template blocks
 * once and remembers it (src/compose/held-blocks.ts); the benchmark's synthetic IEPs all share one template record,
 * so after the first document they compose almost wholly from remembered runs. Here the four bundled students (four
 * different records) are composed, official layout in English, three ways:
 *
 *   nothing remembered   the memory emptied first: every run parsed (a first document, a cold process);
 *   after the others     the other three composed first: runs of this student's shape that the others share are found;
 *   remembered           the same document again: the steady state of a batch of same-shaped documents.
 *
 * Each is repeated and the median taken; the share of the document's runs that had to be parsed after the others
 * is printed with it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeDocument } from '../../src/compose/compose-document.js';
import { forgetParsedRuns, parsedRuns } from '../../src/compose/held-blocks.js';
import type { LayoutName } from '../../src/load/load-layout.js';
import type { Iep } from '../../src/model/iep.js';
import { loadIep } from '../../src/validate/load-iep.js';
import { median } from './stats.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const STUDENTS = ['maya-thompson', 'mateo-almonte', 'amira-saleh', 'rayhan-chowdhury'];

export interface UnseenCompose {
  layout: LayoutName;
  /** Median ms of one compose with nothing remembered, after the other students, and remembered. */
  coldMs: number;
  unseenMs: number;
  rememberedMs: number;
  /** Of a document's runs, the share parsed when the other students came first (%). */
  unseenNewRunsPct: number;
}

export function composeUnseen(layout: LayoutName, repetitions: number): UnseenCompose {
  const ieps: Iep[] = STUDENTS.map((name) => {
    const file = path.join(root, 'examples', `${name}.iep.yaml`);
    const loaded = loadIep(readFileSync(file), { file });
    if (!loaded.iep) throw new Error(`${file} does not load`);
    return loaded.iep;
  });
  const compose = (iep: Iep): number => {
    const t0 = performance.now();
    const composed = composeDocument(iep, { layout, lang: 'en' });
    const ms = performance.now() - t0;
    if (!composed.document) throw new Error(`a bundled example did not compose: ${composed.diagnostics[0]?.message}`);
    return ms;
  };
  for (const iep of ieps) compose(iep); // warm-up: code compiled, templates and labels loaded
  const cold: number[] = [];
  const unseen: number[] = [];
  const remembered: number[] = [];
  let runs = 0;
  let newRuns = 0;
  for (let r = 0; r < repetitions; r++) {
    ieps.forEach((iep, i) => {
      forgetParsedRuns();
      const before = parsedRuns().parsed;
      cold.push(compose(iep));
      runs += parsedRuns().parsed - before;
      forgetParsedRuns();
      ieps.forEach((other, j) => j !== i && compose(other));
      const seen = parsedRuns().parsed;
      unseen.push(compose(iep));
      newRuns += parsedRuns().parsed - seen;
      remembered.push(compose(iep));
    });
  }
  forgetParsedRuns();
  return { layout, coldMs: median(cold), unseenMs: median(unseen), rememberedMs: median(remembered), unseenNewRunsPct: (100 * newRuns) / runs };
}
