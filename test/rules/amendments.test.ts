import { describe, it } from 'vitest';
import { fails, minimal, passes } from './helpers.js';

const amended = () => {
  const iep = minimal();
  iep.document.version = 2;
  iep.document.amendment = { date: '2026-11-16', amends: 1, withoutMeeting: true, summary: 'Speech-language therapy moves to twice a week.' };
  return iep;
};

describe('amendment-missing', () => {
  it('passes version 1 without an amendment, and version 2 with one', () => {
    passes('amendment-missing', minimal());
    passes('amendment-missing', amended());
  });

  it('fails version 2 without an amendment record, at document.version', () => {
    const iep = amended();
    delete iep.document.amendment;
    fails('amendment-missing', iep, { path: 'document.version', source: '34 CFR 300.324(a)(4)', message: /version is 2/, profile: 'federal' });
  });

  it('fails an amendment record on version 1', () => {
    const iep = amended();
    iep.document.version = 1;
    fails('amendment-missing', iep, { path: 'document.amendment', source: '34 CFR 300.324(a)(4)', message: /version 1/ });
  });
});

describe('amendment-date-invalid', () => {
  it('passes an amendment between the meeting and the annual review that amends the version before', () => {
    passes('amendment-date-invalid', amended());
  });

  it('fails an amendment dated on the meeting day or before it', () => {
    const iep = amended();
    iep.document.amendment!.date = iep.meeting.date;
    fails('amendment-date-invalid', iep, { path: 'document.amendment.date', source: '34 CFR 300.324(a)(4)', message: /not after the meeting/ });
  });

  it('fails an amendment on or after the annual review date', () => {
    const iep = amended();
    iep.document.amendment!.date = iep.meeting.annualReviewDate;
    fails('amendment-date-invalid', iep, { path: 'document.amendment.date', source: '34 CFR 300.324(a)(4)', message: /annual review date/ });
  });

  it('fails an amendment that names its own version or a later one', () => {
    const iep = amended();
    iep.document.amendment!.amends = 2;
    fails('amendment-date-invalid', iep, { path: 'document.amendment.amends', source: '34 CFR 300.324(a)(4)', message: /not below this record's version \(2\)/ });
  });
});
