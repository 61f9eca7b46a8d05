/**
 * The cross-field checks of goals' measures and progress reports (src/validate/check-goal-measures.ts,
 * check-progress-reports.ts), through validateIep with a source map: each problem is reported once, by its code, at
 * the JSON path and the line and column of the value (or key) to fix.
 */
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/load/parse-source.js';
import { validateIep } from '../../src/validate/validate-iep.js';
import { editMinimal, positionOf } from '../load/minimal-text.js';

/** minimal.iep.yaml (IEP in effect 2026-09-09 .. 2027-05-13) with measures on two goals and two progress reports. */
const PROGRESS = editMinimal(
  [
    '    buildsOn: [retells-stories, animals]\nprogressReporting:',
    `    measure:
      scale: per-minute
      what: words read correctly in a minute
      baseline: 62
      target: 90
    buildsOn: [retells-stories, animals]
    objectives:
      - text: Ana will read grade 3 passages at 75 words correct per minute.
      - text: Ana will read grade 3 passages at 85 words correct per minute.
  - id: math-facts
    area: math
    baseline: Ana answers 4 of 10 addition facts to 20 in a minute.
    goal: Ana will answer addition facts to 20 quickly and correctly.
    criteria: 9 of 10 facts, on 3 probes in a row
    method: One-minute fact probes
    schedule: Every week
    measure:
      scale: out-of
      outOf: 10
      what: facts answered correctly
      baseline: 4
      target: 9
    buildsOn: [animals]
progressReporting:`,
  ],
  [
    '\nservices:\n',
    `
progressReports:
  - period: 1
    from: "2026-09-09"
    to: "2026-11-20"
    reportDate: "2026-11-25"
    goals:
      - goal: decoding
        measurements:
          - { date: "2026-09-23", value: 64 }
          - { date: "2026-10-21", value: 70.5 }
        rating: progressing
        objectives:
          - { objective: 1, status: in-progress }
      - goal: math-facts
        measurements:
          - { date: "2026-10-07", value: 5 }
        rating: emerging
  - period: 2
    from: "2026-11-23"
    to: "2027-02-05"
    reportDate: "2027-02-12"
    goals:
      - goal: decoding
        measurements:
          - { date: "2026-12-09", value: 75 }
        rating: progressing
        objectives:
          - { objective: 1, status: met }
          - { objective: 2, status: in-progress }
services:
`,
  ],
);

/** PROGRESS with each `from` replaced by `to` (each must occur exactly once). */
function edit(...edits: [from: string, to: string][]): string {
  let text = PROGRESS;
  for (const [from, to] of edits) {
    if (text.split(from).length !== 2) throw new Error(`test setup: ${JSON.stringify(from)} must occur exactly once`);
    text = text.replace(from, to);
  }
  return text;
}

function diagnose(text: string) {
  const { data, sourceMap } = parseSource(text, 'f.iep.yaml');
  return validateIep(data, { file: 'f.iep.yaml', sourceMap }).diagnostics;
}

/** The one diagnostic `text` gives, as code, path, line and column, with its message and hint. */
function only(text: string) {
  const diagnostics = diagnose(text);
  expect(diagnostics.map((d) => `${d.code} ${d.path}`)).toHaveLength(1);
  const [d] = diagnostics;
  return d!;
}

describe('progress reports that agree with their IEP', () => {
  it('validate with no diagnostic (a fractional per-minute rate is a possible value)', () => {
    const { data, sourceMap } = parseSource(PROGRESS, 'f.iep.yaml');
    const result = validateIep(data, { sourceMap });
    expect(result.diagnostics).toEqual([]);
    expect(result.iep?.progressReports).toHaveLength(2);
  });
});

