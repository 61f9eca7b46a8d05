import { describe, it } from 'vitest';
import type { Iep, TeamMember } from '../../src/model/iep.js';
import { fails, loadFixture, minimal, passes } from './helpers.js';

function without(role: TeamMember['role']): Iep {
  const iep = minimal();
  iep.team = iep.team.filter((m) => m.role !== role);
  return iep;
}

describe('team-parent-missing', () => {
  it('passes with a parent', () => passes('team-parent-missing', minimal()));
  it('fails without one', () => fails('team-parent-missing', without('parent'), { path: 'team', source: '34 CFR 300.321(a)(1)', profile: 'federal' }));
});

describe('team-general-education-teacher-missing', () => {
  it('passes with a general education teacher', () => passes('team-general-education-teacher-missing', minimal()));
  it('fails without one', () => fails('team-general-education-teacher-missing', without('general-education-teacher'), { path: 'team', source: '34 CFR 300.321(a)(2)' }));
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
