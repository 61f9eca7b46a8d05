/**
 * applyEdit (src/model/apply-edit.ts): the browser's one way of changing the record's text from the form. Plain
 * Node: the `yaml` package runs the same here as in the bundle.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ApplyEditError, applyEdit, tryApplyEdit } from '../../src/model/apply-edit.js';
import type { JSONSchema } from '../../src/model/json-schema.js';
import { ROOT } from '../e2e/helpers.js';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema', 'iep.schema.json'), 'utf8')) as JSONSchema;
const maya = readFileSync(path.join(ROOT, 'examples', 'maya-thompson.iep.yaml'), 'utf8');

const SMALL = `# The record's own comment
schemaVersion: 1
student:
  id: "209345671" # district id, quoted
  firstName: Maya
  lastName: Thompson
  dateOfBirth: "2016-11-04"
goals:
  # the reading goal
  - id: reading
    criteria: 90% accuracy
  # the writing goal
  - id: writing
    criteria: 4 of 5 samples
tags: [a, b]
`;

/** The lines of `after` that are not in `before`, and the other way round. */
function lineChanges(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  return { removed: a.filter((l) => !b.includes(l)), added: b.filter((l) => !a.includes(l)) };
}

describe('applyEdit on YAML', () => {
  it('changes one value and keeps every comment, the key order and the quoting of the other values', () => {
    const out = applyEdit(SMALL, ['student', 'firstName'], 'Maia', { schema });
    expect(lineChanges(SMALL, out)).toEqual({ removed: ['  firstName: Maya'], added: ['  firstName: Maia'] });
    expect(out).toContain('# The record\'s own comment');
    expect(out).toContain('  id: "209345671" # district id, quoted');
    expect(Object.keys(parse(out).student)).toEqual(['id', 'firstName', 'lastName', 'dateOfBirth']);
  });

  it('keeps the quoting style of the scalar it changes', () => {
    const out = applyEdit(SMALL, ['student', 'dateOfBirth'], '2016-11-05', { schema });
    expect(out).toContain('  dateOfBirth: "2016-11-05"');
  });

  it('writes a new key in the schema order, not at the end', () => {
    const out = applyEdit(SMALL, ['student', 'preferredName'], 'Mimi', { schema });
    expect(Object.keys(parse(out).student)).toEqual(['id', 'firstName', 'lastName', 'preferredName', 'dateOfBirth']);
  });

  it('appends a new key at the end of its map when no schema is given', () => {
    const out = applyEdit(SMALL, ['student', 'preferredName'], 'Mimi');
    expect(Object.keys(parse(out).student)).toEqual(['id', 'firstName', 'lastName', 'dateOfBirth', 'preferredName']);
  });

  it('creates the missing groups on the way to a new field, and quotes a new date', () => {
    const out = applyEdit(SMALL, ['document', 'amendment', 'date'], '2026-05-01', { schema });
    expect(parse(out).document).toEqual({ amendment: { date: '2026-05-01' } });
    expect(out).toContain('date: "2026-05-01"');
    // document comes before student in the schema
    expect(Object.keys(parse(out))).toEqual(['schemaVersion', 'document', 'student', 'goals', 'tags']);
  });

  it('removes a field (undefined) and leaves the rest as it was', () => {
    const out = applyEdit(SMALL, ['student', 'lastName'], undefined, { schema });
    expect(lineChanges(SMALL, out)).toEqual({ removed: ['  lastName: Thompson'], added: [] });
  });

  it('adds, removes and reorders list items, each item keeping its comment', () => {
    const goals = parse(SMALL).goals as unknown[];
    const reordered = applyEdit(SMALL, ['goals'], [goals[1], goals[0]], { schema });
    expect((parse(reordered).goals as { id: string }[]).map((g) => g.id)).toEqual(['writing', 'reading']);
    expect(reordered.indexOf('# the writing goal')).toBeLessThan(reordered.indexOf('# the reading goal'));
    expect(reordered.indexOf('# the writing goal')).toBeLessThan(reordered.indexOf('id: writing'));

    const removed = applyEdit(SMALL, ['goals'], [goals[1]], { schema });
    expect(parse(removed).goals).toEqual([{ id: 'writing', criteria: '4 of 5 samples' }]);
    expect(removed).not.toContain('# the reading goal');
    expect(removed).toContain('# the writing goal');

    const added = applyEdit(SMALL, ['goals'], [...goals, { id: 'math' }], { schema });
    expect((parse(added).goals as { id: string }[]).map((g) => g.id)).toEqual(['reading', 'writing', 'math']);
    expect(added).toContain('# the reading goal');
  });

  it('fills an item added as {} in block style, not as a flow map', () => {
    const withEmpty = applyEdit(SMALL, ['goals', 2], {}, { schema });
    const out = applyEdit(withEmpty, ['goals', 2, 'id'], 'math', { schema });
    expect(out).toContain('  - id: math\n');
    expect(parse(out).goals[2]).toEqual({ id: 'math' });
  });

  it('sets one item of a list by index and keeps flow style of an untouched list', () => {
    const out = applyEdit(SMALL, ['goals', 1, 'criteria'], '5 of 5 samples', { schema });
    expect(parse(out).goals[1].criteria).toBe('5 of 5 samples');
    expect(out).toContain('tags: [a, b]');
  });

  it('turns a narrative plain string into { en, bn } when a translation is added, the English kept', () => {
    const out = applyEdit(SMALL, ['goals', 0, 'criteria', 'bn'], '৯০% নির্ভুল', { schema });
    expect(parse(out).goals[0].criteria).toEqual({ en: '90% accuracy', bn: '৯০% নির্ভুল' });
  });

  it('turns { en, bn } back into the plain English string when the last translation is removed', () => {
    const translated = applyEdit(SMALL, ['goals', 0, 'criteria', 'bn'], '৯০% নির্ভুল', { schema });
    const back = applyEdit(translated, ['goals', 0, 'criteria', 'bn'], undefined, { schema });
    expect(back).toBe(SMALL);
    const json = applyEdit(JSON.stringify({ parentConcerns: { en: 'Proud.', es: 'Orgullosos.' } }), ['parentConcerns', 'es'], undefined, { schema });
    expect(JSON.parse(json)).toEqual({ parentConcerns: 'Proud.' });
  });

  it('makes { en, xx } only of a narrative field when the schema is given (a frequency is not a text)', () => {
    const text = 'services:\n  specialEducation:\n    - service: resource-room\n      frequency: as-needed\n';
    const result = tryApplyEdit(text, ['services', 'specialEducation', 0, 'frequency', 'per'], 'week', { schema });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('holds a single value') });
    const json = JSON.stringify(parse(text));
    expect(tryApplyEdit(json, ['services', 'specialEducation', 0, 'frequency', 'per'], 'week', { schema }).ok).toBe(false);
  });

  it('refuses __proto__, constructor and prototype keys in the path or the value, and changes nothing global', () => {
    for (const hostile of [['__proto__', 'polluted'], ['constructor', 'prototype', 'polluted'], ['student', '__proto__']]) {
      expect(() => applyEdit(SMALL, hostile, 'yes')).toThrow(ApplyEditError);
      expect(tryApplyEdit(SMALL, hostile, 'yes')).toMatchObject({ ok: false, message: expect.stringMatching(/^Refused/) });
    }
    const value = JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown;
    expect(() => applyEdit(SMALL, ['student'], value)).toThrow(/Refused: "__proto__"/);
    expect(() => applyEdit(SMALL, ['goals', -1], 'x')).toThrow(ApplyEditError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers text that is not valid YAML with a message that says where, not a stack', () => {
    const broken = 'student:\n  firstName: "Maya\n  lastName: [Thompson\n';
    const result = tryApplyEdit(broken, ['student', 'firstName'], 'Maia');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^The YAML text has an error at line \d+, column \d+: /);
    expect(result.message).not.toMatch(/\n|\bat .*\(.*:\d+:\d+\)/);
    expect(result.line).toBeGreaterThan(0);
    expect(() => applyEdit(broken, ['student'], {})).toThrow(ApplyEditError);
  });

  it('refuses a path the record cannot take, with a message naming it', () => {
    expect(tryApplyEdit(SMALL, ['student', 'firstName', 'x', 'y'], 1)).toEqual({
      ok: false,
      message: expect.stringContaining('"student.firstName" holds a single value'),
    });
    expect(tryApplyEdit(SMALL, ['goals', 5], {})).toMatchObject({ ok: false, message: expect.stringContaining('has 2 items') });
  });

  it('gives the same text for an edit of the text it just returned (kept parse) as for a fresh parse of it', () => {
    const first = applyEdit(maya, ['goals', 0, 'goal'], 'Maya will read.', { schema });
    const chained = applyEdit(first, ['goals', 0, 'criteria', 'es'], 'Criterio', { schema });
    applyEdit(SMALL, ['student', 'id'], '2', { schema }); // another text: the kept parse is dropped
    expect(applyEdit(first, ['goals', 0, 'criteria', 'es'], 'Criterio', { schema })).toBe(chained);
    expect(parse(chained).goals[0]).toMatchObject({ goal: 'Maya will read.', criteria: { es: 'Criterio' } });
  });

  it('leaves the hand-wrapped text of a real example alone when another field changes', () => {
    const out = applyEdit(maya, ['goals', 0, 'criteria'], 'New criteria', { schema });
    expect(lineChanges(maya, out)).toEqual({
      removed: [expect.stringMatching(/^ {4}criteria: 90% accuracy/)],
      added: ['    criteria: New criteria'],
    });
    const bn = applyEdit(maya, ['parentConcerns', 'bn'], 'বাংলা', { schema });
    expect(parse(bn).parentConcerns).toEqual({ en: parse(maya).parentConcerns, bn: 'বাংলা' });
  });
});

