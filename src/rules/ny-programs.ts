/** New York's continuum of special education programs: special class, integrated co-teaching, consultant teacher, resource room (8 NYCRR 200.6). */
import type { Iep, ProgramService } from '../model/iep.js';
import { ageOn } from './calendar.js';
import { minutesPerWeek, SCHOOL_DAYS_PER_WEEK } from '../model/minutes-per-week.js';
import { NY_ONLY, type Finding, type Rule } from './rule.js';
import { isPlaceholder } from './text.js';

/** Largest special class New York allows (15:1), and the largest with supplementary staff (12:1+1, 12:1+(3:1)). */
export const MAX_SPECIAL_CLASS = 15;
export const MAX_SPECIAL_CLASS_WITH_STAFF = 12;
export const MAX_ICT_STUDENTS_WITH_DISABILITIES = 12;
export const MIN_CONSULTANT_TEACHER_MINUTES_PER_WEEK = 120;
export const MIN_RESOURCE_ROOM_MINUTES_PER_WEEK = 180;
/** Resource room takes at most this share of the school day. */
export const MAX_RESOURCE_ROOM_SHARE_OF_DAY = 0.5;
export const MAX_RESOURCE_ROOM_GROUP = 5;
/** Middle and secondary school: grade 6 and up, or a student 12 or older (when 12:1 classes are allowed). */
export const MIDDLE_SCHOOL_GRADE = 6;
export const MIDDLE_SCHOOL_AGE = 12;

/** True for a middle or secondary school student: grade 6 or higher, or 12 or older on the implementation date. */
export function isMiddleOrSecondary(iep: Iep): boolean {
  const grade = Number(iep.student.grade);
  return (Number.isInteger(grade) && grade >= MIDDLE_SCHOOL_GRADE) || ageOn(iep.student.dateOfBirth, iep.meeting.implementationDate) >= MIDDLE_SCHOOL_AGE;
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

/** How a ratio is written wrongly (not students:1, no students, +0, a staff ratio turned round), or undefined. */
function writingProblem(ratio: string, r: ParsedRatio | undefined): string | undefined {
  if (!r) return `"${ratio}" is not written as a class ratio such as 12:1+1, 8:1+1, 6:1+1, 12:1+(3:1) or 15:1`;
  if (r.teachers !== 1) return `"${ratio}" has ${r.teachers} teachers; special class ratios are written students:1 (one special education teacher), e.g. 12:1+1`;
  if (r.students < 1) return `"${ratio}" has no students`;
  if (r.staff !== undefined && r.staff < 1) return `"${ratio}" adds no supplementary staff; write ${r.students}:1 instead`;
  if (r.staffRatio && (r.staffRatio.staff !== 1 || r.staffRatio.students < 1)) return `"${ratio}" writes the staff ratio the wrong way; it is students-to-staff, e.g. 12:1+(3:1)`;
  return undefined;
}

/** How a well-written ratio goes over New York's class size limits (15; 12 with a staff ratio), or undefined. */
function sizeProblem(ratio: string, r: ParsedRatio): string | undefined {
  if (r.students > MAX_SPECIAL_CLASS) return `"${ratio}" puts ${r.students} students in the class; a New York special class has at most ${MAX_SPECIAL_CLASS}`;
  if (r.staffRatio && r.students > MAX_SPECIAL_CLASS_WITH_STAFF) {
    return `"${ratio}" puts ${r.students} students in a class with one staff member per ${r.staffRatio.students} students; such a class has at most ${MAX_SPECIAL_CLASS_WITH_STAFF}`;
  }
  return undefined;
}

/**
 * What is wrong with a special class ratio: written wrongly, or over the size limits unless a variance is recorded
 * (`variance: true`); undefined when nothing is.
 */
export function ratioProblem(ratio: string, options: { variance?: boolean } = {}): string | undefined {
  const r = parseRatio(ratio);
  return writingProblem(ratio, r) ?? (options.variance ? undefined : sizeProblem(ratio, r!));
}

/** The special classes of 8 NYCRR 200.6(h)(4), as printed in messages. */
const SPECIAL_CLASS_RATIOS = '15:1, 12:1+1, 8:1+1, 6:1+1, 12:1+(3:1), and 12:1 in middle and secondary school';

/**
 * Why a ratio that is written correctly and within the size limits is not one of the special classes 8 NYCRR
 * 200.6(h)(4) provides, or undefined when it is one: 15:1; 12, 8 or 6 students with one or more supplementary staff
 * (12:1+1, 8:1+1, 6:1+1, also written +2...); 12:1+(3:1); and 12:1 only in middle and secondary school.
 */
export function unlistedRatioProblem(ratio: string, middleOrSecondary: boolean): string | undefined {
  const r = parseRatio(ratio);
  if (!r || writingProblem(ratio, r) || sizeProblem(ratio, r)) return undefined;
  const listed =
    r.staffRatio !== undefined
      ? r.students === 12 && r.staffRatio.students === 3
      : r.staff !== undefined
        ? [12, 8, 6].includes(r.students)
        : r.students === 15 || (r.students === 12 && middleOrSecondary);
  if (listed) return undefined;
  if (r.students === 12 && r.staff === undefined && r.staffRatio === undefined) {
    return `"${ratio}" is a 12:1 special class, which New York provides only in middle and secondary school (grade 6 and up, or a student 12 or older); this student is in elementary school`;
  }
  return `"${ratio}" is not one of the special classes of 8 NYCRR 200.6(h)(4) (${SPECIAL_CLASS_RATIOS})`;
}

/** True when the special class records the variance that allows its ratio. */
const hasVariance = (service: ProgramService) => !isPlaceholder(service.ratioVariance);

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
    'A special class ratio is written students:1, optionally with supplementary staff (+1) or a staff ratio (+(3:1)); the class has at most 15 students, and at most 12 when it has one staff member for every few students (12:1+(3:1)), unless `ratioVariance` records the variance that allows more. Which ratios New York provides is checked by `ny-special-class-ratio-unlisted`.',
  citation: '8 NYCRR 200.6(h)(4)',
  hint: 'use a ratio New York allows, e.g. 15:1, 12:1+1, 8:1+1, 6:1+1 or 12:1+(3:1); a larger class needs a variance recorded in `ratioVariance`',
  example: `services:
  specialEducation:
    - program: special-class
      ratio: "8:1+1"`,
  check(iep) {
    const findings: Finding[] = [];
    programs(iep, 'special-class').forEach(({ service, index }) => {
      const problem = service.ratio === undefined ? undefined : ratioProblem(service.ratio, { variance: hasVariance(service) });
      if (problem) findings.push({ path: ['services', 'specialEducation', index, 'ratio'], message: `services.specialEducation[${index}].ratio ${problem}` });
    });
    return findings;
  },
};

