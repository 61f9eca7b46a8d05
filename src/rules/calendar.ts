/**
 * Calendar arithmetic on YYYY-MM-DD strings, with no time zones: a date in an IEP is a day, not an instant.
 * The schema has already checked that every date is a real calendar date.
 */

export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number;
}

export function parseDate(value: string): CalendarDate {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

export function formatDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 31;
}

/** Negative, zero or positive as `a` is before, the same day as, or after `b`. */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0; // YYYY-MM-DD sorts as text
}

/**
 * The day a person born on `dateOfBirth` turns `age`. Someone born on 29 February turns a year older on
 * 1 March in a common year: they have not reached the age until the day after 28 February.
 */
export function dateTurning(dateOfBirth: string, age: number): string {
  const dob = parseDate(dateOfBirth);
  const year = dob.year + age;
  if (dob.month === 2 && dob.day === 29 && !isLeapYear(year)) return formatDate({ year, month: 3, day: 1 });
  return formatDate({ year, month: dob.month, day: dob.day });
}

/** Age in whole years on `date` (the birthday itself counts). */
export function ageOn(dateOfBirth: string, date: string): number {
  const dob = parseDate(dateOfBirth);
  const on = parseDate(date);
  let age = on.year - dob.year;
  if (compareDates(date, dateTurning(dateOfBirth, age)) < 0) age--;
  return age;
}

/**
 * `months` calendar months after `date`. A day that does not exist in the target month becomes the month's last
 * day (31 January + 1 month = 28 or 29 February; 29 February + 12 months = 28 February), so a deadline is never late.
 */
export function addMonths(date: string, months: number): string {
  const d = parseDate(date);
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatDate({ year, month, day: Math.min(d.day, daysInMonth(year, month)) });
}
