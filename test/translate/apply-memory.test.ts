/**
 * Translation memory across students: the sentences a translator gave for one student's record fill the same
 * sentences in another's, marked for review; a field only partly in memory is reported and left alone.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadIep } from '../../src/validate/load-iep.js';
import { applyMemory } from '../../src/translate/apply-memory.js';
import { exportXliff } from '../../src/translate/export-xliff.js';
import type { MemoryPair } from '../../src/translate/memory-pair.js';
import { segmentSentences } from '../../src/translate/segment-sentences.js';
import { MEMORY_MARK, readMemory, recordInMemory } from '../../src/translate/translation-memory.js';
import { textFields } from '../../src/model/text-fields.js';
import { MINIMAL } from '../e2e/helpers.js';

const minimal = readFileSync(MINIMAL, 'utf8');

/** Ana's record with a few fields translated into Spanish by a person (as XLIFF import would have written them). */
const ANA = minimal
  .replace('    schedule: Every two weeks\n', '    schedule:\n      en: Every two weeks\n      es: Cada dos semanas\n')
  .replace(
    '  method: A written report on each goal\n',
    '  method:\n    en: A written report on each goal. It goes home with the report card.\n    es: Un informe escrito sobre cada meta. Se envía a casa con la libreta de calificaciones.\n',
  )
  .replace(
    '    description: Ana is healthy and active.\n',
    '    description:\n      en: The school nurse has no health concerns. Ana plays soccer at recess.\n      es: La enfermera escolar no tiene ninguna preocupación de salud. Ana juega al fútbol en el recreo.\n',
  );

/** Ben's record: the same generic sentences, his own elsewhere; one field shares one sentence of two. */
const BEN = minimal
  .replace(/\bAna\b/g, 'Ben')
  .replace('  method: A written report on each goal\n', '  method: A written report on each goal. It goes home with the report card.\n')
  .replace('    description: Ben is healthy and active.\n', '    description: The school nurse has no health concerns. He swims on weekends.\n');

