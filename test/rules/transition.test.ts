import { describe, expect, it } from 'vitest';
import { checkCompliance } from '../../src/rules/check-compliance.js';
import type { Iep } from '../../src/model/iep.js';
import { fails, findingsOf, loadFixture, minimal, passes } from './helpers.js';

/** The complete transition section of test/fixtures/compliance/ny-transition-complete.iep.yaml. */
function withTransition(): Iep {
  return structuredClone(loadFixture('compliance/ny-transition-complete.iep.yaml').iep);
}

/** The minimal IEP (annual review 2027-05-13) for a student born on `dateOfBirth`. */
function bornOn(dateOfBirth: string): Iep {
  const iep = minimal();
  iep.student.dateOfBirth = dateOfBirth;
  return iep;
}

describe('a 15-year-old in New York without transition planning', () => {
  const { iep } = loadFixture('compliance/ny-age-15-no-transition.iep.yaml');

  it('fails the New York profile, citing 8 NYCRR', () => {
    fails('ny-transition-required', iep, { path: 'transition', source: '8 NYCRR 200.4(d)(2)(ix)', message: /turns 15 on 2026-09-01/ });
  });

  it("passes the federal profile's transition rule (16)", () => {
    passes('transition-required', iep, 'federal');
    expect(checkCompliance(iep, { profile: 'federal' })).toEqual([]);
  });
});

describe('transition-required (federal, 16)', () => {
  it('passes a student who turns 16 the day after the annual review', () => {
    passes('transition-required', bornOn('2011-05-14'), 'federal');
  });

  it('fails a student who turns 16 on the annual review date', () => {
    fails('transition-required', bornOn('2011-05-13'), { path: 'transition', source: '34 CFR 300.320(b)', profile: 'federal', message: /turns 16 on 2027-05-13/ });
  });

  it('passes with a transition section', () => {
    passes('transition-required', withTransition(), 'federal');
  });

  it('does not run in New York, where the rule from 15 replaces it', () => {
    expect(findingsOf('transition-required', bornOn('2010-01-01'), 'ny')).toEqual([]);
    expect(findingsOf('ny-transition-required', bornOn('2010-01-01'), 'ny')).toHaveLength(1);
  });
});

describe('ny-transition-required (15)', () => {
  it('passes a student who turns 15 the day after the annual review', () => {
    passes('ny-transition-required', bornOn('2012-05-14'));
  });

  it('fails a student who turns 15 on the annual review date', () => {
    fails('ny-transition-required', bornOn('2012-05-13'), { path: 'transition', source: '8 NYCRR 200.4(d)(2)(ix)' });
  });

  it('counts a 29 February birthday as 1 March in a common year', () => {
    const before = bornOn('2012-02-29');
    before.meeting.annualReviewDate = '2027-02-28';
    passes('ny-transition-required', before);
    const on = bornOn('2012-02-29');
    on.meeting.annualReviewDate = '2027-03-01';
    fails('ny-transition-required', on, { path: 'transition', source: '8 NYCRR 200.4(d)(2)(ix)', message: /turns 15 on 2027-03-01/ });
  });

  it('passes with a transition section', () => {
    passes('ny-transition-required', withTransition());
  });
});

describe('transition-postsecondary-goals-missing', () => {
  it('passes complete postsecondary goals, and an IEP without transition', () => {
    passes('transition-postsecondary-goals-missing', withTransition());
    passes('transition-postsecondary-goals-missing', minimal());
  });

  it('fails a placeholder employment goal and assessments', () => {
    const iep = withTransition();
    iep.transition!.postsecondaryGoals.employment = 'TBD';
    iep.transition!.assessments = 'N/A';
    fails('transition-postsecondary-goals-missing', iep, { path: 'transition.postsecondaryGoals.employment', source: '34 CFR 300.320(b)(1)', profile: 'federal' });
    fails('transition-postsecondary-goals-missing', iep, { path: 'transition.assessments', source: '34 CFR 300.320(b)(1)' });
  });
});

describe('transition-courses-of-study-missing', () => {
  it('passes stated courses of study', () => {
    passes('transition-courses-of-study-missing', withTransition());
  });

  it('fails placeholder courses of study', () => {
    const iep = withTransition();
    iep.transition!.coursesOfStudy = 'to be determined';
    fails('transition-courses-of-study-missing', iep, { path: 'transition.coursesOfStudy', source: '34 CFR 300.320(b)(2)' });
  });
});

describe('transition-activities-missing', () => {
  it('passes at least one activity', () => {
    passes('transition-activities-missing', withTransition());
  });

  it('fails an empty list and a placeholder activity', () => {
    const empty = withTransition();
    empty.transition!.activities = [];
    fails('transition-activities-missing', empty, { path: 'transition.activities', source: '34 CFR 300.320(b)(2)' });
    const placeholder = withTransition();
    placeholder.transition!.activities[1]!.activity = '...';
    fails('transition-activities-missing', placeholder, { path: 'transition.activities[1].activity', source: '34 CFR 300.320(b)(2)' });
  });
});

describe('transfer-of-rights-missing', () => {
  /** Turns 17 on 2027-05-13, the annual review date: a year before the age of majority (18). */
  const seventeen = () => {
    const iep = withTransition();
    iep.student.dateOfBirth = '2010-05-13';
    return iep;
  };

  it('passes a student who turns 17 after the annual review', () => {
    passes('transfer-of-rights-missing', withTransition(), 'federal');
    const iep = withTransition();
    iep.student.dateOfBirth = '2010-05-14';
    passes('transfer-of-rights-missing', iep, 'federal');
  });

  it('passes when the student has been informed', () => {
    const iep = seventeen();
    iep.transferOfRights = { ageOfMajority: 18, studentInformed: true, informedDate: '2026-05-14' };
    passes('transfer-of-rights-missing', iep, 'federal');
  });

  it('fails without a statement one year before 18', () => {
    fails('transfer-of-rights-missing', seventeen(), { path: 'transferOfRights', source: '34 CFR 300.320(c)', profile: 'federal', message: /2028-05-13/ });
  });

  it('fails when the student has not been informed', () => {
    const iep = seventeen();
    iep.transferOfRights = { ageOfMajority: 18, studentInformed: false };
    fails('transfer-of-rights-missing', iep, { path: 'transferOfRights.studentInformed', source: '34 CFR 300.320(c)', profile: 'federal' });
  });

  it('uses the stated age of majority', () => {
    const iep = seventeen();
    iep.transferOfRights = { ageOfMajority: 21, studentInformed: false };
    passes('transfer-of-rights-missing', iep, 'federal');
  });

  it('is not checked in New York, where the transfer of rights at 18 is unconfirmed (issue 12)', () => {
    const iep = seventeen();
    fails('transfer-of-rights-missing', iep, { path: 'transferOfRights', source: '34 CFR 300.320(c)', profile: 'federal' });
    passes('transfer-of-rights-missing', iep, 'ny');
    iep.transferOfRights = { ageOfMajority: 18, studentInformed: false };
    passes('transfer-of-rights-missing', iep, 'ny');
  });
});
