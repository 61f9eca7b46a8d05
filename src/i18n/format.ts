import type { Duration, Frequency } from '../model/iep.js';
import type { Translator } from './translator.js';

/** Intl locale for a copy's language. Haitian Creole has little CLDR data; ICU falls back by itself. */
function intlLocale(t: Translator): string {
  return t.lang;
}

/** "2026-09-08" -> "September 8, 2026" / "8 de septiembre de 2026" / "٨ سبتمبر ٢٠٢٦", through Intl. */
export function formatDate(iso: string, t: Translator, style: 'long' | 'medium' = 'long'): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return new Intl.DateTimeFormat(intlLocale(t), { dateStyle: style, timeZone: 'UTC' }).format(date);
}

/** A whole number in the copy's numbering system. */
export function formatNumber(n: number, t: Translator): string {
  return new Intl.NumberFormat(intlLocale(t)).format(n);
}

/** "2 times a week", "once a day", "as needed": plural rules from i18next (Arabic has six forms). */
export function formatFrequency(frequency: Frequency, t: Translator): string {
  if (typeof frequency === 'string') return t.t(`common:frequency.${frequency}`);
  return t.t(`common:frequency.per-${frequency.per}`, { count: frequency.times });
}

/** "30 minutes", "full day". */
export function formatDuration(duration: Duration, t: Translator): string {
  if (typeof duration === 'string') return t.t(`common:duration.${duration}`);
  return t.t('common:duration.minutes', { count: duration.minutes });
}

/** Whole years between two ISO dates, counting birthdays exactly (a Feb 29 birthday turns on Mar 1). */
export function ageOn(dateOfBirth: string, onDate: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}
