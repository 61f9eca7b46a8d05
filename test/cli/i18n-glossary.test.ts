import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINIMAL } from '../e2e/helpers.js';
import { runIep } from '../helpers/run-iep.js';

const PLANTED = readFileSync(MINIMAL, 'utf8').replace(
  'parentConcerns: We want Ana to enjoy reading.\n',
  'parentConcerns:\n  en: We want Ana to reach her annual goal in reading.\n  es: Queremos que Ana alcance su objetivo anual de lectura.\n',
);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'memory-glossary-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('iep i18n glossary', () => {
  it('reports a planted inconsistency with its line, the English term, the expected term and the translation (text and JSON)', async () => {
    const file = join(dir, 'ana.iep.yaml');
    writeFileSync(file, PLANTED);
    const text = await runIep(['i18n', 'glossary', file, '--lang', 'es']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      '  34:7    parentConcerns.es: the English says "annual goal"; the glossary\'s term is "Meta anual"\n' +
        '          the translation says: "Queremos que Ana alcance su objetivo anual de lectura."\n' +
        '  1 term translated otherwise than the glossary\n',
    );
    const json = await runIep(['i18n', 'glossary', file, '--lang', 'es', '--json']);
    const [report] = JSON.parse(json.stdout).reports;
    expect(report.findings).toMatchObject([{ path: 'parentConcerns.es', line: 34, english: 'annual goal', expected: 'Meta anual' }]);
  });

  it('finds none in the consistent Spanish example, and exits 1 on an invalid file', async () => {
    const ok = await runIep(['i18n', 'glossary', 'examples/mateo-almonte.iep.yaml', '--lang', 'es']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('every glossary term is translated as the glossary says');
    const file = join(dir, 'broken.iep.yaml');
    writeFileSync(file, 'schemaVersion: 1\nstudent: [\n');
    const bad = await runIep(['i18n', 'glossary', file, '--lang', 'es']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('syntax-error');
  });
});
