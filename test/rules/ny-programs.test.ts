import { describe, expect, it } from 'vitest';
import { minutesPerWeek, parseRatio, ratioProblem } from '../../src/rules/ny-programs.js';
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
