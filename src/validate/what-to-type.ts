/**
 * What to type instead, for the mistakes people make in their first hour of writing an IEP file by hand: a number
 * where text is wanted (`grade: 5`), yes/no where true/false is wanted, a language's name where its code is wanted,
 * a US-style date. Each answer is a hint that shows the line to write, from the value as it is written in the file.
 */
import { languageForName } from '../model/language-by-name.js';

/** The field's own name, for a line to copy: `grade` for student.grade, undefined for a list item. */
export type FieldKey = string | undefined;

/** `grade: "5"`, or just `"5"` in a list. */
const line = (key: FieldKey, value: string) => (key === undefined ? value : `${key}: ${value}`);

/** A number or true/false written where text is wanted: the same characters in quotes. */
export function quoteHint(key: FieldKey, written: string): string {
  const quoted = JSON.stringify(written);
  return `write ${quoted} (in quotes): ${line(key, quoted)}; without quotes YAML reads ${written} as a ${/^(true|false)$/i.test(written) ? 'true/false value' : 'number'}`;
}

const YES = new Set(['yes', 'y', 'true', 'on', 'si', 'sí', 'oui', 'x', '1']);
const NO = new Set(['no', 'n', 'false', 'off', 'non', '0']);

/** Text (or a number) written where true or false is wanted: `yes`, `"true"`, `No`, `1`. */
export function booleanHint(key: FieldKey, data: unknown, written: string | undefined): string {
  const value = String(data).trim().toLowerCase();
  const meant = YES.has(value) ? 'true' : NO.has(value) ? 'false' : undefined;
  if (meant === undefined) return `write true or false, without quotes: ${line(key, 'true')}`;
  const quotedTrueFalse = typeof data === 'string' && (value === 'true' || value === 'false');
  const why = quotedTrueFalse ? `without quotes ("${data}" in quotes is text)` : `(iepkit reads only true and false, not ${written ?? String(data)})`;
  return `write ${meant} ${why}: ${line(key, meant)}`;
}

/** A language's name or a code in the wrong case where a language code is wanted: `did you mean bn?`. */
export function languageHint(key: FieldKey, written: string): string | undefined {
  const codes = languageForName(written);
  if (!codes) return undefined;
  if (codes.length > 1) return `did you mean ${codes.join(' or ')}? write the language's code: ${line(key, codes[0]!)} for Simplified characters, ${codes[1]} for Traditional`;
  return `did you mean ${codes[0]}? write the language's code, not its name: ${line(key, codes[0]!)}`;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar date that exists, as YYYY-MM-DD; undefined for 02/30. */
function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A two-digit year is this century's: school dates and students' birthdays are all after 2000. */
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/**
 * A date written another common way (05/14/2026, 5-14-26, May 14, 2026, 14 May 2026, 2026/5/14, 2026-5-14) as the
 * date it most likely means, and how it was read. Month/day first, as US forms write it; a first number above 12
 * can only be a day.
 */
export function readDate(written: string): { iso: string; readAs: string } | undefined {
  const text = written.trim().replace(/^["']|["']$/g, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (m) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? { iso, readAs: 'year, month, day' } : undefined;
  }
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(text);
  if (m) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), fullYear(m[3]!)];
    const dayFirst = a > 12 && b <= 12;
    const iso = dayFirst ? isoDate(year, b, a) : isoDate(year, a, b);
    return iso ? { iso, readAs: dayFirst ? 'day/month/year' : 'month/day/year' } : undefined;
  }
  const month = (name: string) => MONTHS.findIndex((full) => name.length >= 3 && full.startsWith(name.toLowerCase().replace(/\.$/, ''))) + 1;
  m = /^([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(text);
  if (m && month(m[1]!) > 0) {
    const iso = isoDate(Number(m[3]), month(m[1]!), Number(m[2]));
    return iso ? { iso, readAs: 'month day, year' } : undefined;
  }
  m = /^(\d{1,2})\s+([A-Za-z]+\.?),?\s+(\d{4})$/.exec(text);
  if (m && month(m[2]!) > 0) {
    const iso = isoDate(Number(m[3]), month(m[2]!), Number(m[1]));
    return iso ? { iso, readAs: 'day month year' } : undefined;
  }
  return undefined;
}

/** A date not written YYYY-MM-DD: the line to write, when the date can be read another way. */
export function dateHint(key: FieldKey, written: string): string | undefined {
  const date = readDate(written);
  if (!date) return undefined;
  return `write "${date.iso}": ${line(key, `"${date.iso}"`)} (dates are written year-month-day; ${written.trim()} was read as ${date.readAs})`;
}