describe('measurement dates', () => {
  it('after the annual review date: outside the IEP period, reported once (not also outside its report)', () => {
    const text = edit(['{ date: "2026-12-09", value: 75 }', '{ date: "2027-06-01", value: 75 }']);
    expect(only(text)).toMatchObject({
      code: 'measurement-outside-iep-period',
      path: 'progressReports[1].goals[0].measurements[0].date',
      ...positionOf(text, '{ date: ', '"2027-06-01"'),
      message: 'progressReports[1].goals[0].measurements[0].date (2027-06-01) is outside the IEP\'s dates (2026-09-09 to 2027-05-13)',
    });
  });

  it('before the implementation date, even inside its report\'s period', () => {
    const text = edit(['from: "2026-09-09"', 'from: "2026-09-01"'], ['{ date: "2026-09-23", value: 64 }', '{ date: "2026-09-02", value: 64 }']);
    expect(only(text)).toMatchObject({
      code: 'measurement-outside-iep-period',
      path: 'progressReports[0].goals[0].measurements[0].date',
      ...positionOf(text, '{ date: ', '"2026-09-02"'),
    });
  });

  it('inside the IEP period but outside its report\'s from .. to', () => {
    const text = edit(['{ date: "2026-10-07", value: 5 }', '{ date: "2026-12-01", value: 5 }']);
    expect(only(text)).toMatchObject({
      code: 'measurement-outside-report-period',
      path: 'progressReports[0].goals[1].measurements[0].date',
      ...positionOf(text, '{ date: ', '"2026-12-01"'),
      message: 'progressReports[0].goals[1].measurements[0].date (2026-12-01) is outside the period of progressReports[0] (2026-09-09 to 2026-11-20)',
    });
  });

  it('listed before an earlier one: out of order', () => {
    const text = edit(['{ date: "2026-09-23", value: 64 }', '{ date: "2026-10-30", value: 64 }']);
    expect(only(text)).toMatchObject({
      code: 'progress-out-of-order',
      path: 'progressReports[0].goals[0].measurements[1].date',
      ...positionOf(text, '{ date: ', '"2026-10-21"'),
    });
  });
});

describe('goal references', () => {
  it('an unknown goal id, with the nearest id as a suggestion', () => {
    const text = edit(['      - goal: math-facts\n', '      - goal: math-fact\n']);
    expect(only(text)).toMatchObject({
      code: 'unknown-goal-reference',
      path: 'progressReports[0].goals[1].goal',
      ...positionOf(text, '      - goal: ', 'math-fact\n'),
      message: 'progressReports[0].goals[1].goal names "math-fact", which is not the id of any goal',
      hint: 'did you mean `math-facts`?',
    });
  });

  it('an id nothing resembles lists the goals\' ids', () => {
    const text = edit(['      - goal: math-facts\n', '      - goal: zzzzzzzz\n']);
    expect(only(text)).toMatchObject({ code: 'unknown-goal-reference', hint: "use a goal's id: decoding, math-facts" });
  });

  it('the same goal twice in one report, at the second, naming the first', () => {
    const text = edit(['      - goal: math-facts\n', '      - goal: decoding\n']);
    expect(only(text)).toMatchObject({
      code: 'duplicate-progress-entry',
      path: 'progressReports[0].goals[1].goal',
      ...positionOf(text, '      - goal: ', 'decoding\n        measurements:\n          - { date: "2026-10-07"'),
      message: 'progressReports[0] reports on goal "decoding" twice',
    });
    expect(diagnose(text)[0]?.hint).toContain('progressReports[0].goals[0]');
  });

  it('measurements for a goal without a measure, at the measurements key of each report that has them', () => {
    const text = edit(['    measure:\n      scale: per-minute\n      what: words read correctly in a minute\n      baseline: 62\n      target: 90\n', '']);
    const diagnostics = diagnose(text);
    expect(diagnostics.map((d) => ({ code: d.code, path: d.path, line: d.line, column: d.column }))).toEqual([
      { code: 'progress-without-measure', path: 'progressReports[0].goals[0].measurements', ...positionOf(text, '        ', 'measurements:\n          - { date: "2026-09-23"') },
      { code: 'progress-without-measure', path: 'progressReports[1].goals[0].measurements', ...positionOf(text, '        ', 'measurements:\n          - { date: "2026-12-09"') },
    ]);
    expect(diagnostics[0]?.message).toBe('progressReports[0].goals[0] has measurements, but goal "decoding" (goals[0]) has no measure to read them on');
  });
});

