/** The IEP team (committee on special education) and the parent's part in the meeting. */
import { formatJsonPath } from '../model/diagnostic.js';
import type { Iep, TeamMember } from '../model/iep.js';
import { minutesPerWeek, SCHOOL_DAYS_PER_WEEK } from '../model/minutes-per-week.js';
import { ALL_PROFILES, type Finding, type Rule } from './rule.js';
import { allServices } from '../model/service-list.js';
import { transitionRequired } from './transition.js';

function memberRule(options: {
  code: string;
  role: string;
  title: string;
  checks: string;
  citation: string;
  hint: string;
  example: string;
  matches: (m: TeamMember) => boolean;
}): Rule {
  return {
    code: options.code,
    severity: 'error',
    profiles: ALL_PROFILES,
    title: options.title,
    checks: options.checks,
    citation: options.citation,
    hint: options.hint,
    example: options.example,
    check(iep) {
      return iep.team.some(options.matches) ? [] : [{ path: ['team'], message: `the team has no ${options.role}` }];
    },
  };
}

export const teamParent = memberRule({
  code: 'team-parent-missing',
  role: 'parent or guardian (role: parent)',
  title: 'The team includes a parent',
  checks: 'The team lists at least one member with role `parent`.',
  citation: '34 CFR 300.321(a)(1)',
  hint: 'add the parent or guardian to `team` with role: parent',
  example: `team:
  - { name: Maria Lopez, role: parent, attended: true }`,
  matches: (m) => m.role === 'parent',
});

const IN_CLASS_PROGRAMS = new Set(['integrated-co-teaching', 'consultant-teacher-direct', 'consultant-teacher-indirect']);

/**
 * Why the student is, or may be, in the regular education environment, or undefined when the IEP keeps the student
 * out of it all day: not in full participation, a special class that fills the school week, and no service given
 * in a general education class (integrated co-teaching and consultant teacher services are, by definition).
 */
export function regularEducationReason(iep: Iep, schoolDayMinutes: number): string | undefined {
  if (iep.nondisabledParticipation.fullParticipation) return 'the student takes part fully in general education (nondisabledParticipation.fullParticipation)';
  const inClass = allServices(iep).find(
    ({ service }) => service.location === 'general-education-classroom' || ('program' in service && IN_CLASS_PROGRAMS.has(service.program)),
  );
  if (inClass) return `${formatJsonPath(inClass.path)} is given in a general education class`;
  const schoolWeek = schoolDayMinutes * SCHOOL_DAYS_PER_WEEK;
  const fullTime = iep.services.specialEducation.some((s) => s.program === 'special-class' && (minutesPerWeek(s, schoolDayMinutes) ?? 0) >= schoolWeek);
  return fullTime ? undefined : 'no special class fills the whole school day, so the student spends part of it in general education';
}

export const teamGeneralEducationTeacher: Rule = {
  code: 'team-general-education-teacher-missing',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'The team includes a general education teacher when the student is in general education',
  checks:
    'When the student is, or may be, in general education, the team lists at least one general education teacher of the student (role `general-education-teacher`). It is not required when the student is in a special class for the whole school day (its schedule fills the school week), does not take part fully in general education, and gets no service in a general education class, integrated co-teaching or consultant teacher services.',
  citation: '34 CFR 300.321(a)(2)',
  hint: 'add a general education teacher of the student to `team`',
  example: `team:
  - { name: Jo Park, role: general-education-teacher, attended: true }`,
  check(iep, ctx) {
    if (iep.team.some((m) => m.role === 'general-education-teacher')) return [];
    const reason = regularEducationReason(iep, ctx.schoolDayMinutes);
    return reason ? [{ path: ['team'], message: `the team has no general education teacher (role: general-education-teacher), but the student is or may be in general education: ${reason}` }] : [];
  },
};

export const teamSpecialEducationTeacher = memberRule({
  code: 'team-special-education-teacher-missing',
  role: 'special education teacher or provider (role: special-education-teacher or special-education-provider)',
  title: 'The team includes a special education teacher or provider',
  checks: 'The team lists at least one special education teacher or special education provider of the student.',
  citation: '34 CFR 300.321(a)(3)',
  hint: 'add the special education teacher or provider to `team`',
  example: `team:
  - { name: Sam Reed, role: special-education-teacher, attended: true }`,
  matches: (m) => m.role === 'special-education-teacher' || m.role === 'special-education-provider',
});

export const teamDistrictRepresentative = memberRule({
  code: 'team-district-representative-missing',
  role: 'district representative (role: district-representative)',
  title: 'The team includes a district representative',
  checks: 'The team lists a representative of the school district who can commit its resources (role `district-representative`).',
  citation: '34 CFR 300.321(a)(4)',
  hint: 'add the district representative (e.g. the CSE chairperson) to `team`',
  example: `team:
  - { name: Pat Doe, role: district-representative, attended: true }`,
  matches: (m) => m.role === 'district-representative',
});

