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
    // Each path is followed by its English (issue 18: there must be something to hand a translator).
    const english = (v: { en: string }) => v.en.replace(/\s*\n\s*/g, ' ');
    expect(text.stdout).toContain(
      `fields without a translation (printed in English, marked as not yet translated), with their English:\n    parentConcerns\n      ${english(data.parentConcerns)}\n    goals[1].goal\n      ${english(data.goals[1].goal)}\n`,
    );
    expect(text.stdout).toContain(`to hand them to a translator: iep i18n export ${file} --lang es --out <name>.xlf`);
  });

  it('gives the English of each untranslated field in JSON, and a percent translated per copy', async () => {
    const data = parse(readFileSync(MATEO, 'utf8'));
    delete data.parentConcerns.es;
    const dir = (tempDir = mkdtempSync(join(tmpdir(), 'iep-i18n-')));
    const file = join(dir, 'mateo.iep.yaml');
    writeFileSync(file, stringify(data));

    const [report] = JSON.parse((await runIep(['i18n', file, '--lang', 'es', '--json'])).stdout).reports;
    expect(report.fields.untranslated).toEqual([{ path: 'parentConcerns', english: data.parentConcerns.en }]);
    expect(report.fields.percent).toBe(Math.floor(((report.fields.total - 1) / report.fields.total) * 100));
    const copies = Object.fromEntries(report.copies.map((c: { layout: string }) => [c.layout, c]));
    expect(Object.keys(copies)).toEqual(expect.arrayContaining(['official', 'family', 'student']));
    // The parents' concerns are printed in the official and the family copy: each is short of one field.
    for (const layout of ['official', 'family']) {
      expect(copies[layout].translated).toBe(copies[layout].total - 1);
      expect(copies[layout].percent).toBe(Math.floor(((copies[layout].total - 1) / copies[layout].total) * 100));
      expect(copies[layout].percent).toBeLessThan(100);
    }
    expect(copies.family.total).toBeLessThan(copies.official.total);

    const text = await runIep(['i18n', file, '--lang', 'es']);
    expect(text.stdout).toMatch(new RegExp(`family copy: ${copies.family.total - 1}/${copies.family.total} of the narrative fields it prints translated \\(${copies.family.percent}%\\)`));
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
