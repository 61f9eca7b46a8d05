/**
 * Converting a service's schedule to minutes per week, for the New York time limits (consultant teacher, resource
 * room) and for telling whether a special class fills the whole school day. A school year is taken as 36 weeks
 * over 10 months (180 days) and a class period as 40 minutes; "as-needed" and counts that cannot be converted give
 * no minutes.
 */
import type { Duration, Frequency, ProgramService } from './iep.js';

export const SCHOOL_DAYS_PER_WEEK = 5;
export const SCHOOL_WEEKS_PER_YEAR = 36;
export const SCHOOL_WEEKS_PER_MONTH = 3.6;
export const CLASS_PERIOD_MINUTES = 40;

/**
 * The length of the school day in minutes when nothing says otherwise: the IEP model has no field for it, and the
 * rules need it for "not more than half the school day" (resource room) and to count a `full-day` service. Each
 * profile states its own (`settings.schoolDayMinutes` of its profile.yaml; 300 in every bundled one, iepkit's
 * documented default, not a figure read from a regulation); a caller with the district's own day passes
 * `schoolDayMinutes` to `checkCompliance`.
 */
export const DEFAULT_SCHOOL_DAY_MINUTES = 300;

function sessionsPerWeek(frequency: Frequency): number | undefined {
  if (typeof frequency === 'object') {
    const per = { day: SCHOOL_DAYS_PER_WEEK, week: 1, month: 1 / SCHOOL_WEEKS_PER_MONTH, year: 1 / SCHOOL_WEEKS_PER_YEAR }[frequency.per];
    return frequency.times * per;
  }
  return frequency === 'throughout-the-day' ? SCHOOL_DAYS_PER_WEEK : undefined;
}

function minutesPerSession(duration: Duration, schoolDayMinutes: number): number | undefined {
  if (typeof duration === 'object') return duration.minutes;
  return duration === 'class-period' ? CLASS_PERIOD_MINUTES : duration === 'full-day' ? schoolDayMinutes : undefined;
}

/** Minutes per week of one service, or undefined when its schedule gives no amount ("as-needed", "each-class"...). */
export function minutesPerWeek(
  service: Pick<ProgramService, 'frequency' | 'duration'>,
  schoolDayMinutes: number = DEFAULT_SCHOOL_DAY_MINUTES,
): number | undefined {
  const sessions = sessionsPerWeek(service.frequency);
  const minutes = minutesPerSession(service.duration, schoolDayMinutes);
  return sessions === undefined || minutes === undefined ? undefined : sessions * minutes;
}
