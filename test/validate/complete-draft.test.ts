import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { completeDraft, shortLabel } from '../../src/validate/complete-draft.js';
import { validateIep } from '../../src/validate/validate-iep.js';
import { isPlaceholder, placeholderValue } from '../../src/model/placeholder.js';
import { MINIMAL } from '../e2e/helpers.js';

const minimal = () => parse(readFileSync(MINIMAL, 'utf8')) as Record<string, any>;

describe('completeDraft', () => {
  it('leaves a valid record as it is, with nothing filled', () => {
    const data = minimal();
    const completed = completeDraft(data);
    expect(completed.placeholders).toEqual([]);
    expect(completed.filled).toEqual([]);
    expect(completed.data).toEqual(data);
  });

  it('fills a missing required text, date and closed-list value with placeholders, listed with what belongs there', () => {
    const data = minimal();
    delete data.student.firstName;
    delete data.student.dateOfBirth;
    delete data.meeting.type;
    const { data: out, placeholders } = completeDraft(data);
    expect(placeholders).toEqual([
      { path: 'student.firstName', label: 'Legal first name' },
      { path: 'student.dateOfBirth', label: 'Date of birth' },
      { path: 'meeting.type', label: 'Kind of meeting' },
    ]);
    expect((out.student as any).firstName).toBe(placeholderValue(0));
    expect((out.student as any).dateOfBirth).toBe(placeholderValue(1));
    expect((out.meeting as any).type).toBe(placeholderValue(2));
    // The data given is never changed.
    expect(data.student.firstName).toBeUndefined();
  });

  it('replaces values of the wrong type or format: a date that does not exist, a grade outside the list, a number as text', () => {
    const data = minimal();
    data.meeting.date = '2026-02-30';
    data.student.grade = 'third';
    data.document.version = 'one';
    const { data: out, placeholders } = completeDraft(data);
    const paths = placeholders.map((p) => p.path);
    expect(paths).toContain('meeting.date');
    expect(paths).toContain('student.grade');
    expect(paths).toContain('document.version');
    expect(isPlaceholder((out.meeting as any).date)).toBe(true);
    expect(isPlaceholder((out.student as any).grade)).toBe(true);
  });

  it('makes a missing list with a minimum of entries whole, each entry with its required parts, and lists the list as filled', () => {
    const data = minimal();
    delete data.team;
    const { data: out, placeholders, filled } = completeDraft(data);
    expect((out.team as unknown[]).length).toBe(1);
    expect(filled).toContain('team');
    expect(filled).toContain('team[0]');
    expect(placeholders.map((p) => p.path)).toEqual(['team[0].name', 'team[0].role', 'team[0].attended']);
    // A yes/no cannot be a placeholder: false, the answer that asks for nothing, and still listed.
    expect((out.team as any[])[0].attended).toBe(false);
  });

  it('gives half a frequency one placeholder for the whole value (it cannot be printed half)', () => {
    const data = minimal();
    const service = data.services.specialEducation[0];
    service.frequency = { times: 2 };
    const { placeholders } = completeDraft(data);
    expect(placeholders.map((p) => p.path)).toEqual(['services.specialEducation[0].frequency']);
  });

  it('leaves out keys the schema does not know, and keeps an over-long text (it composes)', () => {
    const data = minimal();
    data.student.firstNme = 'Ana';
    data.parentConcerns = 'x'.repeat(100_000);
    const { data: out, placeholders } = completeDraft(data);
    expect(out.student).not.toHaveProperty('firstNme');
    expect(out.parentConcerns).toHaveLength(100_000);
    expect(placeholders).toEqual([]);
  });

  it('lists placeholders in form order (the schema order), not the order of the file', () => {
    const { placeholders } = completeDraft({ goals: [{ id: 'g1' }], schemaVersion: 1 });
    const paths = placeholders.map((p) => p.path);
    expect(paths.indexOf('document.status')).toBeLessThan(paths.indexOf('student.id'));
    expect(paths.indexOf('student.id')).toBeLessThan(paths.indexOf('goals[0].area'));
  });

  it('makes a whole record of nothing, and the completed record validates except where a placeholder stands for a format', () => {
    const { data, placeholders } = completeDraft(null);
    expect(placeholders.length).toBeGreaterThan(40);
    const codes = new Set(validateIep(data).diagnostics.map((d) => d.code));
    // Placeholders are text: only checks of a date, a pattern, a number or a closed list can still object.
    for (const code of codes) expect(['invalid-date', 'invalid-value', 'invalid-format', 'wrong-type']).toContain(code);
  });
});

describe('shortLabel', () => {
  it('keeps a description up to its example, citation or explanation', () => {
    expect(shortLabel('Date of birth (YYYY-MM-DD).', [])).toBe('Date of birth');
    expect(shortLabel('How mastery is judged, e.g. "4 of 5 trials".', [])).toBe('How mastery is judged');
  });
  it('falls back to the key in words', () => {
    expect(shortLabel(undefined, ['student', 'firstName'])).toBe('First name');
  });
});
