import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runIep } from '../helpers/run-iep.js';

const MATEO = 'examples/mateo-almonte.iep.yaml';

let tempDir: string | undefined;
afterEach(() => {
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
});

describe('iep i18n', () => {
  it('reports every label and every narrative field of the Spanish example as translated', async () => {
    const run = await runIep(['i18n', MATEO, '--lang', 'es', '--json']);
    expect(run.code).toBe(0);
    const [report] = JSON.parse(run.stdout).reports;
    expect(report.lang).toBe('es');
    expect(report.labels.missing).toEqual([]);
    expect(report.fields.missing).toEqual([]);
    expect(report.fields.translated).toBe(report.fields.total);
    expect(report.fields.total).toBeGreaterThan(100);
    expect(report.locale.reviewed).toBe(false);
    expect(report.complete).toBe(true);
  });

  it('lists a field whose translation was removed, by its JSON path, in text and JSON', async () => {
    const data = parse(readFileSync(MATEO, 'utf8'));
    delete data.parentConcerns.es;
    delete data.goals[1].goal.es;
    const dir = (tempDir = mkdtempSync(join(tmpdir(), 'iep-i18n-')));
    const file = join(dir, 'mateo.iep.yaml');
    writeFileSync(file, stringify(data));

    const json = await runIep(['i18n', file, '--lang', 'es', '--json']);
    const [report] = JSON.parse(json.stdout).reports;
    expect(report.fields.missing).toEqual(['parentConcerns', 'goals[1].goal']);
    expect(report.complete).toBe(false);

    const text = await runIep(['i18n', file, '--lang', 'es']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/fields without a translation[^\n]*\n\s+parentConcerns\n\s+goals\[1\]\.goal\n/);
  });

  it('reports an English-only IEP as untranslated for every narrative field in Bengali', async () => {
    const run = await runIep(['i18n', 'examples/maya-thompson.iep.yaml', '--lang', 'bn', '--json']);
    const [report] = JSON.parse(run.stdout).reports;
    expect(report.fields.translated).toBe(0);
    expect(report.fields.missing.length).toBe(report.fields.total);
    expect(report.labels.missing).toEqual([]);
  });

  it('refuses an unknown language with exit code 2', async () => {
    const run = await runIep(['i18n', MATEO, '--lang', 'xx']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown language "xx"');
  });
});
