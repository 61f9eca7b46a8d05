/** New York's continuum of special education programs: special class, integrated co-teaching, resource room (8 NYCRR 200.6). */
import type { Duration, Frequency, ProgramService } from '../model/iep.js';
import { NY_ONLY, type Finding, type Rule } from './rule.js';

/** Largest special class New York allows (15:1), and the largest with supplementary staff (12:1+1, 12:1+(3:1)). */
export const MAX_SPECIAL_CLASS = 15;
export const MAX_SPECIAL_CLASS_WITH_STAFF = 12;
export const MAX_ICT_STUDENTS_WITH_DISABILITIES = 12;
export const MIN_RESOURCE_ROOM_MINUTES_PER_WEEK = 180;
export const MAX_RESOURCE_ROOM_GROUP = 5;

/**
 * Converting a schedule to minutes per week. A school year is taken as 36 weeks over 10 months (180 days) and a
 * class period as 40 minutes; "as-needed" and counts that cannot be converted give no minutes.
 */
export const SCHOOL_DAYS_PER_WEEK = 5;
export const SCHOOL_WEEKS_PER_YEAR = 36;
export const SCHOOL_WEEKS_PER_MONTH = 3.6;
export const CLASS_PERIOD_MINUTES = 40;
export const FULL_DAY_MINUTES = 300;

function sessionsPerWeek(frequency: Frequency): number | undefined {
  if (typeof frequency === 'object') {
    const per = { day: SCHOOL_DAYS_PER_WEEK, week: 1, month: 1 / SCHOOL_WEEKS_PER_MONTH, year: 1 / SCHOOL_WEEKS_PER_YEAR }[frequency.per];
    return frequency.times * per;
  }
  return frequency === 'throughout-the-day' ? SCHOOL_DAYS_PER_WEEK : undefined;
}

function minutesPerSession(duration: Duration): number | undefined {
  if (typeof duration === 'object') return duration.minutes;
  return duration === 'class-period' ? CLASS_PERIOD_MINUTES : duration === 'full-day' ? FULL_DAY_MINUTES : undefined;
}

/** Minutes per week of one service, or undefined when its schedule gives no amount ("as-needed", "each-class"...). */
export function minutesPerWeek(service: Pick<ProgramService, 'frequency' | 'duration'>): number | undefined {
  const sessions = sessionsPerWeek(service.frequency);
  const minutes = minutesPerSession(service.duration);
  return sessions === undefined || minutes === undefined ? undefined : sessions * minutes;
}

export interface ParsedRatio {
  students: number;
  teachers: number;
  /** Supplementary staff: a count (`+1`), or a staff-to-student ratio (`+(3:1)`). */
  staff?: number;
  staffRatio?: { students: number; staff: number };
}

/** Reads a class ratio written like 12:1, 12:1+1 or 12:1+(3:1); undefined when it is not written that way. */
export function parseRatio(ratio: string): ParsedRatio | undefined {
  const m = /^\s*(\d+)\s*:\s*(\d+)\s*(?:\+\s*(\d+)|\+\s*\(\s*(\d+)\s*:\s*(\d+)\s*\))?\s*$/.exec(ratio);
  if (!m) return undefined;
  const parsed: ParsedRatio = { students: Number(m[1]), teachers: Number(m[2]) };
  if (m[3] !== undefined) parsed.staff = Number(m[3]);
  if (m[4] !== undefined) parsed.staffRatio = { students: Number(m[4]), staff: Number(m[5]) };
  return parsed;
}

/** What is wrong with a special class ratio, or undefined when New York allows it. */
export function ratioProblem(ratio: string): string | undefined {
  const r = parseRatio(ratio);
  if (!r) return `"${ratio}" is not written as a class ratio such as 12:1+1, 8:1+1, 6:1+1, 12:1+(3:1) or 15:1`;
  if (r.teachers !== 1) return `"${ratio}" has ${r.teachers} teachers; special class ratios are written students:1 (one special education teacher), e.g. 12:1+1`;
  if (r.students < 1) return `"${ratio}" has no students`;
  if (r.students > MAX_SPECIAL_CLASS) return `"${ratio}" puts ${r.students} students in the class; a New York special class has at most ${MAX_SPECIAL_CLASS}`;
  if (r.staff !== undefined && r.staff < 1) return `"${ratio}" adds no supplementary staff; write ${r.students}:1 instead`;
  if (r.staffRatio) {
    if (r.staffRatio.staff !== 1 || r.staffRatio.students < 1) return `"${ratio}" writes the staff ratio the wrong way; it is students-to-staff, e.g. 12:1+(3:1)`;
    if (r.students > MAX_SPECIAL_CLASS_WITH_STAFF) return `"${ratio}" puts ${r.students} students in a class with one staff member per ${r.staffRatio.students} students; such a class has at most ${MAX_SPECIAL_CLASS_WITH_STAFF}`;
  }
  return undefined;
}

