import { describe, expect, it } from 'vitest';
import { checkCompliance } from '../../src/rules/check-compliance.js';
import { minutesPerWeek } from '../../src/model/minutes-per-week.js';
import { bundledProfile } from '../helpers/profile-in.js';
import { isMiddleOrSecondary, parseRatio, ratioProblem, unlistedRatioProblem } from '../../src/rules/ny-programs.js';
import type { Iep, ProgramService } from '../../src/model/iep.js';
import { fails, minimal, passes, SERVICE_DATES } from './helpers.js';

function withProgram(service: Partial<ProgramService> & Pick<ProgramService, 'program'>): Iep {
  const iep = minimal();
  iep.services.specialEducation = [
    { frequency: { times: 5, per: 'week' }, duration: { minutes: 45 }, location: 'special-education-classroom', ...SERVICE_DATES, ...service },
  ];
  return iep;
}

describe('ny-special-class-ratio-missing', () => {
  it('passes a special class with a ratio', () => {
    passes('ny-special-class-ratio-missing', withProgram({ program: 'special-class', ratio: '12:1+1' }));
  });

  it('fails a special class without a ratio in New York only', () => {
    const iep = withProgram({ program: 'special-class' });
    fails('ny-special-class-ratio-missing', iep, { path: 'services.specialEducation[0].ratio', source: '8 NYCRR 200.6(h)(4)' });
    passes('ny-special-class-ratio-missing', iep, 'federal');
  });
});

describe('ny-special-class-ratio-invalid', () => {
  it.each(['15:1', '12:1', '12:1+1', '12:1+4', '8:1+1', '6:1+1', '12:1+(3:1)'])('passes %s', (ratio) => {
    passes('ny-special-class-ratio-invalid', withProgram({ program: 'special-class', ratio }));
  });

  it.each([
    ['16:1', /at most 15/],
    ['12:2', /2 teachers/],
    ['15:1+(3:1)', /at most 12/],
    ['12:1+(1:3)', /students-to-staff/],
    ['12:1+0', /no supplementary staff/],
  ])('fails %s', (ratio, message) => {
    fails('ny-special-class-ratio-invalid', withProgram({ program: 'special-class', ratio }), {
      path: 'services.specialEducation[0].ratio',
      source: '8 NYCRR 200.6(h)(4)',
      message,
    });
  });

  it('reads ratios', () => {
    expect(parseRatio('12:1+(3:1)')).toEqual({ students: 12, teachers: 1, staffRatio: { students: 3, staff: 1 } });
    expect(parseRatio('8:1+1')).toEqual({ students: 8, teachers: 1, staff: 1 });
    expect(parseRatio('twelve to one')).toBeUndefined();
    expect(ratioProblem('twelve to one')).toMatch(/not written as a class ratio/);
  });
});

describe('ny-ict-count-missing', () => {
  it('passes integrated co-teaching with the count', () => {
    passes('ny-ict-count-missing', withProgram({ program: 'integrated-co-teaching', studentsWithDisabilities: 10, location: 'general-education-classroom' }));
  });

  it('fails integrated co-teaching without studentsWithDisabilities', () => {
    fails('ny-ict-count-missing', withProgram({ program: 'integrated-co-teaching', location: 'general-education-classroom' }), {
      path: 'services.specialEducation[0].studentsWithDisabilities',
      source: '8 NYCRR 200.6(g)',
    });
  });
});

describe('ny-ict-too-many-students', () => {
  it('passes 12 students with disabilities', () => {
    passes('ny-ict-too-many-students', withProgram({ program: 'integrated-co-teaching', studentsWithDisabilities: 12 }));
  });

  it('fails 13', () => {
    const iep = withProgram({ program: 'integrated-co-teaching', studentsWithDisabilities: 13 });
    fails('ny-ict-too-many-students', iep, { path: 'services.specialEducation[0].studentsWithDisabilities', source: '8 NYCRR 200.6(g)(1)' });
    passes('ny-ict-too-many-students', iep, 'federal');
  });
});