export const teamEvaluationInterpreter = memberRule({
  code: 'team-evaluation-interpreter-missing',
  role: 'member who can interpret the instructional implications of evaluation results (role: school-psychologist, or interpretsEvaluations: true)',
  title: 'Someone on the team can interpret evaluation results',
  checks: 'The team includes a school psychologist or another member marked `interpretsEvaluations: true`.',
  citation: '34 CFR 300.321(a)(5)',
  hint: 'add the school psychologist, or mark the member who explains the evaluations with interpretsEvaluations: true',
  example: `team:
  - { name: Dr. Kim Lee, role: school-psychologist, attended: true, interpretsEvaluations: true }`,
  matches: (m) => m.role === 'school-psychologist' || m.interpretsEvaluations === true,
});

export const teamStudentInvited: Rule = {
  code: 'team-student-not-invited',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'The student is on the team when transition is discussed',
  checks:
    'When the IEP has a transition section, or must have one at the student\'s age in this profile, the team lists the student (role `student`); a student who does not attend is still listed, with attended: false.',
  citation: '34 CFR 300.321(b)(1)',
  hint: 'add the student to `team` with role: student (attended: false if they were invited but did not come)',
  example: `team:
  - { name: Sam Rivera, role: student, attended: true }`,
  check(iep, ctx) {
    const discussed = iep.transition !== undefined || transitionRequired(iep, ctx.settings);
    return discussed && !iep.team.some((m) => m.role === 'student')
      ? [{ path: ['team'], message: 'transition planning is part of this IEP, but the student is not on the team' }]
      : [];
  },
};

/**
 * Members who fill a required seat (other than the parent's) when nobody in that seat attended or gave written input:
 * an excused member must still give written input. A second member in a filled seat may be absent.
 */
function absentRequiredMembers(iep: Iep): number[] {
  const seats: ((m: TeamMember) => boolean)[] = [
    (m) => m.role === 'general-education-teacher',
    (m) => m.role === 'special-education-teacher' || m.role === 'special-education-provider',
    (m) => m.role === 'district-representative',
    (m) => m.role === 'school-psychologist' || m.interpretsEvaluations === true,
  ];
  const out = new Set<number>();
  for (const seat of seats) {
    const candidates = iep.team.map((m, i) => ({ m, i })).filter(({ m }) => seat(m));
    if (candidates.length > 0 && !candidates.some(({ m }) => m.attended || m.participation === 'written-input')) {
      for (const { i } of candidates) out.add(i);
    }
  }
  return [...out].sort((a, b) => a - b);
}

export const teamAbsenceExcused: Rule = {
  code: 'team-member-absent-without-input',
  severity: 'warning',
  profiles: ALL_PROFILES,
  title: 'A required member who did not attend gave written input',
  checks:
    'When no member fills a required seat (general education teacher, special education teacher or provider, district representative, evaluation interpreter) in person, phone or video, the absent member took part by written input (participation: written-input), as an excusal requires.',
  citation: '34 CFR 300.321(e)',
  hint: 'record participation: written-input for an excused member (with the parent\'s written agreement), or mark who attended',
  example: `team:
  - { name: Jo Park, role: general-education-teacher, attended: false, participation: written-input }`,
  check(iep) {
    const findings: Finding[] = absentRequiredMembers(iep).map((i) => ({
      path: ['team', i, 'attended'],
      message: `team[${i}] (${iep.team[i]!.role}) did not attend and gave no written input, and no one else in that role attended`,
    }));
    return findings;
  },
};

export const parentInterpreterPresent: Rule = {
  code: 'parent-interpreter-missing',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'A parent who needs an interpreter has one at the meeting',
  checks:
    'When a parent or guardian needs an interpreter (student.guardians[].interpreterNeeded: true), the team lists an interpreter (role `interpreter`) who attended the meeting.',
  citation: '34 CFR 300.322(e)',
  hint: 'add the interpreter to `team` with role: interpreter and attended: true',
  example: `student:
  guardians:
    - { name: Rosa Almonte, relationship: mother, preferredLanguage: es, interpreterNeeded: true }
team:
  - { name: Ana Ruiz, role: interpreter, attended: true, participation: in-person }`,
  check(iep) {
    const needing = iep.student.guardians.filter((g) => g.interpreterNeeded);
    if (needing.length === 0) return [];
    const interpreters = iep.team.map((m, i) => ({ m, i })).filter(({ m }) => m.role === 'interpreter');
    if (interpreters.some(({ m }) => m.attended)) return [];
    const who = `${needing.map((g) => `${g.name} (${g.preferredLanguage})`).join(' and ')} need${needing.length === 1 ? 's' : ''} an interpreter`;
    if (interpreters.length === 0) return [{ path: ['team'], message: `${who}, but the team lists none (role: interpreter)` }];
    return interpreters.map(({ i }) => ({ path: ['team', i, 'attended'], message: `${who}, but the interpreter team[${i}] did not attend the meeting` }));
  },
};

export const TEAM_RULES: readonly Rule[] = [
  teamParent,
  teamGeneralEducationTeacher,
  teamSpecialEducationTeacher,
  teamDistrictRepresentative,
  teamEvaluationInterpreter,
  teamStudentInvited,
  teamAbsenceExcused,
  parentInterpreterPresent,
];
