/**
 * Starter text still to be written ("TO WRITE: first name", src/model/unwritten.ts): valid, but each one is a
 * located warning naming the field, reported by validation (so `iep validate`, `check`, `lint`, `render` and the
 * live preview all show it).
 */
import { describe, expect, it } from 'vitest';
import { loadIep } from '../../src/validate/load-iep.js';
import { findUnwritten, UNWRITTEN_MARKER, unwrittenLabel } from '../../src/model/unwritten.js';
import { starterIep } from '../../src/pipeline/starter-iep.js';
import { placeUnwritten } from '../../src/validate/place-unwritten.js';
import { placeholderValue } from '../../src/model/placeholder.js';
import { editMinimal, positionOf } from '../load/minimal-text.js';
import { runIep } from '../helpers/run-iep.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const unwritten = (text: string) => loadIep(text, { file: 'f.iep.yaml' }).diagnostics.filter((d) => d.code === 'unwritten-text');

describe('the marker', () => {
  it('is the one the starter writes, and gives the words after it', () => {
    expect(starterIep()).toContain(`firstName: "${UNWRITTEN_MARKER} first name"`);
    expect(unwrittenLabel('TO WRITE: what the family hopes for.')).toBe('what the family hopes for');
    expect(unwrittenLabel('Ana, TO WRITE: later')).toBeUndefined();
    expect(unwrittenLabel(3)).toBeUndefined();
  });

  it('is found in every string value, translations and lists included, never in keys', () => {
    const found = findUnwritten({ 'TO WRITE: key': 'x', a: { en: 'done', es: 'TO WRITE: traducción' }, list: ['ok', 'TO WRITE: need'] });
    expect(found).toEqual([
      { path: ['a', 'es'], label: 'traducción' },
      { path: ['list', 1], label: 'need' },
    ]);
  });
});

describe('unwritten-text', () => {
  it('warns about a text still holding the marker, located by path and line, naming the field; the record stays valid', () => {
    const text = editMinimal(['firstName: Ana', 'firstName: "TO WRITE: first name"']);
    const loaded = loadIep(text, { file: 'f.iep.yaml' });
    expect(loaded.iep).toBeDefined();
    expect(loaded.diagnostics).toEqual([
      {
        code: 'unwritten-text',
        severity: 'warning',
        file: 'f.iep.yaml',
        path: 'student.firstName',
        ...positionOf(text, 'firstName: '),
        message: 'Legal first name (student.firstName) is still to be written: it says "TO WRITE: first name"',
        hint: 'write it, or remove the field if it does not apply',
      },
    ]);
  });

  it('names a translation by its field and language', () => {
    const text = editMinimal(['parentConcerns: We want Ana to enjoy reading.', 'parentConcerns: { en: We want Ana to enjoy reading., es: "TO WRITE: en español" }']);
    const [d] = unwritten(text);
    expect(d).toMatchObject({ path: 'parentConcerns.es', message: expect.stringMatching(/^The parents' concerns .* \(Spanish\) \(parentConcerns\.es\) is still to be written/) });
  });

  it('is reported for every unwritten text of the starter, and for none of a written record', () => {
    const starter = starterIep();
    const count = starter.split('"TO WRITE: ').length - 1;
    const all = loadIep(starter).diagnostics;
    // Past 20 of one code, the list is summarised: the first ones and a count of the rest.
    expect(all.filter((d) => d.code === 'unwritten-text' && d.path !== undefined).length + Number(/^(\d+) more/.exec(all.at(-1)!.message)?.[1] ?? 0)).toBe(count);
    expect(all.every((d) => d.severity === 'warning')).toBe(true);
    expect(unwritten(editMinimal())).toEqual([]);
  });

  it('is printed by `iep validate` with its line, and the file still passes (exit 0)', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'iep-unwritten-'));
    try {
      const file = path.join(folder, 'a.iep.yaml');
      const text = editMinimal(['firstName: Ana', 'firstName: "TO WRITE: first name"']);
      writeFileSync(file, text);
      const run = await runIep(['validate', file]);
      expect(run.code).toBe(0);
      const { line, column } = positionOf(text, 'firstName: ');
      expect(run.stderr).toMatch(new RegExp(`${line}:${column} +warning +Legal first name \\(student\\.firstName\\) is still to be written.* unwritten-text`));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('placeUnwritten', () => {
  it('replaces each unwritten text by a placeholder numbered after the given ones, in a copy; nothing for a written record', () => {
    const data = { student: { firstName: 'TO WRITE: first name', lastName: 'Ruiz' }, team: [{ name: 'TO WRITE: parent.' }] };
    const placed = placeUnwritten(data, [{ path: 'meeting.date', label: 'Date of the meeting' }])!;
    expect(placed.data).toEqual({ student: { firstName: placeholderValue(1), lastName: 'Ruiz' }, team: [{ name: placeholderValue(2) }] });
    expect(placed.placeholders.slice(1)).toEqual([
      { path: 'student.firstName', label: 'first name' },
      { path: 'team[0].name', label: 'parent' },
    ]);
    expect(placed.paths).toEqual(['student.firstName', 'team[0].name']);
    expect(data.student.firstName).toBe('TO WRITE: first name');
    expect(placeUnwritten({ student: { firstName: 'Ana' } })).toBeUndefined();
  });
});
