import { describe, it } from 'vitest';
import { fails, minimal, passes } from './helpers.js';

describe('implementation-date-invalid', () => {
  it('passes implementation after the meeting, and on the meeting day', () => {
    passes('implementation-date-invalid', minimal());
    const iep = minimal();
    iep.meeting.implementationDate = iep.meeting.date;
    passes('implementation-date-invalid', iep);
  });

  it('fails implementation before the meeting', () => {
    const iep = minimal();
    iep.meeting.implementationDate = '2026-05-13';
    fails('implementation-date-invalid', iep, { path: 'meeting.implementationDate', source: '34 CFR 300.323(c)(2)', profile: 'federal' });
  });

  it('fails implementation on or after the annual review', () => {
    const iep = minimal();
    iep.meeting.implementationDate = '2027-05-13';
    fails('implementation-date-invalid', iep, { path: 'meeting.implementationDate', source: '34 CFR 300.323(c)(2)' });
  });
});

describe('annual-review-late', () => {
  it('passes a review exactly 12 months after the meeting', () => {
    const iep = minimal();
    iep.meeting.annualReviewDate = '2027-05-14';
    passes('annual-review-late', iep);
  });

  it('fails a review 12 months and a day after the meeting', () => {
    const iep = minimal();
    iep.meeting.annualReviewDate = '2027-05-15';
    fails('annual-review-late', iep, { path: 'meeting.annualReviewDate', source: '34 CFR 300.324(b)(1)(i)', message: /latest is 2027-05-14/ });
  });

  it('counts 12 months from 29 February as 28 February', () => {
    const iep = minimal();
    iep.meeting = { ...iep.meeting, date: '2028-02-29', implementationDate: '2028-03-01', annualReviewDate: '2029-03-01' };
    fails('annual-review-late', iep, { path: 'meeting.annualReviewDate', source: '34 CFR 300.324(b)(1)(i)', message: /latest is 2029-02-28/ });
    iep.meeting.annualReviewDate = '2029-02-28';
    passes('annual-review-late', iep);
  });

  it('fails a review before the meeting', () => {
    const iep = minimal();
    iep.meeting.annualReviewDate = '2026-01-01';
    fails('annual-review-late', iep, { path: 'meeting.annualReviewDate', source: '34 CFR 300.324(b)(1)(i)' });
  });
});

describe('service-dates-reversed', () => {
  it('passes a service that ends after it begins', () => passes('service-dates-reversed', minimal()));

  it('fails a service that ends before it begins', () => {
    const iep = minimal();
    iep.services.specialEducation[0]!.endDate = '2026-09-01';
    fails('service-dates-reversed', iep, { path: 'services.specialEducation[0].endDate', source: '34 CFR 300.320(a)(7)', profile: 'federal' });
  });
});

describe('service-outside-iep-period', () => {
  it('passes services from implementation to annual review', () => passes('service-outside-iep-period', minimal()));

  it('fails a service that begins before implementation or ends after the annual review', () => {
    const iep = minimal();
    iep.services.specialEducation[0]!.beginDate = '2026-09-08';
    iep.services.specialEducation[0]!.endDate = '2027-06-30';
    fails('service-outside-iep-period', iep, { path: 'services.specialEducation[0].beginDate', source: '34 CFR 300.320(a)(7)' });
    fails('service-outside-iep-period', iep, { path: 'services.specialEducation[0].endDate', source: '34 CFR 300.320(a)(7)' });
  });
});

describe('evaluation-after-meeting', () => {
  it('passes evaluations before the meeting, and on its day', () => {
    passes('evaluation-after-meeting', minimal());
    const iep = minimal();
    iep.evaluations[0]!.date = iep.meeting.date;
    passes('evaluation-after-meeting', iep);
  });

  it('fails an evaluation dated after the meeting', () => {
    const iep = minimal();
    iep.evaluations[0]!.date = '2026-06-01';
    fails('evaluation-after-meeting', iep, { path: 'evaluations[0].date', source: '34 CFR 300.324(a)(1)(iii)' });
  });
});

describe('reevaluation-late', () => {
  it('passes no reevaluation date, and one within 3 years', () => {
    passes('reevaluation-late', minimal());
    const iep = minimal();
    iep.meeting.reevaluationDate = '2029-05-14';
    passes('reevaluation-late', iep);
  });

  it('fails a reevaluation more than 3 years away', () => {
    const iep = minimal();
    iep.meeting.reevaluationDate = '2029-05-15';
    fails('reevaluation-late', iep, { path: 'meeting.reevaluationDate', source: '34 CFR 300.303(b)(2)', profile: 'federal' });
  });

  it('fails a reevaluation date before the meeting', () => {
    const iep = minimal();
    iep.meeting.reevaluationDate = '2025-01-01';
    fails('reevaluation-late', iep, { path: 'meeting.reevaluationDate', source: '34 CFR 300.303(b)(2)' });
  });
});
