import { describe, it } from 'vitest';
import type { Iep } from '../../src/model/iep.js';
import { fails, minimal, passes, SERVICE_DATES } from './helpers.js';

describe('special-factor-unanswered', () => {
  it('passes "no" answers (the minimal fixture) and "yes" answers that say what', () => {
    passes('special-factor-unanswered', minimal());
    const iep = minimal();
    iep.specialFactors.communication = { needed: true, description: 'Ana uses a picture board to ask for help.' };
    iep.specialFactors.behavior = { needed: true, behaviorInterventionPlan: true, description: 'A break card and a daily check-in with her counselor.' };
    passes('special-factor-unanswered', iep);
  });

  it('passes assistive technology described in services.assistiveTechnology instead', () => {
    const iep = minimal();
    iep.specialFactors.assistiveTechnology = { needed: true, atHome: false };
    iep.services.assistiveTechnology = [{ description: 'Text-to-speech on a school tablet', frequency: 'throughout-the-day', duration: 'full-day', location: 'all-classes', ...SERVICE_DATES }];
    passes('special-factor-unanswered', iep);
  });

  it.each(['behavior', 'languageNeeds', 'braille', 'communication', 'deafOrHardOfHearing', 'assistiveTechnology'] as const)('fails %s answered "yes" without saying what', (key) => {
    const iep: Iep = minimal();
    iep.specialFactors.deafOrHardOfHearing = { needed: false };
    iep.specialFactors[key]!.needed = true;
    fails('special-factor-unanswered', iep, { path: `specialFactors.${key}.description`, source: '34 CFR 300.324(a)(2)', profile: 'federal' });
  });

  it('fails a placeholder description, and a behavior intervention plan when behavior is not a need', () => {
    const iep = minimal();
    iep.specialFactors.languageNeeds = { needed: true, description: 'TBD' };
    iep.specialFactors.behavior = { needed: false, behaviorInterventionPlan: true };
    fails('special-factor-unanswered', iep, { path: 'specialFactors.languageNeeds.description', source: '34 CFR 300.324(a)(2)' });
    fails('special-factor-unanswered', iep, { path: 'specialFactors.behavior.needed', source: '34 CFR 300.324(a)(2)', message: /behavior intervention plan/ });
  });
});

describe('special-factor-unanswered: "Not applicable" and the deaf or hard of hearing factor', () => {
  it('passes "not applicable" answered "no", and a hearing factor answered for a deaf student', () => {
    const iep = minimal();
    iep.specialFactors.languageNeeds = { needed: false, notApplicable: true };
    iep.specialFactors.deafOrHardOfHearing = { needed: false, notApplicable: true };
    passes('special-factor-unanswered', iep);
    const deaf = minimal();
    deaf.disability.classification = 'deafness';
    deaf.specialFactors.deafOrHardOfHearing = { needed: true, description: 'An ASL interpreter in every class and captioned video.' };
    passes('special-factor-unanswered', deaf);
  });

  it('fails a factor both needed and not applicable', () => {
    const iep = minimal();
    iep.specialFactors.braille = { needed: true, notApplicable: true, description: 'Braille daily.' };
    fails('special-factor-unanswered', iep, { path: 'specialFactors.braille.notApplicable', source: '34 CFR 300.324(a)(2)', message: /both needed and not applicable/ });
  });

  it('fails a student classified hard of hearing whose hearing factor is missing or "not applicable"', () => {
    const missing = minimal();
    missing.disability.classification = 'hearing-impairment';
    fails('special-factor-unanswered', missing, { path: 'specialFactors', source: '34 CFR 300.324(a)(2)', message: /deafOrHardOfHearing is not answered/ });
    const na = minimal();
    na.disability.secondary = ['deaf-blindness'];
    na.specialFactors.deafOrHardOfHearing = { needed: false, notApplicable: true };
    fails('special-factor-unanswered', na, { path: 'specialFactors.deafOrHardOfHearing.notApplicable', source: '34 CFR 300.324(a)(2)', profile: 'federal' });
  });
});

describe('braille-determination-missing', () => {
  const visuallyImpaired = () => {
    const iep = minimal();
    iep.disability.classification = 'visual-impairment';
    return iep;
  };

  it('passes a student without a visual impairment, and one with Braille or a recorded determination', () => {
    passes('braille-determination-missing', minimal());
    const braille = visuallyImpaired();
    braille.specialFactors.braille = { needed: true, description: 'Braille instruction daily with the teacher of the visually impaired.' };
    passes('braille-determination-missing', braille);
    const print = visuallyImpaired();
    print.specialFactors.braille = { needed: false, description: 'A learning media assessment (March 2026) found Ana reads large print well; Braille is not appropriate now.' };
    passes('braille-determination-missing', print);
  });

  it('fails a visually impaired student with no Braille and no determination, also for a secondary classification', () => {
    fails('braille-determination-missing', visuallyImpaired(), { path: 'specialFactors.braille.description', source: '34 CFR 300.324(a)(2)(iii)' });
    const secondary = minimal();
    secondary.disability.secondary = ['deaf-blindness'];
    fails('braille-determination-missing', secondary, { path: 'specialFactors.braille.description', source: '34 CFR 300.324(a)(2)(iii)', profile: 'federal' });
  });

  it('fails a visually impaired student whose Braille question is answered "not applicable"', () => {
    const iep = visuallyImpaired();
    iep.specialFactors.braille = { needed: false, notApplicable: true };
    fails('braille-determination-missing', iep, { path: 'specialFactors.braille.notApplicable', source: '34 CFR 300.324(a)(2)(iii)' });
  });
});
