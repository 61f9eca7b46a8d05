import { describe, it } from 'vitest';
import { fails, minimal, passes, SERVICE_DATES } from './helpers.js';

const speech = {
  service: 'speech-language-therapy' as const,
  groupSize: 1,
  frequency: { times: 2, per: 'week' as const },
  duration: { minutes: 30 },
  location: 'therapy-room' as const,
  ...SERVICE_DATES,
};

describe('service-description-missing', () => {
  it('passes named services and an "other" service with a description', () => {
    const iep = minimal();
    iep.services.related.push(speech, { ...speech, service: 'other', description: 'Music therapy to build turn-taking' });
    passes('service-description-missing', iep);
  });

  it('fails an "other" related service without a description', () => {
    const iep = minimal();
    iep.services.related.push({ ...speech, service: 'other' });
    fails('service-description-missing', iep, { path: 'services.related[0].description', source: '34 CFR 300.320(a)(4)', profile: 'federal' });
  });

  it('fails an "other" program without a subject and a placeholder aid', () => {
    const iep = minimal();
    iep.services.specialEducation.push({ ...iep.services.specialEducation[0]!, program: 'other', groupSize: undefined });
    iep.services.supplementaryAids.push({ kind: 'accommodation', description: 'N/A', frequency: 'each-class', duration: 'class-period', location: 'all-classes', ...SERVICE_DATES });
    fails('service-description-missing', iep, { path: 'services.specialEducation[1].subject', source: '34 CFR 300.320(a)(4)' });
    fails('service-description-missing', iep, { path: 'services.supplementaryAids[0].description', source: '34 CFR 300.320(a)(4)' });
  });
});

describe('service-amount-unspecified', () => {
  it('passes services with a count and minutes, and "as-needed" supplementary aids', () => {
    const iep = minimal();
    iep.services.supplementaryAids.push({ kind: 'supplementary-aid', description: 'Break card', frequency: 'as-needed', duration: 'as-needed', location: 'all-classes', ...SERVICE_DATES });
    passes('service-amount-unspecified', iep);
  });

  it('warns on an "as-needed" related service', () => {
    const iep = minimal();
    iep.services.related.push({ ...speech, frequency: 'as-needed' });
    fails('service-amount-unspecified', iep, { path: 'services.related[0].frequency', source: '34 CFR 300.320(a)(7)', severity: 'warning' });
  });

  it('warns on an "as-needed" duration', () => {
    const iep = minimal();
    iep.services.specialEducation[0]!.duration = 'as-needed';
    fails('service-amount-unspecified', iep, { path: 'services.specialEducation[0].duration', source: '34 CFR 300.320(a)(7)', severity: 'warning', profile: 'federal' });
  });
});

describe('ny-twelve-month-unstated', () => {
  it('passes when the student is not eligible, or eligible with "same as above" or a list of services', () => {
    passes('ny-twelve-month-unstated', minimal());
    const same = minimal();
    same.twelveMonthServices = { eligible: true, sameAsAbove: true, provider: 'P.S. 11' };
    passes('ny-twelve-month-unstated', same);
    const listed = minimal();
    listed.twelveMonthServices = { eligible: true, sameAsAbove: false, provider: 'P.S. 11', services: [{ service: 'Resource room', frequency: { times: 5, per: 'week' }, duration: { minutes: 45 }, location: 'separate-location', beginDate: '2026-07-06', endDate: '2026-08-14' }] };
    passes('ny-twelve-month-unstated', listed);
  });

  it('fails when eligible without saying which services (New York only)', () => {
    const iep = minimal();
    iep.twelveMonthServices = { eligible: true, provider: 'P.S. 11', description: 'Summer school' };
    fails('ny-twelve-month-unstated', iep, { path: 'twelveMonthServices.sameAsAbove', source: '8 NYCRR 200.4(d)(2)(x)' });
    passes('ny-twelve-month-unstated', iep, 'federal');
    iep.twelveMonthServices = { eligible: true, sameAsAbove: false, services: [] };
    fails('ny-twelve-month-unstated', iep, { path: 'twelveMonthServices.services', source: '8 NYCRR 200.4(d)(2)(x)' });
  });
});

describe('ny-twelve-month-provider-missing', () => {
  it('passes a named provider, and a student who is not eligible', () => {
    passes('ny-twelve-month-provider-missing', minimal());
    const iep = minimal();
    iep.twelveMonthServices = { eligible: true, sameAsAbove: true, provider: 'P.S. 11 Summer Program' };
    passes('ny-twelve-month-provider-missing', iep);
  });

  it('fails 12-month services without a provider (New York only)', () => {
    const iep = minimal();
    iep.twelveMonthServices = { eligible: true, sameAsAbove: true };
    fails('ny-twelve-month-provider-missing', iep, { path: 'twelveMonthServices.provider', source: '8 NYCRR 200.4(d)(2)(x)' });
    passes('ny-twelve-month-provider-missing', iep, 'federal');
  });

  it('fails a preschool student without the reason for July/August services', () => {
    const iep = minimal();
    iep.student.grade = 'PK';
    iep.twelveMonthServices = { eligible: true, sameAsAbove: true, provider: 'Little Steps Preschool' };
    fails('ny-twelve-month-provider-missing', iep, { path: 'twelveMonthServices.preschoolReason', source: '8 NYCRR 200.4(d)(2)(x)', message: /preschool/ });
    iep.twelveMonthServices.preschoolReason = 'Without services over the summer Leo loses the words he signs (substantial regression, documented June 2026).';
    passes('ny-twelve-month-provider-missing', iep);
  });
});