describe('values impossible on the goal\'s scale', () => {
  const MATH_FACT = '{ date: "2026-10-07", value: 5 }';
  const measured = (scale: string, value: string) =>
    edit(['      scale: out-of\n      outOf: 10\n', `      scale: ${scale}\n      outOf: ${scale === 'level' ? 4 : 10}\n`], [MATH_FACT, `{ date: "2026-10-07", value: ${value} }`], ['      baseline: 4\n      target: 9\n', '      baseline: 1\n      target: 3\n']);

  it.each([
    ['out-of', '11', 'the scale is out of 10'],
    ['out-of', '5.5', 'the scale is out-of, which counts whole trials or items'],
    ['percent', '120', 'a percent is at most 100'],
    ['level', '5', "the rubric's highest level is 4"],
    ['level', '0', 'rubric levels start at 1'],
    ['level', '2.5', 'the scale is a rubric level, a whole number'],
    ['count', '2.5', 'the scale is a count, a whole number'],
  ])('%s: %s', (scale, value, reason) => {
    const text = measured(scale, value);
    expect(only(text)).toMatchObject({
      code: 'impossible-measure-value',
      path: 'progressReports[0].goals[1].measurements[0].value',
      ...positionOf(text, '{ date: "2026-10-07", value: ', value),
      message: `progressReports[0].goals[1].measurements[0].value is ${value}, but ${reason} (goal "math-facts")`,
    });
  });

  it.each([
    ['percent', '100'],
    ['level', '4'],
    ['count', '12'],
    ['minutes', '7.5'],
  ])('%s: %s is possible', (scale, value) => {
    expect(diagnose(measured(scale, value))).toEqual([]);
  });

  it('a measure on out-of without outOf, at its scale', () => {
    const text = edit(['      scale: out-of\n      outOf: 10\n', '      scale: out-of\n']);
    expect(only(text)).toMatchObject({
      code: 'impossible-measure-value',
      path: 'goals[1].measure.scale',
      ...positionOf(text, '      scale: ', 'out-of\n      what: facts'),
    });
  });

  it("the measure's own baseline and target are checked too", () => {
    const text = edit(['      baseline: 4\n      target: 9\n', '      baseline: 4\n      target: 12\n']);
    expect(only(text)).toMatchObject({
      code: 'impossible-measure-value',
      path: 'goals[1].measure.target',
      ...positionOf(text, '      target: ', '12'),
      message: 'goals[1].measure.target is 12, but the scale is out of 10',
    });
  });
});

describe("objectives' statuses", () => {
  it('an objective number the goal lacks', () => {
    const text = edit(['{ objective: 2, status: in-progress }', '{ objective: 3, status: in-progress }']);
    expect(only(text)).toMatchObject({
      code: 'unknown-objective-reference',
      path: 'progressReports[1].goals[0].objectives[1].objective',
      ...positionOf(text, '{ objective: ', '3'),
      message: 'progressReports[1].goals[0].objectives[1].objective is 3, but goal "decoding" has 2 objectives',
    });
  });

  it('statuses for a goal without objectives, at the objectives key', () => {
    const text = edit(['        rating: emerging\n', '        rating: emerging\n        objectives:\n          - { objective: 1, status: not-yet-started }\n']);
    expect(only(text)).toMatchObject({
      code: 'objective-status-without-objectives',
      path: 'progressReports[0].goals[1].objectives',
      ...positionOf(text, '        rating: emerging\n        ', 'objectives'),
    });
  });

  it('the same objective twice under one goal', () => {
    const text = edit(['{ objective: 2, status: in-progress }', '{ objective: 1, status: in-progress }']);
    expect(only(text)).toMatchObject({
      code: 'duplicate-progress-entry',
      path: 'progressReports[1].goals[0].objectives[1].objective',
      ...positionOf(text, '          - { objective: 1, status: met }\n          - { objective: ', '1'),
    });
  });
});

