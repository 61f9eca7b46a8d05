import { describe, expect, it } from 'vitest';
import type { Iep, TeamMember } from '../../src/model/iep.js';
import { regularEducationReason } from '../../src/rules/team.js';
import { fails, loadFixture, minimal, passes, SERVICE_DATES } from './helpers.js';

function without(role: TeamMember['role']): Iep {
  const iep = minimal();
  iep.team = iep.team.filter((m) => m.role !== role);
  return iep;
}

describe('team-parent-missing', () => {
  it('passes with a parent', () => passes('team-parent-missing', minimal()));
  it('fails without one', () => fails('team-parent-missing', without('parent'), { path: 'team', source: '34 CFR 300.321(a)(1)', profile: 'federal' }));
});

/** A student in a 12:1+1 special class for the whole school day, with speech in the therapy room: never in general education. */
function fullTimeSpecialClass(): Iep {
  const iep = without('general-education-teacher');
  iep.services.specialEducation = [
    { program: 'special-class', ratio: '12:1+1', frequency: 'throughout-the-day', duration: 'full-day', location: 'special-education-classroom', ...SERVICE_DATES },
  ];
  iep.services.related = [{ service: 'speech-language-therapy', groupSize: 3, frequency: { times: 2, per: 'week' }, duration: { minutes: 30 }, location: 'therapy-room', ...SERVICE_DATES }];
  return iep;
}

describe('team-general-education-teacher-missing', () => {
  it('passes with a general education teacher', () => passes('team-general-education-teacher-missing', minimal()));
  it('fails without one', () => fails('team-general-education-teacher-missing', without('general-education-teacher'), { path: 'team', source: '34 CFR 300.321(a)(2)' }));

  it('passes without one when the student is in a special class all day and in no general education class', () => {
    passes('team-general-education-teacher-missing', fullTimeSpecialClass());
    passes('team-general-education-teacher-missing', fullTimeSpecialClass(), 'federal');
    expect(regularEducationReason(fullTimeSpecialClass(), 300)).toBeUndefined();
  });

  it('fails without one when the student may be in general education: a service there, consultant teacher, full participation, or part of the day', () => {
    const aid = fullTimeSpecialClass();
    aid.services.supplementaryAids = [{ kind: 'accommodation', description: 'A visual schedule', frequency: 'throughout-the-day', duration: 'full-day', location: 'general-education-classroom', ...SERVICE_DATES }];
    fails('team-general-education-teacher-missing', aid, { path: 'team', source: '34 CFR 300.321(a)(2)', message: /services\.supplementaryAids\[0\] is given in a general education class/ });

    const consultant = fullTimeSpecialClass();
    consultant.services.specialEducation.push({ program: 'consultant-teacher-indirect', frequency: { times: 1, per: 'week' }, duration: { minutes: 30 }, location: 'special-education-classroom', ...SERVICE_DATES });
    fails('team-general-education-teacher-missing', consultant, { path: 'team', source: '34 CFR 300.321(a)(2)', message: /specialEducation\[1\]/ });

    const full = fullTimeSpecialClass();
    full.nondisabledParticipation = { fullParticipation: true, explanation: 'Ana takes part in all general education classes.' };
    fails('team-general-education-teacher-missing', full, { path: 'team', source: '34 CFR 300.321(a)(2)', message: /takes part fully/ });

    const partDay = fullTimeSpecialClass();
    partDay.services.specialEducation[0]!.frequency = { times: 3, per: 'week' };
    fails('team-general-education-teacher-missing', partDay, { path: 'team', source: '34 CFR 300.321(a)(2)', message: /no special class fills the whole school day/ });
  });
});

describe('team-special-education-teacher-missing', () => {
  it('passes with a special education teacher, or a provider', () => {
    passes('team-special-education-teacher-missing', minimal());
    const iep = without('special-education-teacher');
    iep.team.push({ name: 'Lee Chan', role: 'special-education-provider', attended: true });
    passes('team-special-education-teacher-missing', iep);
  });
  it('fails without either', () => fails('team-special-education-teacher-missing', without('special-education-teacher'), { path: 'team', source: '34 CFR 300.321(a)(3)' }));
});

