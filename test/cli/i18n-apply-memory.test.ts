import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { recordInMemory } from '../../src/translate/translation-memory.js';
import { MINIMAL } from '../e2e/helpers.js';
import { runIep } from '../helpers/run-iep.js';

const BEN = readFileSync(MINIMAL, 'utf8')
  .replace(/\bAna\b/g, 'Ben')
  .replace('    description: Ben is healthy and active.\n', '    description: The school nurse has no health concerns. He swims on weekends.\n');

let dir: string;
let file: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'memory-cli-'));
  file = join(dir, 'ben.iep.yaml');
  writeFileSync(file, BEN);
  await recordInMemory(dir, [
    { en: 'Every two weeks', lang: 'es', text: 'Cada dos semanas' },
    { en: 'The school nurse has no health concerns.', lang: 'es', text: 'La enfermera escolar no tiene ninguna preocupación de salud.' },
  ]);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('iep i18n apply-memory', () => {
  it("fills from the memory in the file's folder, marks the translation, and reports filled and partly covered fields", async () => {
    const run = await runIep(['i18n', 'apply-memory', file, '--lang', 'es']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/filled from memory, marked "iepkit: from translation memory" for review \(1\):\n\s+73  goals\[0\]\.schedule \(1 sentence\)/);
    expect(run.stdout).toMatch(/partly in memory, not filled \(1\):\n\s+53  presentLevels\.physical\.description: 1 of 2 sentences; not in memory:\n\s+"He swims on weekends\."/);
    expect(run.stdout).toContain('written: 1 field filled');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('      es: Cada dos semanas # iepkit: from translation memory\n');
    expect(parse(text).presentLevels.physical.description).toBe('The school nurse has no health concerns. He swims on weekends.');
  });

  it('with --dry-run reports the same and leaves the file as it was', async () => {
    const run = await runIep(['i18n', 'apply-memory', file, '--lang', 'es', '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('goals[0].schedule (1 sentence)');
    expect(run.stdout).toContain('--dry-run: 1 field would be filled; the file is unchanged');
    expect(readFileSync(file, 'utf8')).toBe(BEN);
  });

  it('exits 2 when there is no memory, and 1 when the memory is malformed, leaving the IEP untouched', async () => {
    const none = await runIep(['i18n', 'apply-memory', file, '--lang', 'es', '--memory', join(dir, 'nothing.tmx')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/cannot read the translation memory .*nothing\.tmx: there is no such file\s+memory-unreadable/);

    writeFileSync(join(dir, 'bad.tmx'), '<?xml version="1.0"?>\n<tmx version="1.4"><body><tu>\n');
    const bad = await runIep(['i18n', 'apply-memory', file, '--lang', 'es', '--memory', join(dir, 'bad.tmx')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/3:1\s+error\s+the translation memory cannot be read: it is not well-formed XML: it ends before <tmx>, <body>, <tu> are closed/);
    expect(readFileSync(file, 'utf8')).toBe(BEN);
  });

  it('refuses English as the language to fill (exit 2)', async () => {
    const run = await runIep(['i18n', 'apply-memory', file, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--lang must be a language to translate into');
  });
});
