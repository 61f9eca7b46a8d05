import { describe, expect, it } from 'vitest';
import { validateIep } from '../../src/validate/validate-iep.js';
import { parseSource } from '../../src/load/parse-source.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { editMinimal, minimalData, positionOf } from '../load/minimal-text.js';

/** minimal.iep.yaml as data, changed by `change`; validated without a source map. */
function validateChanged(change: (iep: any) => void) {
  const data = minimalData();
  change(data);
  return validateIep(data, { file: 'f.iep.yaml' });
}
const brief = (d: Diagnostic) => ({ code: d.code, path: d.path });

describe('validateIep: valid data', () => {
  it('accepts minimal.iep.yaml and returns it as the typed record', () => {
    const data = minimalData();
    expect(validateIep(data)).toEqual({ iep: data, diagnostics: [] });
  });

  it('accepts translated text with English and any of the document languages', () => {
    const result = validateChanged((d) => (d.parentConcerns = { en: 'We want Ana to read.', es: 'Queremos que Ana lea.', 'zh-Hans': '我们希望安娜阅读。' }));
    expect(result.diagnostics).toEqual([]);
  });

  it('accepts buildsOn ids of interests and of strengths in other domains', () => {
    expect(validateChanged((d) => (d.goals[0].buildsOn = ['animals', 'kind-partner', 'active'])).diagnostics).toEqual([]);
  });
});

describe('validateIep: each problem has a code, a path, a message and a hint', () => {
  it('without a source map, gives paths but no positions', () => {
    const [d] = validateChanged((d) => (d.student.firstName = 42)).diagnostics;
    expect(d).toEqual({
      code: 'wrong-type',
      severity: 'error',
      file: 'f.iep.yaml',
      path: 'student.firstName',
      message: 'student.firstName must be text, but it is number 42',
      hint: 'write "42" (in quotes): firstName: "42"; without quotes YAML reads 42 as a number. Legal first name.',
    });
  });

  it('with a source map, gives the line and column of the value', () => {
    const text = editMinimal(['  firstName: Ana', '  firstName: 42']);
    const { data, sourceMap } = parseSource(text, 'f');
    const [d] = validateIep(data, { file: 'f', sourceMap }).diagnostics;
    expect(d).toMatchObject({ code: 'wrong-type', path: 'student.firstName', ...positionOf(text, '  firstName: ', '42') });
  });

  it('missing-required-field says why the field exists and where to add it', () => {
    const [d, ...rest] = validateChanged((d) => delete d.goals[0].criteria).diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      code: 'missing-required-field',
      path: 'goals[0].criteria',
      message: 'goals[0].criteria is required: how mastery is judged, e.g. "4 of 5 trials over 3 consecutive weeks"',
      hint: 'add `criteria:` under goals[0]',
    });
  });

  it('unknown-field suggests the field meant (critera -> criteria), beside the missing one', () => {
    const result = validateChanged((d) => {
      d.goals[0].critera = d.goals[0].criteria;
      delete d.goals[0].criteria;
    });
    expect(result.diagnostics.map(brief)).toEqual([
      { code: 'missing-required-field', path: 'goals[0].criteria' },
      { code: 'unknown-field', path: 'goals[0].critera' },
    ]);
    expect(result.diagnostics[1]?.hint).toBe('did you mean `criteria`?');
  });

  it('unknown-field with nothing close lists the fields allowed there', () => {
    const [d] = validateChanged((d) => (d.parentConcerns = { en: 'x', zz: 'y' })).diagnostics;
    expect(brief(d!)).toEqual({ code: 'unknown-field', path: 'parentConcerns.zz' });
    expect(d?.hint).toBe('fields here: en, es, zh-Hans, zh-Hant, ar, bn, ru, ko, fr, ht, ur');
  });

  it('invalid-value lists the allowed values and suggests the nearest', () => {
    const [d, ...rest] = validateChanged((d) => (d.meeting.type = 'annual_review')).diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      code: 'invalid-value',
      path: 'meeting.type',
      message: 'meeting.type must be one of: initial, annual-review, reevaluation, amendment; found "annual_review"',
      hint: 'did you mean `annual-review`?',
    });
  });

  it('a value of the wrong type for a closed list is one wrong-type, not also an invalid-value', () => {
    expect(validateChanged((d) => (d.student.guardians[0].relationship = 5)).diagnostics.map(brief)).toEqual([
      { code: 'wrong-type', path: 'student.guardians[0].relationship' },
    ]);
  });

  it('wrong-type for a string where a list is expected', () => {
    const [d, ...rest] = validateChanged((d) => (d.presentLevels.academic.needs = 'decoding')).diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'wrong-type', path: 'presentLevels.academic.needs', message: 'presentLevels.academic.needs must be a list, but it is "decoding"' });
  });

  it('narrative text that is neither text nor translations is one wrong-type at the field', () => {
    for (const value of [5, ['a'], true]) {
      expect(validateChanged((d) => (d.parentConcerns = value)).diagnostics.map(brief)).toEqual([{ code: 'wrong-type', path: 'parentConcerns' }]);
    }
  });

  it('translations without English are reported at the missing en, not as two failed alternatives', () => {
    expect(validateChanged((d) => (d.parentConcerns = { es: 'Queremos que Ana lea.' })).diagnostics.map(brief)).toEqual([
      { code: 'missing-required-field', path: 'parentConcerns.en' },
    ]);
  });

  it('a frequency that is neither a count nor a known word is one diagnostic; a misspelled interval gets a suggestion', () => {
    expect(validateChanged((d) => (d.services.specialEducation[0].frequency = 'sometimes')).diagnostics.map(brief)).toEqual([
      { code: 'wrong-type', path: 'services.specialEducation[0].frequency' },
    ]);
    const [d] = validateChanged((d) => (d.services.specialEducation[0].frequency = { times: 2, per: 'weak' })).diagnostics;
    expect(d).toMatchObject({ code: 'invalid-value', path: 'services.specialEducation[0].frequency.per', hint: 'did you mean `week`?' });
  });

  it.each([
    ['empty-value', 'student.firstName', (d: any) => (d.student.firstName = '')],
    ['too-few-items', 'goals', (d: any) => (d.goals = [])],
    ['too-few-items', 'team', (d: any) => (d.team = [])],
    ['out-of-range', 'services.specialEducation[0].groupSize', (d: any) => (d.services.specialEducation[0].groupSize = 0)],
    ['wrong-type', 'services.specialEducation[0].groupSize', (d: any) => (d.services.specialEducation[0].groupSize = 2.5)],
    ['invalid-format', 'student.id', (d: any) => (d.student.id = 'T 1')],
    ['invalid-format', 'team[2].contact.email', (d: any) => (d.team[2].contact.email = 'not-an-email')],
    ['invalid-value', 'schemaVersion', (d: any) => (d.schemaVersion = 2)],
    ['invalid-date', 'meeting.date', (d: any) => (d.meeting.date = '2026-02-30')],
    ['wrong-type', 'team[0].attended', (d: any) => (d.team[0].attended = 'yes')],
  ])('%s at %s', (code, path, change) => {
    const result = validateChanged(change);
    expect(result.diagnostics.map(brief)).toEqual([{ code, path }]);
    expect(result.diagnostics[0]?.message).toMatch(new RegExp(`^${path.replace(/[.[\]]/g, '\\$&')} `));
    expect(result.iep).toBeUndefined();
  });
});