describe('team-district-representative-missing', () => {
  it('passes with a district representative', () => passes('team-district-representative-missing', minimal()));
  it('fails without one', () => fails('team-district-representative-missing', without('district-representative'), { path: 'team', source: '34 CFR 300.321(a)(4)' }));
});

describe('team-evaluation-interpreter-missing', () => {
  it('passes with a school psychologist, or another member who interprets evaluations', () => {
    passes('team-evaluation-interpreter-missing', minimal());
    const iep = without('school-psychologist');
    iep.team[2]!.interpretsEvaluations = true;
    passes('team-evaluation-interpreter-missing', iep);
  });
  it('fails without one', () => fails('team-evaluation-interpreter-missing', without('school-psychologist'), { path: 'team', source: '34 CFR 300.321(a)(5)' }));
});

describe('team-student-not-invited', () => {
  it('passes a young student without transition, and a transition IEP with the student on the team', () => {
    passes('team-student-not-invited', minimal());
    passes('team-student-not-invited', loadFixture('compliance/ny-transition-complete.iep.yaml').iep);
  });

  it('fails when transition is discussed without the student', () => {
    const iep = structuredClone(loadFixture('compliance/ny-transition-complete.iep.yaml').iep);
    iep.team = iep.team.filter((m) => m.role !== 'student');
    fails('team-student-not-invited', iep, { path: 'team', source: '34 CFR 300.321(b)(1)', profile: 'federal' });
  });

  it('fails at 15 in New York, when transition must be discussed, but not federally', () => {
    const { iep } = loadFixture('compliance/ny-age-15-no-transition.iep.yaml');
    fails('team-student-not-invited', iep, { path: 'team', source: '34 CFR 300.321(b)(1)' });
    passes('team-student-not-invited', iep, 'federal');
  });
});

describe('team-member-absent-without-input', () => {
  it('passes an absent member who gave written input, and a second teacher who was absent', () => {
    const excused = minimal();
    excused.team[1] = { ...excused.team[1]!, attended: false, participation: 'written-input' };
    passes('team-member-absent-without-input', excused);
    const second = minimal();
    second.team.push({ name: 'Lou Ray', role: 'general-education-teacher', attended: false });
    passes('team-member-absent-without-input', second);
  });

  it('warns when the only general education teacher was absent without input', () => {
    const iep = minimal();
    iep.team[1]!.attended = false;
    fails('team-member-absent-without-input', iep, { path: 'team[1].attended', source: '34 CFR 300.321(e)', severity: 'warning' });
  });
});

describe('parent-interpreter-missing', () => {
  /** The minimal IEP with a Spanish-speaking mother who needs an interpreter. */
  const needsInterpreter = () => {
    const iep = minimal();
    iep.student.guardians[0] = { ...iep.student.guardians[0]!, preferredLanguage: 'es', interpreterNeeded: true };
    return iep;
  };

  it('passes when no parent needs an interpreter, and when an interpreter attended', () => {
    passes('parent-interpreter-missing', minimal());
    const iep = needsInterpreter();
    iep.team.push({ name: 'Ana Ruiz', role: 'interpreter', attended: true, participation: 'in-person' });
    passes('parent-interpreter-missing', iep);
  });

  it('fails when the parent needs an interpreter and the team has none, in both profiles', () => {
    for (const profile of ['ny', 'federal'] as const) {
      fails('parent-interpreter-missing', needsInterpreter(), { path: 'team', source: '34 CFR 300.322(e)', profile, message: /Maria Lopez \(es\) needs an interpreter/ });
    }
  });

  it('fails when the interpreter on the team did not attend', () => {
    const iep = needsInterpreter();
    iep.team.push({ name: 'Ana Ruiz', role: 'interpreter', attended: false });
    fails('parent-interpreter-missing', iep, { path: 'team[5].attended', source: '34 CFR 300.322(e)', message: /did not attend/ });
  });
});
