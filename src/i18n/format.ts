import type { Duration, Frequency } from '../model/iep.js';
import { isPlaceholder } from '../model/placeholder.js';
import type { Translator } from './translator.js';

/** Intl locale for a copy's language. */
function intlLocale(t: Translator): string {
  return t.lang;
}

// Building an Intl formatter costs far more than using one; a batch formats thousands of dates per language.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const supportsDates = new Map<string, boolean>();

function dateFormat(locale: string): Intl.DateTimeFormat {
  let f = dateFormats.get(locale);
  if (!f) dateFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })));
  return f;
}

/**
 * "2026-09-08" -> "September 8, 2026" / "8 de septiembre de 2026" / "8 سبتمبر 2026", through Intl. Where the
 * platform has no date data for the language (Haitian Creole), Intl would silently print English month names;
 * the locale's own month names and date pattern are used instead.
 */
export function formatDate(iso: string, t: Translator): string {
  // A draft's date still to be written prints as its placeholder (src/model/placeholder.ts).
  if (isPlaceholder(iso)) return iso;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  let supported = supportsDates.get(t.lang);
  if (supported === undefined) supportsDates.set(t.lang, (supported = Intl.DateTimeFormat.supportedLocalesOf([t.lang]).length > 0));
  if (!supported) {
    const month = t.t('common:monthNames').split(',')[m - 1] ?? String(m);
    return t.t('common:dateLong', { day: formatNumber(d, t), month, year: String(y) });
  }
  return dateFormat(intlLocale(t)).format(new Date(Date.UTC(y, m - 1, d)));
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The month of an ISO date, standing alone ("September", "sept.", "سبتمبر"), for progress charts and their trend
 * sentences. Where the platform has no date data for the language (Haitian Creole), the locale's own month names,
 * cut to three letters for `short`.
 */
export function formatMonth(iso: string, t: Translator, width: 'long' | 'short' = 'long'): string {
  const month = Number(iso.slice(5, 7));
  let supported = supportsDates.get(t.lang);
  if (supported === undefined) supportsDates.set(t.lang, (supported = Intl.DateTimeFormat.supportedLocalesOf([t.lang]).length > 0));
  if (!supported) {
    const name = t.t('common:monthNames').split(',')[month - 1] ?? String(month);
    return width === 'short' ? Array.from(name).slice(0, 3).join('') : name;
  }
  const key = `${t.lang}\0${width}`;
  let f = monthFormats.get(key);
  if (!f) monthFormats.set(key, (f = new Intl.DateTimeFormat(intlLocale(t), { month: width, timeZone: 'UTC' })));
  return f.format(new Date(Date.UTC(Number(iso.slice(0, 4)), month - 1, 15)));
}

/** A whole number in the copy's numbering system. */
export function formatNumber(n: number, t: Translator): string {
  if (isPlaceholder(n)) return n as unknown as string;
  const locale = intlLocale(t);
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale)));
  return f.format(n);
}

/** "2 times a week", "once a day", "as needed": plural rules from i18next (Arabic has six forms). */
export function formatFrequency(frequency: Frequency, t: Translator): string {
  if (isPlaceholder(frequency)) return frequency as string;
  if (typeof frequency === 'string') return t.t(`common:frequency.${frequency}`);
  return t.t(`common:frequency.per-${frequency.per}`, { count: frequency.times });
}

/** "30 minutes", "full day". */
export function formatDuration(duration: Duration, t: Translator): string {
  if (isPlaceholder(duration)) return duration as string;
  if (typeof duration === 'string') return t.t(`common:duration.${duration}`);
  return t.t('common:duration.minutes', { count: duration.minutes });
}

/** Whole years between two ISO dates, counting birthdays exactly (a Feb 29 birthday turns on Mar 1). */
export function ageOn(dateOfBirth: string, onDate: string): number {
  // NaN when either date is still to be written: no age can be stated, and every comparison with it is false.
  if (isPlaceholder(dateOfBirth) || isPlaceholder(onDate)) return Number.NaN;
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}