describe("reports' dates and order", () => {
  it('from after to, at to', () => {
    const text = edit(['    to: "2026-11-20"', '    to: "2026-09-01"']);
    expect(only(text)).toMatchObject({
      code: 'report-dates-reversed',
      path: 'progressReports[0].to',
      ...positionOf(text, '    to: ', '"2026-09-01"'),
      message: 'progressReports[0] ends (2026-09-01) before it begins (2026-09-09)',
    });
  });

  it('reportDate before from, at reportDate', () => {
    const text = edit(['reportDate: "2027-02-12"', 'reportDate: "2026-11-01"']);
    expect(only(text)).toMatchObject({
      code: 'report-dates-reversed',
      path: 'progressReports[1].reportDate',
      ...positionOf(text, 'reportDate: ', '"2026-11-01"'),
    });
  });

  it('a period that begins on the last day of the one before: overlap, at from', () => {
    const text = edit(['from: "2026-11-23"', 'from: "2026-11-20"']);
    expect(only(text)).toMatchObject({
      code: 'report-periods-overlap',
      path: 'progressReports[1].from',
      ...positionOf(text, 'from: ', '"2026-11-20"'),
      message: 'progressReports[1] begins (2026-11-20) before progressReports[0] ends (2026-11-20)',
    });
  });

  it('a report that begins before the one listed above it: out of order', () => {
    const text = edit(['from: "2026-11-23"', 'from: "2026-09-01"']);
    expect(only(text)).toMatchObject({ code: 'progress-out-of-order', path: 'progressReports[1].from', ...positionOf(text, 'from: ', '"2026-09-01"') });
  });

  it('a lower period number after a higher one: out of order, at period', () => {
    const text = edit(['  - period: 1\n', '  - period: 3\n']);
    expect(only(text)).toMatchObject({ code: 'progress-out-of-order', path: 'progressReports[1].period', ...positionOf(text, '  - period: ', '2') });
  });

  it('two reports with the same period number', () => {
    const text = edit(['  - period: 2\n', '  - period: 1\n']);
    expect(only(text)).toMatchObject({
      code: 'duplicate-progress-entry',
      path: 'progressReports[1].period',
      ...positionOf(text, '  - period: ', '1\n    from: "2026-11-23"'),
      message: 'progressReports[1] and progressReports[0] are both period 1',
    });
  });
});

describe('data of the wrong shape', () => {
  const data = () => parseSource(PROGRESS, 'f.iep.yaml').data as any;
  it.each([
    ['progressReports is text', (d: any) => (d.progressReports = 'soon')],
    ['a report is a list', (d: any) => (d.progressReports[0] = [1, 2])],
    ['goals of a report is a mapping', (d: any) => (d.progressReports[0].goals = { goal: 'decoding' })],
    ['a measurement is a number', (d: any) => (d.progressReports[0].goals[1].measurements[0] = 5)],
    ['measurements is a number', (d: any) => (d.progressReports[0].goals[1].measurements = 5)],
    ['a goal id is a number', (d: any) => (d.progressReports[0].goals[1].goal = 7)],
    ['a value is text', (d: any) => (d.progressReports[0].goals[1].measurements[0].value = 'five')],
    ['an objective number is text', (d: any) => (d.progressReports[1].goals[0].objectives[0].objective = 'one')],
    ['the goals are not a list', (d: any) => (d.goals = 'reading')],
    ['a measure is a list', (d: any) => (d.goals[1].measure = [])],
  ] as [string, (d: any) => void][])('%s: only the schema reports it, nothing throws', (_, change) => {
    const d = data();
    change(d);
    const diagnostics = validateIep(d).diagnostics;
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.map((x) => x.code).filter((c) => !['wrong-type', 'too-few-items', 'unknown-strength-reference'].includes(c))).toEqual([]);
  });

  it('a goal id "__proto__" is an unknown goal, not a property of an object', () => {
    const d = data();
    d.progressReports[0].goals[1].goal = '__proto__';
    expect(validateIep(d).diagnostics.map((x) => `${x.code} ${x.path}`)).toEqual(['unknown-goal-reference progressReports[0].goals[1].goal']);
  });

  it('still checks progress when the schema found other problems', () => {
    const text = edit(['      - goal: math-facts\n', '      - goal: math-fact\n'], ['  firstName: Ana', '  firstName: 42']);
    expect(diagnose(text).map((d) => d.code)).toEqual(['wrong-type', 'unknown-goal-reference']);
  });

  it('does not judge dates against an IEP period it cannot read', () => {
    const text = edit(['{ date: "2026-12-09", value: 75 }', '{ date: "2027-06-01", value: 75 }']).replace('  annualReviewDate: "2027-05-13"', '  annualReviewDate: soon');
    expect(diagnose(text).map((d) => `${d.code} ${d.path}`)).toEqual(['invalid-date meeting.annualReviewDate', 'measurement-outside-report-period progressReports[1].goals[0].measurements[0].date']);
  });
});