describe('ny-resource-room-too-little-time', () => {
  it('passes 5 x 45 minutes a week (the minimal fixture) and 1 x 40 minutes a day', () => {
    passes('ny-resource-room-too-little-time', minimal());
    passes('ny-resource-room-too-little-time', withProgram({ program: 'resource-room', groupSize: 5, frequency: { times: 1, per: 'day' }, duration: { minutes: 40 } }));
  });

  it('passes exactly 3 hours, and resource room combined with consultant teacher services', () => {
    passes('ny-resource-room-too-little-time', withProgram({ program: 'resource-room', groupSize: 5, frequency: { times: 4, per: 'week' }, duration: { minutes: 45 } }));
    const iep = withProgram({ program: 'resource-room', groupSize: 5, frequency: { times: 2, per: 'week' }, duration: { minutes: 45 } });
    iep.services.specialEducation.push({ program: 'consultant-teacher-direct', frequency: { times: 2, per: 'week' }, duration: { minutes: 45 }, location: 'general-education-classroom', ...SERVICE_DATES });
    passes('ny-resource-room-too-little-time', iep);
  });

  it('fails 2 x 45 minutes a week', () => {
    const iep = withProgram({ program: 'resource-room', groupSize: 5, frequency: { times: 2, per: 'week' }, duration: { minutes: 45 } });
    fails('ny-resource-room-too-little-time', iep, { path: 'services.specialEducation[0].frequency', source: '8 NYCRR 200.6(f)', message: /90 minutes/ });
    passes('ny-resource-room-too-little-time', iep, 'federal');
  });

  it('fails "as-needed" resource room and says it was not counted', () => {
    fails('ny-resource-room-too-little-time', withProgram({ program: 'resource-room', groupSize: 3, frequency: 'as-needed' }), {
      path: 'services.specialEducation[0].frequency',
      source: '8 NYCRR 200.6(f)',
      message: /not counted/,
    });
  });

  it('converts schedules to minutes a week', () => {
    expect(minutesPerWeek({ frequency: { times: 1, per: 'day' }, duration: { minutes: 40 } })).toBe(200);
    expect(minutesPerWeek({ frequency: { times: 36, per: 'year' }, duration: { minutes: 60 } })).toBe(60);
    expect(minutesPerWeek({ frequency: { times: 5, per: 'week' }, duration: 'class-period' })).toBe(200);
    expect(minutesPerWeek({ frequency: 'as-needed', duration: { minutes: 30 } })).toBeUndefined();
  });
});

describe('ny-resource-room-group-too-large', () => {
  it('passes a group of 5', () => {
    passes('ny-resource-room-group-too-large', minimal());
  });

  it('fails a group of 6', () => {
    const iep = minimal();
    iep.services.specialEducation[0]!.groupSize = 6;
    fails('ny-resource-room-group-too-large', iep, { path: 'services.specialEducation[0].groupSize', source: '8 NYCRR 200.6(f)' });
  });
});

describe('ny-resource-room-group-unstated', () => {
  it('passes when the group size is stated', () => {
    passes('ny-resource-room-group-unstated', minimal());
  });

  it('warns when it is not', () => {
    const iep = minimal();
    delete iep.services.specialEducation[0]!.groupSize;
    fails('ny-resource-room-group-unstated', iep, { path: 'services.specialEducation[0].groupSize', source: '8 NYCRR 200.6(f)', severity: 'warning' });
  });
});

describe('ny-special-class-ratio-unlisted', () => {
  it.each(['15:1', '12:1+1', '12:1+2', '8:1+1', '6:1+1', '12:1+(3:1)'])('passes %s in elementary school', (ratio) => {
    passes('ny-special-class-ratio-unlisted', withProgram({ program: 'special-class', ratio }));
  });

  it('passes 12:1 in middle school: grade 6 and up, or an ungraded student of 12', () => {
    const grade7 = withProgram({ program: 'special-class', ratio: '12:1' });
    grade7.student.grade = '7';
    passes('ny-special-class-ratio-unlisted', grade7);
    const ungraded = withProgram({ program: 'special-class', ratio: '12:1' });
    ungraded.student.grade = 'ungraded';
    ungraded.student.dateOfBirth = '2014-09-09'; // 12 on the implementation date, 2026-09-09
    passes('ny-special-class-ratio-unlisted', ungraded);
    expect(isMiddleOrSecondary(ungraded)).toBe(true);
    ungraded.student.dateOfBirth = '2014-09-10';
    expect(isMiddleOrSecondary(ungraded)).toBe(false);
  });

  it('fails 12:1 in elementary school (grade 3)', () => {
    fails('ny-special-class-ratio-unlisted', withProgram({ program: 'special-class', ratio: '12:1' }), {
      path: 'services.specialEducation[0].ratio',
      source: '8 NYCRR 200.6(h)(4)',
      message: /only in middle and secondary school/,
    });
  });

  it.each(['9:1', '10:1+1', '15:1+1', '12:1+(4:1)', '6:1'])('fails %s in New York only', (ratio) => {
    const iep = withProgram({ program: 'special-class', ratio });
    fails('ny-special-class-ratio-unlisted', iep, { path: 'services.specialEducation[0].ratio', source: '8 NYCRR 200.6(h)(4)', message: /not one of the special classes/ });
    passes('ny-special-class-ratio-unlisted', iep, 'federal');
  });

  it('passes a ratio that is not listed when a variance says why, but not a placeholder variance', () => {
    const iep = withProgram({ program: 'special-class', ratio: '9:1', ratioVariance: 'Approved program variance: a class of 9 with one teacher, approved by NYSED on 2026-06-01.' });
    passes('ny-special-class-ratio-unlisted', iep);
    iep.services.specialEducation[0]!.ratioVariance = 'N/A';
    fails('ny-special-class-ratio-unlisted', iep, { path: 'services.specialEducation[0].ratio', source: '8 NYCRR 200.6(h)(4)' });
  });

  it('leaves ratios written wrongly or over the size limit to ny-special-class-ratio-invalid, so each is reported once', () => {
    expect(unlistedRatioProblem('16:1', false)).toBeUndefined();
    expect(unlistedRatioProblem('12:2', false)).toBeUndefined();
    passes('ny-special-class-ratio-unlisted', withProgram({ program: 'special-class', ratio: '16:1' }));
  });
});