describe('validateIep: format hints', () => {
  it('an email that is not one says what to type, not the field description', () => {
    const [d] = validateChanged((d) => (d.team[2].contact.email = 'not-an-email')).diagnostics;
    expect(d?.hint).toBe('write one email address, like name@example.org (leave the field out when there is none)');
  });
});

describe('validateIep: references and ids', () => {
  it('unknown-strength-reference suggests the id meant', () => {
    const [d, ...rest] = validateChanged((d) => (d.goals[0].buildsOn = ['retells-story'])).diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'unknown-strength-reference', path: 'goals[0].buildsOn[0]', hint: 'did you mean `retells-stories`?' });
  });

  it('an id nothing resembles says where ids come from', () => {
    const [d] = validateChanged((d) => (d.goals[0].buildsOn = ['zzzzzz'])).diagnostics;
    expect(d).toMatchObject({ code: 'unknown-strength-reference', hint: 'use an id from presentLevels.*.strengths, interests or preferences' });
  });

  it('duplicate strength ids are reported at the second one, naming the first', () => {
    const [d, ...rest] = validateChanged((d) => (d.presentLevels.physical.strengths[0].id = 'kind-partner')).diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'duplicate-id', path: 'presentLevels.physical.strengths[0].id' });
    expect(d?.hint).toContain('presentLevels.social.strengths[0].id');
  });

  it('duplicate goal ids', () => {
    expect(validateChanged((d) => d.goals.push({ ...d.goals[0] })).diagnostics.map(brief)).toEqual([{ code: 'duplicate-id', path: 'goals[1].id' }]);
  });

  it('checks references even when the schema found other problems (they were skipped, hiding the typo until the next run)', () => {
    const result = validateChanged((d) => {
      d.student.firstName = 42;
      d.goals[0].buildsOn = ['retells-story'];
      d.presentLevels.social.strengths[0].id = 'animals';
    });
    expect(result.diagnostics.map(brief)).toEqual(
      expect.arrayContaining([
        { code: 'wrong-type', path: 'student.firstName' },
        { code: 'unknown-strength-reference', path: 'goals[0].buildsOn[0]' },
        { code: 'duplicate-id', path: 'presentLevels.social.strengths[0].id' },
      ]),
    );
    expect(result.diagnostics).toHaveLength(3);
  });

  it('does not judge references when present levels cannot be read', () => {
    expect(validateChanged((d) => delete d.presentLevels).diagnostics.map(brief)).toEqual([{ code: 'missing-required-field', path: 'presentLevels' }]);
    expect(validateChanged((d) => (d.presentLevels.academic = 'good')).diagnostics.map(brief)).toEqual([{ code: 'wrong-type', path: 'presentLevels.academic' }]);
  });
});

describe('validateIep never throws on data of the wrong shape', () => {
  it.each([
    ['null', null],
    ['a list', []],
    ['a string', 'x'],
    ['a number', 3],
    ['undefined', undefined],
  ])('%s is one wrong-type for the whole record', (_, data) => {
    const result = validateIep(data);
    expect(result.iep).toBeUndefined();
    expect(result.diagnostics.map(brief)).toEqual([{ code: 'wrong-type', path: '' }]);
    expect(result.diagnostics[0]?.message).toMatch(/^the record must be a mapping/);
  });

  it('an empty mapping lists every missing top-level field', () => {
    const codes = validateIep({}).diagnostics.map((d) => d.code);
    expect(new Set(codes)).toEqual(new Set(['missing-required-field']));
    expect(codes.length).toBeGreaterThanOrEqual(20);
  });

  it('garbage inside goals and present levels gives diagnostics, not exceptions', () => {
    const result = validateChanged((d) => {
      d.goals = [null, 'x', { buildsOn: 'animals' }, { buildsOn: [1, null] }];
      d.presentLevels.academic.strengths = [null, { id: 5 }, 'x'];
    });
    expect(result.iep).toBeUndefined();
    expect(result.diagnostics.length).toBeGreaterThan(4);
    expect(result.diagnostics.every((d) => d.path !== undefined && d.message)).toBe(true);
  });
});