const programs = (iep: { services: { specialEducation: readonly ProgramService[] } }, program: ProgramService['program']) =>
  iep.services.specialEducation.map((service, index) => ({ service, index })).filter(({ service }) => service.program === program);

export const nySpecialClassRatioStated: Rule = {
  code: 'ny-special-class-ratio-missing',
  severity: 'error',
  profiles: NY_ONLY,
  title: 'A special class states its class size ratio',
  checks: 'Every special class (program: special-class) has a `ratio` such as 12:1+1.',
  citation: '8 NYCRR 200.6(h)(4)',
  hint: 'add `ratio:`, e.g. "12:1+1" (12 students, 1 special education teacher, 1 paraprofessional)',
  example: `services:
  specialEducation:
    - program: special-class
      ratio: "12:1+1"`,
  check(iep) {
    return programs(iep, 'special-class')
      .filter(({ service }) => service.ratio === undefined)
      .map(({ index }) => ({ path: ['services', 'specialEducation', index, 'ratio'], message: `services.specialEducation[${index}] is a special class without a class size ratio` }));
  },
};

export const nySpecialClassRatioValid: Rule = {
  code: 'ny-special-class-ratio-invalid',
  severity: 'error',
  profiles: NY_ONLY,
  title: 'Special class ratios are written correctly and within the limits',
  checks:
    'A special class ratio is written students:1, optionally with supplementary staff (+1) or a staff ratio (+(3:1)); the class has at most 15 students, and at most 12 when it has one staff member for every few students (12:1+(3:1)). Allowed examples: 15:1, 12:1, 12:1+1, 12:1+4, 8:1+1, 6:1+1, 12:1+(3:1).',
  citation: '8 NYCRR 200.6(h)(4)',
  hint: 'use a ratio New York allows, e.g. 15:1, 12:1+1, 8:1+1, 6:1+1 or 12:1+(3:1)',
  example: `services:
  specialEducation:
    - program: special-class
      ratio: "8:1+1"`,
  check(iep) {
    const findings: Finding[] = [];
    programs(iep, 'special-class').forEach(({ service, index }) => {
      const problem = service.ratio === undefined ? undefined : ratioProblem(service.ratio);
      if (problem) findings.push({ path: ['services', 'specialEducation', index, 'ratio'], message: `services.specialEducation[${index}].ratio ${problem}` });
    });
    return findings;
  },
};

export const nyIctCountStated: Rule = {
  code: 'ny-ict-count-missing',
  severity: 'error',
  profiles: NY_ONLY,
  title: 'Integrated co-teaching states how many students with disabilities are in the class',
  checks: 'Every integrated co-teaching service has `studentsWithDisabilities`, so the 12-student limit can be checked.',
  citation: '8 NYCRR 200.6(g)',
  hint: 'add `studentsWithDisabilities:` with the number of students with disabilities in the class (at most 12)',
  example: `services:
  specialEducation:
    - program: integrated-co-teaching
      studentsWithDisabilities: 10`,
  check(iep) {
    return programs(iep, 'integrated-co-teaching')
      .filter(({ service }) => service.studentsWithDisabilities === undefined)
      .map(({ index }) => ({ path: ['services', 'specialEducation', index, 'studentsWithDisabilities'], message: `services.specialEducation[${index}] is integrated co-teaching without the number of students with disabilities in the class` }));
  },
};

export const nyIctClassSize: Rule = {
  code: 'ny-ict-too-many-students',
  severity: 'error',
  profiles: NY_ONLY,
  title: 'Integrated co-teaching has at most 12 students with disabilities',
  checks: 'studentsWithDisabilities of an integrated co-teaching class is at most 12.',
  citation: '8 NYCRR 200.6(g)(1)',
  hint: 'an integrated co-teaching class may have at most 12 students with disabilities; recommend another section or a variance',
  example: `services:
  specialEducation:
    - program: integrated-co-teaching
      studentsWithDisabilities: 12`,
  check(iep) {
    return programs(iep, 'integrated-co-teaching')
      .filter(({ service }) => (service.studentsWithDisabilities ?? 0) > MAX_ICT_STUDENTS_WITH_DISABILITIES)
      .map(({ service, index }) => ({
        path: ['services', 'specialEducation', index, 'studentsWithDisabilities'],
        message: `services.specialEducation[${index}] has ${service.studentsWithDisabilities} students with disabilities in an integrated co-teaching class; New York allows at most ${MAX_ICT_STUDENTS_WITH_DISABILITIES}`,
      }));
  },
};

