import { describe, expect, it } from 'vitest';
import { fails, findingsOf, minimal, passes } from './helpers.js';

describe('goal-not-measurable', () => {
  it('passes when goal and criteria are stated', () => {
    passes('goal-not-measurable', minimal());
  });

  it('fails when the criteria are a placeholder', () => {
    const iep = minimal();
    iep.goals[0]!.criteria = 'TBD';
    fails('goal-not-measurable', iep, { path: 'goals[0].criteria', source: '34 CFR 300.320(a)(2)(i)' });
  });

  it('fails when the goal itself is a placeholder', () => {
    const iep = minimal();
    iep.goals.push({ ...iep.goals[0]!, id: 'second', goal: 'xxx' });
    fails('goal-not-measurable', iep, { path: 'goals[1].goal', source: '34 CFR 300.320(a)(2)(i)', profile: 'federal' });
  });
});

describe('goal-criteria-vague', () => {
  it('passes criteria that state an amount', () => {
    passes('goal-criteria-vague', minimal());
    const iep = minimal();
    iep.goals[0]!.criteria = 'four of five trials';
    passes('goal-criteria-vague', iep);
  });

  it('warns on criteria without any amount', () => {
    const iep = minimal();
    iep.goals[0]!.criteria = 'Ana will show improvement';
    fails('goal-criteria-vague', iep, { path: 'goals[0].criteria', source: '34 CFR 300.320(a)(2)(i)', severity: 'warning' });
  });
});

describe('goal-progress-measure-missing', () => {
  it('passes when method and schedule are stated', () => {
    passes('goal-progress-measure-missing', minimal());
  });

  it('fails on a placeholder method and schedule', () => {
    const iep = minimal();
    iep.goals[0]!.method = 'n/a';
    iep.goals[0]!.schedule = '-';
    fails('goal-progress-measure-missing', iep, { path: 'goals[0].method', source: '34 CFR 300.320(a)(3)(i)' });
    fails('goal-progress-measure-missing', iep, { path: 'goals[0].schedule', source: '34 CFR 300.320(a)(3)(i)' });
  });
});

function alternate() {
  const iep = minimal();
  iep.assessments = { participation: 'alternate', alternateReason: 'Ana learns through a highly individualized program measured by the NYSAA.' };
  return iep;
}

describe('goal-objectives-required (federal)', () => {
  it('passes for a student on the regular assessment without objectives', () => {
    passes('goal-objectives-required', minimal(), 'federal');
  });

  it('passes with objectives on every goal', () => {
    const iep = alternate();
    iep.goals[0]!.objectives = [{ text: 'Ana will read 70 words correct per minute by January.' }];
    passes('goal-objectives-required', iep, 'federal');
  });

  it('fails for a student taking the alternate assessment without objectives', () => {
    fails('goal-objectives-required', alternate(), { path: 'goals[0].objectives', source: '34 CFR 300.320(a)(2)(ii)', profile: 'federal' });
  });

  it('is replaced by the New York rule in the ny profile', () => {
    expect(findingsOf('goal-objectives-required', alternate(), 'ny')).toEqual([]);
    expect(findingsOf('ny-goal-objectives-required', alternate(), 'ny')).toHaveLength(1);
  });
});

describe('ny-goal-objectives-required', () => {
  it('passes for a school-age student on the regular assessment', () => {
    passes('ny-goal-objectives-required', minimal());
  });

  it('fails for a preschool student without objectives, which IDEA alone does not require', () => {
    const iep = minimal();
    iep.student.grade = 'PK';
    fails('ny-goal-objectives-required', iep, { path: 'goals[0].objectives', source: '8 NYCRR 200.4(d)(2)(iv)', message: /preschool/ });
    passes('goal-objectives-required', iep, 'federal');
  });

  it('fails for the alternate assessment and on a placeholder objective', () => {
    fails('ny-goal-objectives-required', alternate(), { path: 'goals[0].objectives', source: '8 NYCRR 200.4(d)(2)(iv)' });
    const iep = alternate();
    iep.goals[0]!.objectives = [{ text: 'TBD' }];
    fails('ny-goal-objectives-required', iep, { path: 'goals[0].objectives[0].text', source: '8 NYCRR 200.4(d)(2)(iv)' });
  });
});

describe('progress-reporting-missing', () => {
  it('passes when reporting is described', () => {
    passes('progress-reporting-missing', minimal());
  });

  it('fails when the schedule is a placeholder', () => {
    const iep = minimal();
    iep.progressReporting.schedule = 'TBD';
    fails('progress-reporting-missing', iep, { path: 'progressReporting.schedule', source: '34 CFR 300.320(a)(3)(ii)', profile: 'federal' });
  });
});
