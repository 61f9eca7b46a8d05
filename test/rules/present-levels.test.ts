import { describe, expect, it } from 'vitest';
import { fails, findingsOf, minimal, passes } from './helpers.js';

describe('present-levels-incomplete', () => {
  it('passes when every domain is described', () => {
    passes('present-levels-incomplete', minimal(), 'federal');
    passes('present-levels-incomplete', minimal(), 'ny');
  });

  it('fails on a placeholder description, in both profiles', () => {
    const iep = minimal();
    iep.presentLevels.social.description = 'N/A';
    fails('present-levels-incomplete', iep, { path: 'presentLevels.social.description', source: '34 CFR 300.320(a)(1)' });
    fails('present-levels-incomplete', iep, { path: 'presentLevels.social.description', source: '34 CFR 300.320(a)(1)', profile: 'federal' });
  });

  it('reads the English text of a translated description', () => {
    const iep = minimal();
    iep.presentLevels.physical.description = { en: 'TBD', es: 'Ana está sana y activa.' };
    fails('present-levels-incomplete', iep, { path: 'presentLevels.physical.description', source: '34 CFR 300.320(a)(1)' });
  });
});

describe('effect-on-progress-missing', () => {
  it('passes when the effect on progress is stated', () => {
    passes('effect-on-progress-missing', minimal());
  });

  it('fails when it is a placeholder', () => {
    const iep = minimal();
    iep.presentLevels.effectOnProgress = 'see above';
    fails('effect-on-progress-missing', iep, { path: 'presentLevels.effectOnProgress', source: '34 CFR 300.320(a)(1)(i)', profile: 'federal' });
  });
});

describe('ny-strengths-missing', () => {
  it('passes when each domain lists a strength', () => {
    passes('ny-strengths-missing', minimal());
  });

  it('fails in New York when a domain has no strengths, and is not a federal rule', () => {
    const iep = minimal();
    iep.presentLevels.physical.strengths = [];
    fails('ny-strengths-missing', iep, { path: 'presentLevels.physical.strengths', source: '8 NYCRR 200.4(d)(2)(i)' });
    passes('ny-strengths-missing', iep, 'federal');
  });

  it('fails when a strength is a placeholder', () => {
    const iep = minimal();
    iep.presentLevels.social.strengths[0]!.text = 'n/a';
    fails('ny-strengths-missing', iep, { path: 'presentLevels.social.strengths[0].text', source: '8 NYCRR 200.4(d)(2)(i)' });
  });
});

describe('ny-management-needs-missing', () => {
  it('passes when management needs are described', () => {
    passes('ny-management-needs-missing', minimal());
  });

  it('fails on "None." in New York only', () => {
    const iep = minimal();
    iep.presentLevels.management.description = 'None.';
    fails('ny-management-needs-missing', iep, { path: 'presentLevels.management.description', source: '8 NYCRR 200.4(d)(2)(i)' });
    expect(findingsOf('ny-management-needs-missing', iep, 'federal')).toEqual([]);
  });
});