describe('applyEdit on JSON', () => {
  const json = `{\n    "schemaVersion": 1,\n    "student": {\n        "id": "1",\n        "firstName": "Maya",\n        "dateOfBirth": "2016-11-04"\n    }\n}\n`;

  it('keeps JSON text JSON, with its indent and the schema order for a new key', () => {
    const out = applyEdit(json, ['student', 'lastName'], 'Thompson', { schema });
    expect(Object.keys(JSON.parse(out).student)).toEqual(['id', 'firstName', 'lastName', 'dateOfBirth']);
    expect(out).toContain('\n        "lastName": "Thompson",\n');
    expect(out.endsWith('}\n')).toBe(true);
  });

  it('removes, adds a translation, and refuses hostile keys and broken JSON', () => {
    expect(JSON.parse(applyEdit(json, ['student', 'firstName'], undefined)).student).toEqual({ id: '1', dateOfBirth: '2016-11-04' });
    const text = applyEdit(json, ['parentConcerns'], 'We are proud.');
    expect(JSON.parse(applyEdit(text, ['parentConcerns', 'es'], 'Orgullosos.')).parentConcerns).toEqual({
      en: 'We are proud.',
      es: 'Orgullosos.',
    });
    expect(() => applyEdit(json, ['__proto__', 'x'], 1)).toThrow(ApplyEditError);
    expect(tryApplyEdit('{"a": ', ['a'], 1)).toMatchObject({ ok: false, message: expect.stringMatching(/^The JSON text has an error/) });
  });
});