export const nySpecialClassRatioListed: Rule = {
  code: 'ny-special-class-ratio-unlisted',
  severity: 'error',
  profiles: NY_ONLY,
  title: 'Special classes are those New York provides',
  checks:
    'A special class is one of those of 8 NYCRR 200.6(h)(4): 15:1; 12:1+1, 8:1+1 or 6:1+1 (one or more supplementary staff, so +2 is also accepted); 12:1+(3:1); and 12:1 only for a middle or secondary school student (grade 6 and up, or 12 or older on the implementation date). Any other ratio, e.g. 9:1 or 10:1+1, is reported unless `ratioVariance` records the variance that allows it and why.',
  citation: '8 NYCRR 200.6(h)(4)',
  hint: 'recommend one of 15:1, 12:1+1, 8:1+1, 6:1+1, 12:1+(3:1) (12:1 in middle and secondary school), or record the variance in `ratioVariance`',
  example: `services:
  specialEducation:
    - program: special-class
      ratio: "12:1+1"`,
  check(iep) {
    const middleOrSecondary = isMiddleOrSecondary(iep);
    const findings: Finding[] = [];
    programs(iep, 'special-class').forEach(({ service, index }) => {
      const problem = service.ratio === undefined || hasVariance(service) ? undefined : unlistedRatioProblem(service.ratio, middleOrSecondary);
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

type Entry = { service: ProgramService; index: number };

/** The weekly minutes of `entries`, and those whose schedule gives no amount ("as-needed"...) and were not counted. */
function weeklyTotal(entries: readonly Entry[], schoolDayMinutes: number): { minutes: number; uncounted: string } {
  const minutes = entries.reduce((sum, { service }) => sum + (minutesPerWeek(service, schoolDayMinutes) ?? 0), 0);
  const uncounted = entries.filter(({ service }) => minutesPerWeek(service, schoolDayMinutes) === undefined).map(({ index }) => `services.specialEducation[${index}]`);
  return { minutes, uncounted: uncounted.length > 0 ? ` (${uncounted.join(', ')} state no amount and were not counted)` : '' };
}

const SCHEDULE_CONVERSION =
  'Schedules are converted to minutes a week: per day x 5, per month / 3.6, per year / 36, a class period = 40 minutes, a full day = the school day; "as-needed" counts as nothing.';

const consultantTeacher = (iep: Iep) => [...programs(iep, 'consultant-teacher-direct'), ...programs(iep, 'consultant-teacher-indirect')];

export const nyConsultantTeacherTime: Rule = {
  code: 'ny-consultant-teacher-too-little-time',
  severity: 'error',
  profiles: NY_ONLY,
  title: 'Consultant teacher services are at least 2 hours a week (3 with resource room)',
  checks: `Direct and indirect consultant teacher services add up to at least 120 minutes a week; a student who also has resource room gets at least 180 minutes a week of the two combined. ${SCHEDULE_CONVERSION}`,
  citation: '8 NYCRR 200.6(d)',
  hint: 'recommend at least 2 hours a week of consultant teacher services (3 hours with resource room), e.g. frequency: { times: 3, per: week } and duration: { minutes: 40 }',
  example: `services:
  specialEducation:
    - program: consultant-teacher-direct
      subject: Mathematics
      frequency: { times: 3, per: week }
      duration: { minutes: 40 }`,
  check(iep, ctx) {
    const consultant = consultantTeacher(iep);
    if (consultant.length === 0) return [];
    const rooms = programs(iep, 'resource-room');
    const minimum = rooms.length > 0 ? MIN_RESOURCE_ROOM_MINUTES_PER_WEEK : MIN_CONSULTANT_TEACHER_MINUTES_PER_WEEK;
    const { minutes, uncounted } = weeklyTotal([...consultant, ...rooms], ctx.schoolDayMinutes);
    if (minutes >= minimum) return [];
    const what = rooms.length > 0 ? 'consultant teacher and resource room services add' : 'consultant teacher services add';
    const required = rooms.length > 0 ? `at least 3 hours (${minimum} minutes) of the two combined` : `at least 2 hours (${minimum} minutes)`;
    return [
      {
        path: ['services', 'specialEducation', consultant[0]!.index, 'frequency'],
        message: `${what} up to ${Math.round(minutes)} minutes a week; New York requires ${required}${uncounted}`,
      },
    ];
  },
};

export const nyResourceRoomTime: Rule = {
  code: 'ny-resource-room-too-little-time',
  severity: 'error',
  profiles: NY_ONLY,
  title: 'Resource room is at least 3 hours a week',
  checks: `The resource room services add up to at least 180 minutes a week. With consultant teacher services too, the 3 hours may be the two combined, which \`ny-consultant-teacher-too-little-time\` checks. ${SCHEDULE_CONVERSION}`,
  citation: '8 NYCRR 200.6(f)',
  hint: 'recommend at least 3 hours a week, e.g. frequency: { times: 5, per: week } and duration: { minutes: 45 }',
  example: `services:
  specialEducation:
    - program: resource-room
      groupSize: 5
      frequency: { times: 5, per: week }
      duration: { minutes: 45 }`,
  check(iep, ctx) {
    const rooms = programs(iep, 'resource-room');
    if (rooms.length === 0 || consultantTeacher(iep).length > 0) return [];
    const { minutes, uncounted } = weeklyTotal(rooms, ctx.schoolDayMinutes);
    if (minutes >= MIN_RESOURCE_ROOM_MINUTES_PER_WEEK) return [];
    return [
      {
        path: ['services', 'specialEducation', rooms[0]!.index, 'frequency'],
        message: `resource room services add up to ${Math.round(minutes)} minutes a week; New York requires at least 3 hours (${MIN_RESOURCE_ROOM_MINUTES_PER_WEEK} minutes)${uncounted}`,
      },
    ];
  },
};

export const nyResourceRoomMaxTime: Rule = {
  code: 'ny-resource-room-too-much-time',
  severity: 'error',
  profiles: NY_ONLY,
  title: 'Resource room is not more than half the school day',
  checks: `The resource room services add up to no more than half the school week: half the school day x 5. The school day is a profile setting of 300 minutes (5 hours) unless the caller gives the district's own (\`schoolDayMinutes\`), so the limit is 750 minutes a week by default. ${SCHEDULE_CONVERSION}`,
  citation: '8 NYCRR 200.6(f)',
  hint: 'a student who needs more than half the day outside the general education class needs another program, e.g. a special class',
  example: `services:
  specialEducation:
    - program: resource-room
      groupSize: 5
      frequency: { times: 1, per: day }
      duration: { minutes: 45 }`,
  check(iep, ctx) {
    const rooms = programs(iep, 'resource-room');
    if (rooms.length === 0) return [];
    const { minutes } = weeklyTotal(rooms, ctx.schoolDayMinutes);
    const limit = MAX_RESOURCE_ROOM_SHARE_OF_DAY * ctx.schoolDayMinutes * SCHOOL_DAYS_PER_WEEK;
    if (minutes <= limit) return [];
    return [
      {
        path: ['services', 'specialEducation', rooms[0]!.index, 'frequency'],
        message: `resource room services add up to ${Math.round(minutes)} minutes a week, more than half the school day (${limit} minutes a week for a ${ctx.schoolDayMinutes}-minute day)`,
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
  nySpecialClassRatioListed,
  nyIctCountStated,
  nyIctClassSize,
  nyConsultantTeacherTime,
  nyResourceRoomTime,
  nyResourceRoomMaxTime,
  nyResourceRoomGroup,
  nyResourceRoomGroupStated,
];