/** The pairs a person gave in Ana's record: each translated field's sentences, one to one. */
function pairsOf(source: string): MemoryPair[] {
  const iep = loadIep(source).iep!;
  const pairs: MemoryPair[] = [];
  for (const field of textFields(iep)) {
    if (!field.translations.includes('es')) continue;
    let node: unknown = iep;
    for (const key of field.fieldPath) node = (node as Record<string | number, unknown>)[key];
    const en = segmentSentences(field.text);
    const es = segmentSentences((node as { es: string }).es);
    expect(es.length).toBe(en.length);
    en.forEach((sentence, i) => pairs.push({ en: sentence, lang: 'es', text: es[i]! }));
  }
  return pairs;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'memory-apply-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('applyMemory', () => {
  it("fills a second student's identical sentences from the memory the first student's translations built", async () => {
    writeFileSync(join(dir, 'ana.iep.yaml'), ANA);
    writeFileSync(join(dir, 'ben.iep.yaml'), BEN);
    const recorded = await recordInMemory(dir, pairsOf(ANA));
    expect(recorded.added).toBe(5);
    const { memory } = await readMemory(recorded.file);

    const result = applyMemory(BEN, join(dir, 'ben.iep.yaml'), memory!, 'es');
    expect(result.diagnostics).toEqual([]);
    expect(result.filled.map((f) => f.path)).toEqual(['goals[0].schedule', 'progressReporting.method']);
    const ben = parse(result.source!);
    expect(ben.goals[0].schedule).toEqual({ en: 'Every two weeks', es: 'Cada dos semanas' });
    // Two sentences, each from memory, joined as Spanish writes them.
    expect(ben.progressReporting.method).toEqual({
      en: 'A written report on each goal. It goes home with the report card.',
      es: 'Un informe escrito sobre cada meta. Se envía a casa con la libreta de calificaciones.',
    });
    // Ben's own sentences are not Ana's: untouched.
    expect(ben.presentLevels.academic.description).toBe('Ben reads grade 2 texts with support.');
    expect(loadIep(result.source!).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('marks each filled translation on its own line with the memory comment, and keeps every other line', async () => {
    const { memory } = await readMemory((await recordInMemory(dir, pairsOf(ANA))).file);
    const result = applyMemory(BEN, 'ben.iep.yaml', memory!, 'es');
    const lines = result.source!.split('\n');
    expect(lines).toContain(`    schedule:`);
    expect(lines).toContain(`      es: Cada dos semanas # ${MEMORY_MARK}`);
    expect(lines.filter((l) => l.includes(MEMORY_MARK))).toHaveLength(2);
    // Too long for one line: a folded block, the mark still on the key's line.
    const method = lines.indexOf('  method:');
    expect(lines.slice(method, method + 4)).toEqual([
      '  method:',
      '    en: A written report on each goal. It goes home with the report card.',
      `    es: >- # ${MEMORY_MARK}`,
      '      Un informe escrito sobre cada meta. Se envía a casa con la libreta de calificaciones.',
    ]);
    // The file's opening comment and every line not filled are as they were, in order.
    expect(lines[0]).toBe(BEN.split('\n')[0]);
    const kept = BEN.split('\n').filter((l) => !/^\s*(schedule|method): (Every two weeks|A written report)/.test(l));
    let at = 0;
    for (const line of kept) {
      at = lines.indexOf(line, at);
      expect(at, line).toBeGreaterThanOrEqual(0);
    }
  });

  it('reports a field only partly in memory, with the sentence missing, and does not fill it', async () => {
    const { memory } = await readMemory((await recordInMemory(dir, pairsOf(ANA))).file);
    const result = applyMemory(BEN, 'ben.iep.yaml', memory!, 'es');
    expect(result.partial).toEqual([
      { path: 'presentLevels.physical.description', line: 53, sentences: 2, covered: 1, missing: ['He swims on weekends.'] },
    ]);
    expect(parse(result.source!).presentLevels.physical.description).toBe('The school nurse has no health concerns. He swims on weekends.');
  });

  it('leaves a field already translated as it is, and fills nothing in another language', async () => {
    const { memory } = await readMemory((await recordInMemory(dir, pairsOf(ANA))).file);
    const again = applyMemory(ANA, 'ana.iep.yaml', memory!, 'es');
    expect(again.filled).toEqual([]);
    expect(again.source).toBeUndefined();
    expect(applyMemory(BEN, 'ben.iep.yaml', memory!, 'ar').filled).toEqual([]);
  });

  it('refuses to fill a JSON record (it cannot carry the review mark) and says so', async () => {
    const { memory } = await readMemory((await recordInMemory(dir, pairsOf(ANA))).file);
    const json = JSON.stringify(parse(BEN), null, 2);
    const result = applyMemory(json, 'ben.iep.json', memory!, 'es');
    expect(result.source).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['memory-not-yaml']);
  });

  it('does not fill a field whose translation would make the record invalid, and fills the others', async () => {
    const pairs = [...pairsOf(ANA), { en: 'Curriculum-based measurement probes', lang: 'es' as const, text: `Pruebas ${'x'.repeat(10_000)}` }];
    const { memory } = await readMemory((await recordInMemory(dir, pairs)).file);
    const result = applyMemory(BEN, 'ben.iep.yaml', memory!, 'es');
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([['memory-not-filled', 'goals[0].method']]);
    expect(result.filled.map((f) => f.path)).toEqual(['goals[0].schedule', 'progressReporting.method']);
    expect(parse(result.source!).goals[0].method).toBe('Curriculum-based measurement probes');
  });
});

describe('applyMemory and hostile memories', () => {
  it('does not fill a translation with a right-to-left override hidden in it; HTML and template syntax stay inert text', async () => {
    const { memory } = await readMemory(
      (
        await recordInMemory(dir, [
          { en: 'Every two weeks', lang: 'es', text: 'Cada dos \u202esemanas' },
          { en: 'A written report on each goal.', lang: 'es', text: '<script>alert(1)</script> {{student.lastName}} informe.' },
          { en: 'It goes home with the report card.', lang: 'es', text: 'Va a casa.' },
        ])
      ).file,
    );
    const result = applyMemory(BEN, 'ben.iep.yaml', memory!, 'es');
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([['memory-not-filled', 'goals[0].schedule']]);
    expect(result.filled.map((f) => f.path)).toEqual(['progressReporting.method']);
    // Stored as the text it is; the documents escape it like any other narrative.
    expect(parse(result.source!).progressReporting.method.es).toBe('<script>alert(1)</script> {{student.lastName}} informe. Va a casa.');
  });
});

describe('applyMemory with the XLIFF workflow', () => {
  it('keeps paragraph breaks, and the XLIFF export sees the mark: the unit is "needs review", not approved', async () => {
    const text = 'Every two weeks, the teacher checks reading.\n\nThe family gets a note home.';
    const source = minimal.replace('parentConcerns: We want Ana to enjoy reading.\n', `parentConcerns: |-\n  ${text.replace('\n\n', '\n\n  ')}\n`);
    const { memory } = await readMemory(
      (
        await recordInMemory(dir, [
          { en: 'Every two weeks, the teacher checks reading.', lang: 'es', text: 'Cada dos semanas, la maestra revisa la lectura.' },
          { en: 'The family gets a note home.', lang: 'es', text: 'La familia recibe una nota en casa.' },
        ])
      ).file,
    );
    const result = applyMemory(source, 'ana.iep.yaml', memory!, 'es');
    expect(result.filled.map((f) => f.path)).toEqual(['parentConcerns']);
    const filled = parse(result.source!).parentConcerns;
    expect(filled).toEqual({ en: text, es: 'Cada dos semanas, la maestra revisa la lectura.\n\nLa familia recibe una nota en casa.' });

    const loaded = loadIep(result.source!, { file: 'ana.iep.yaml' });
    const xliff = exportXliff([{ file: 'ana.iep.yaml', iep: loaded.iep!, source: result.source! }], 'es', { all: true }).xml;
    const unit = /<group[^>]*parentConcerns[\s\S]*?<\/group>/.exec(xliff)![0];
    expect(unit).toContain('approved="no"');
    expect(unit).toContain('state="needs-review-translation"');
    expect(unit).toContain('filled from the translation memory');
  });
});
