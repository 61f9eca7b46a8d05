import { describe, it } from 'vitest';
import { fails, minimal, passes, SERVICE_DATES } from './helpers.js';

describe('nondisabled-participation-unexplained', () => {
  it('passes a real explanation, and full participation', () => {
    passes('nondisabled-participation-unexplained', minimal());
    const iep = minimal();
    iep.nondisabledParticipation = { fullParticipation: true, explanation: 'N/A' };
    iep.services.specialEducation = [];
    passes('nondisabled-participation-unexplained', iep);
  });

  it.each(['N/A', 'None', 'Resource room.'])('fails the explanation %j when the student is removed', (explanation) => {
    const iep = minimal();
    iep.nondisabledParticipation.explanation = explanation;
    fails('nondisabled-participation-unexplained', iep, { path: 'nondisabledParticipation.explanation', source: '34 CFR 300.320(a)(5)', profile: 'federal' });
  });
});

describe('nondisabled-participation-inconsistent', () => {
  it('passes full participation with services in the general education classroom', () => {
    const iep = minimal();
    iep.nondisabledParticipation.fullParticipation = true;
    iep.services.specialEducation = [
      { program: 'integrated-co-teaching', studentsWithDisabilities: 10, frequency: { times: 5, per: 'week' }, duration: { minutes: 45 }, location: 'general-education-classroom', ...SERVICE_DATES },
    ];
    passes('nondisabled-participation-inconsistent', iep);
  });

  it('warns on full participation with a resource room', () => {
    const iep = minimal();
    iep.nondisabledParticipation.fullParticipation = true;
    fails('nondisabled-participation-inconsistent', iep, {
      path: 'nondisabledParticipation.fullParticipation',
      source: '34 CFR 300.320(a)(5)',
      severity: 'warning',
      message: /services\.specialEducation\[0\]/,
    });
  });
});

describe('alternate-assessment-unexplained', () => {
  it('passes the regular assessment and an explained alternate one', () => {
    passes('alternate-assessment-unexplained', minimal());
    const iep = minimal();
    iep.assessments = { participation: 'alternate', alternateReason: 'Ana has a severe cognitive disability; the NYSAA measures what she is taught.' };
    passes('alternate-assessment-unexplained', iep);
  });

  it('fails an alternate assessment without a reason', () => {
    const iep = minimal();
    iep.assessments = { participation: 'alternate' };
    fails('alternate-assessment-unexplained', iep, { path: 'assessments.alternateReason', source: '34 CFR 300.320(a)(6)(ii)', profile: 'federal' });
  });
});

const extendedTime = { accommodation: 'Extended time (1.5x)', conditions: 'On tests longer than 20 minutes', implementation: 'In a separate room with up to 5 students' };

describe('testing-accommodations-missing', () => {
  it('passes accommodations that are listed', () => {
    const iep = minimal();
    iep.assessments = { participation: 'regular-with-accommodations' };
    iep.testingAccommodations = [extendedTime];
    passes('testing-accommodations-missing', iep);
  });

  it('fails "with accommodations" and none listed', () => {
    const iep = minimal();
    iep.assessments = { participation: 'regular-with-accommodations' };
    fails('testing-accommodations-missing', iep, { path: 'testingAccommodations', source: '34 CFR 300.320(a)(6)(i)' });
  });
});

describe('ny-testing-accommodation-incomplete', () => {
  it('passes an accommodation with conditions and implementation', () => {
    const iep = minimal();
    iep.testingAccommodations = [extendedTime];
    passes('ny-testing-accommodation-incomplete', iep);
  });

  it('fails placeholder conditions and implementation in New York only', () => {
    const iep = minimal();
    iep.testingAccommodations = [extendedTime, { ...extendedTime, conditions: 'TBD', implementation: 'n/a' }];
    fails('ny-testing-accommodation-incomplete', iep, { path: 'testingAccommodations[1].conditions', source: '8 NYCRR 200.4(d)(2)(vi)' });
    fails('ny-testing-accommodation-incomplete', iep, { path: 'testingAccommodations[1].implementation', source: '8 NYCRR 200.4(d)(2)(vi)' });
    passes('ny-testing-accommodation-incomplete', iep, 'federal');
  });
});