describe('ny-special-class-ratio-invalid with a variance', () => {
  it('passes a class over the size limit when the variance is recorded, and still fails a ratio written wrongly', () => {
    const variance = 'Class size variance of 20 percent under 8 NYCRR 200.6(h)(6), notice given on 2026-09-15.';
    const iep = withProgram({ program: 'special-class', ratio: '18:1', ratioVariance: variance });
    iep.student.grade = '8';
    passes('ny-special-class-ratio-invalid', iep);
    passes('ny-special-class-ratio-unlisted', iep);
    fails('ny-special-class-ratio-invalid', withProgram({ program: 'special-class', ratio: '12:2', ratioVariance: variance }), {
      path: 'services.specialEducation[0].ratio',
      source: '8 NYCRR 200.6(h)(4)',
      message: /2 teachers/,
    });
  });
});

/** A student with consultant teacher services (and resource room, when given) of these schedules. */
function withConsultantTeacher(consultant: Pick<ProgramService, 'frequency' | 'duration'>, resourceRoom?: Pick<ProgramService, 'frequency' | 'duration'>): Iep {
  const iep = minimal();
  iep.services.specialEducation = [
    { program: 'consultant-teacher-direct', subject: 'Mathematics', location: 'general-education-classroom', ...SERVICE_DATES, ...consultant },
    ...(resourceRoom ? [{ program: 'resource-room' as const, groupSize: 5, location: 'separate-location' as const, ...SERVICE_DATES, ...resourceRoom }] : []),
  ];
  return iep;
}

describe('ny-consultant-teacher-too-little-time', () => {
  it('passes 3 x 40 minutes a week (2 hours), and consultant teacher with resource room adding up to 3 hours', () => {
    passes('ny-consultant-teacher-too-little-time', withConsultantTeacher({ frequency: { times: 3, per: 'week' }, duration: { minutes: 40 } }));
    const combined = withConsultantTeacher({ frequency: { times: 2, per: 'week' }, duration: { minutes: 45 } }, { frequency: { times: 2, per: 'week' }, duration: { minutes: 45 } });
    passes('ny-consultant-teacher-too-little-time', combined);
    passes('ny-consultant-teacher-too-little-time', minimal());
  });

  it('fails 2 x 30 minutes a week in New York only', () => {
    const iep = withConsultantTeacher({ frequency: { times: 2, per: 'week' }, duration: { minutes: 30 } });
    fails('ny-consultant-teacher-too-little-time', iep, {
      path: 'services.specialEducation[0].frequency',
      source: '8 NYCRR 200.6(d)',
      message: /60 minutes a week; New York requires at least 2 hours/,
    });
    passes('ny-consultant-teacher-too-little-time', iep, 'federal');
  });

  it('fails consultant teacher and resource room adding up to less than 3 hours, reported once (not also as resource room time)', () => {
    const iep = withConsultantTeacher({ frequency: { times: 3, per: 'week' }, duration: { minutes: 40 } }, { frequency: { times: 1, per: 'week' }, duration: { minutes: 45 } });
    fails('ny-consultant-teacher-too-little-time', iep, {
      path: 'services.specialEducation[0].frequency',
      source: '8 NYCRR 200.6(d)',
      message: /165 minutes a week; New York requires at least 3 hours \(180 minutes\) of the two combined/,
    });
    passes('ny-resource-room-too-little-time', iep);
  });
});

describe('ny-resource-room-too-much-time', () => {
  it('passes the minimal fixture (5 x 45 minutes) and exactly half a 300-minute day', () => {
    passes('ny-resource-room-too-much-time', minimal());
    passes('ny-resource-room-too-much-time', withProgram({ program: 'resource-room', groupSize: 5, frequency: { times: 1, per: 'day' }, duration: { minutes: 150 } }));
  });

  it('fails a full day of resource room, in New York only', () => {
    const iep = withProgram({ program: 'resource-room', groupSize: 5, frequency: { times: 5, per: 'week' }, duration: 'full-day' });
    fails('ny-resource-room-too-much-time', iep, { path: 'services.specialEducation[0].frequency', source: '8 NYCRR 200.6(f)', message: /1500 minutes a week, more than half the school day \(750/ });
    passes('ny-resource-room-too-much-time', iep, 'federal');
  });

  it('reads the school day from the caller when given (the profile setting of 300 minutes otherwise)', () => {
    const iep = withProgram({ program: 'resource-room', groupSize: 5, frequency: { times: 1, per: 'day' }, duration: { minutes: 150 } });
    const found = checkCompliance(iep, { schoolDayMinutes: 280 }).filter((d) => d.code === 'ny-resource-room-too-much-time');
    expect(found.map((d) => d.message)).toEqual([expect.stringMatching(/700 minutes a week for a 280-minute day/)]);
    expect(bundledProfile('ny').settings.schoolDayMinutes).toBe(300);
    expect(() => checkCompliance(iep, { schoolDayMinutes: 0 })).toThrow(/schoolDayMinutes/);
  });
});