export const nyResourceRoomTime: Rule = {
  code: 'ny-resource-room-too-little-time',
  severity: 'error',
  profiles: NY_ONLY,
  title: 'Resource room is at least 3 hours a week',
  checks:
    'The resource room services add up to at least 180 minutes a week (with consultant teacher services counted too when the student has both). Schedules are converted to minutes a week: per day x 5, per month / 3.6, per year / 36, a class period = 40 minutes; "as-needed" counts as nothing.',
  citation: '8 NYCRR 200.6(f)',
  hint: 'recommend at least 3 hours a week, e.g. frequency: { times: 5, per: week } and duration: { minutes: 45 }',
  example: `services:
  specialEducation:
    - program: resource-room
      groupSize: 5
      frequency: { times: 5, per: week }
      duration: { minutes: 45 }`,
  check(iep) {
    const rooms = programs(iep, 'resource-room');
    if (rooms.length === 0) return [];
    const consultant = [...programs(iep, 'consultant-teacher-direct'), ...programs(iep, 'consultant-teacher-indirect')];
    const counted = [...rooms, ...consultant];
    const total = counted.reduce((sum, { service }) => sum + (minutesPerWeek(service) ?? 0), 0);
    if (total >= MIN_RESOURCE_ROOM_MINUTES_PER_WEEK) return [];
    const first = rooms[0]!;
    const uncounted = counted.filter(({ service }) => minutesPerWeek(service) === undefined).map(({ index }) => `services.specialEducation[${index}]`);
    const what = consultant.length > 0 ? 'resource room and consultant teacher services add' : 'resource room services add';
    return [
      {
        path: ['services', 'specialEducation', first.index, 'frequency'],
        message: `${what} up to ${Math.round(total)} minutes a week; New York requires at least 3 hours (${MIN_RESOURCE_ROOM_MINUTES_PER_WEEK} minutes)${uncounted.length > 0 ? ` (${uncounted.join(', ')} state no amount and were not counted)` : ''}`,
      },
    ];
  },
};

export const nyResourceRoomGroup: Rule = {
  code: 'ny-resource-room-group-too-large',
  severity: 'error',
  profiles: NY_ONLY,
  title: 'Resource room groups have at most 5 students',
  checks: 'groupSize of every resource room service is at most 5.',
  citation: '8 NYCRR 200.6(f)',
  hint: 'a resource room instructional group has at most 5 students per teacher',
  example: `services:
  specialEducation:
    - program: resource-room
      groupSize: 5`,
  check(iep) {
    return programs(iep, 'resource-room')
      .filter(({ service }) => (service.groupSize ?? 0) > MAX_RESOURCE_ROOM_GROUP)
      .map(({ service, index }) => ({
        path: ['services', 'specialEducation', index, 'groupSize'],
        message: `services.specialEducation[${index}] is a resource room group of ${service.groupSize}; New York allows at most ${MAX_RESOURCE_ROOM_GROUP}`,
      }));
  },
};

export const nyResourceRoomGroupStated: Rule = {
  code: 'ny-resource-room-group-unstated',
  severity: 'warning',
  profiles: NY_ONLY,
  title: 'Resource room states its group size',
  checks: 'Every resource room service states `groupSize`, so the limit of 5 can be checked.',
  citation: '8 NYCRR 200.6(f)',
  hint: 'add `groupSize:` (at most 5)',
  example: `services:
  specialEducation:
    - program: resource-room
      groupSize: 4`,
  check(iep) {
    return programs(iep, 'resource-room')
      .filter(({ service }) => service.groupSize === undefined)
      .map(({ index }) => ({ path: ['services', 'specialEducation', index, 'groupSize'], message: `services.specialEducation[${index}] is resource room without a group size` }));
  },
};

export const NY_PROGRAM_RULES: readonly Rule[] = [
  nySpecialClassRatioStated,
  nySpecialClassRatioValid,
  nyIctCountStated,
  nyIctClassSize,
  nyResourceRoomTime,
  nyResourceRoomGroup,
  nyResourceRoomGroupStated,
];
