/**
 * The words for one changed field: "frequency 1 -> 2 times a week", "location Therapy room -> All classes",
 * "criteria changed". Short values are shown before and after; long text is only named.
 */
import type { JsonPath } from '../model/diagnostic.js';
import { humanize } from '../model/humanize.js';
import { LOCATIONS, type Duration, type Frequency } from '../model/iep.js';
import { durationWords, englishLabel, frequencyWords } from './english-labels.js';
import { englishOf } from './english-text.js';
import { shorten } from './service-name.js';

/** Values shorter than this are printed before -> after; longer ones are said to have changed. */
const SHORT = 50;

/** "annualReviewDate" -> "annual review date". */
export function fieldWords(field: string): string {
  return humanize(field).toLowerCase();
}

/** "Present levels, academic, description"; a meeting date is named alone ("Annual review date"). */
export function pathLabel(path: JsonPath): string {
  const keys = path.filter((p): p is string => typeof p === 'string');
  if (keys[0] === 'meeting' && keys.length > 1) return humanize(keys.slice(1).join(' '));
  if (keys.join('.') === 'placement.recommendation') return 'Placement';
  return keys.map((k, i) => (i === 0 ? humanize(k) : fieldWords(k))).join(', ');
}

/** A value as a short English phrase, or undefined when it is too long or not a simple value. */
export function shortValue(field: string, value: unknown): string | undefined {
  if (value === undefined) return 'none';
  if (field === 'frequency') return frequencyWords(value as Frequency);
  if (field === 'duration') return durationWords(value as Duration);
  if (field === 'location' && typeof value === 'string' && (LOCATIONS as readonly string[]).includes(value)) return englishLabel('location', value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  const text = englishOf(value);
  if (text !== undefined) return text.length <= SHORT ? (/\s/.test(text) ? `"${text}"` : text) : undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    const joined = value.length === 0 ? 'none' : value.join(', ');
    return joined.length <= SHORT ? joined : undefined;
  }
  return undefined;
}

/**
 * "frequency 1 -> 2 times a week", "duration 30 -> 45 minutes", "group size 3 -> 2", "criteria changed",
 * "location note added".
 */
export function changeWords(field: string, before: unknown, after: unknown): string {
  const label = fieldWords(field);
  if (before === undefined) return `${label} added${quoted(field, after)}`;
  if (after === undefined) return `${label} removed`;
  const compact = compactCount(field, before, after);
  if (compact) return `${label} ${compact}`;
  const a = shortValue(field, before);
  const b = shortValue(field, after);
  return a !== undefined && b !== undefined ? `${label} ${a} -> ${b}` : `${label} changed`;
}

function quoted(field: string, value: unknown): string {
  const short = shortValue(field, value);
  return short !== undefined ? `: ${short}` : '';
}

/** "1 -> 2 times a week" when only the count changed; "30 -> 45 minutes". */
function compactCount(field: string, before: unknown, after: unknown): string | undefined {
  if (field === 'frequency' && typeof before === 'object' && typeof after === 'object') {
    const [a, b] = [before as { times: number; per: string }, after as { times: number; per: string }];
    if (a.per === b.per) return `${a.times} -> ${b.times} times a ${b.per}`;
  }
  if (field === 'duration' && typeof before === 'object' && typeof after === 'object') {
    return `${(before as { minutes: number }).minutes} -> ${(after as { minutes: number }).minutes} minutes`;
  }
  return undefined;
}

/** "Annual review date changed: 2027-03-11 -> 2027-04-01", "Placement changed: "..." -> "..."": a field outside any list item. */
export function fieldLine(path: JsonPath, before: unknown, after: unknown): string {
  const label = pathLabel(path);
  const field = String([...path].reverse().find((p) => typeof p === 'string') ?? '');
  if (before === undefined) return `${label} added${quoted(field, after)}`;
  if (after === undefined) return `${label} removed${quoted(field, before)}`;
  const compact = compactCount(field, before, after);
  if (compact) return `${label} changed: ${compact}`;
  const a = shortValue(field, before);
  const b = shortValue(field, after);
  if (a !== undefined && b !== undefined) return `${label} changed: ${a} -> ${b}`;
  const [ta, tb] = [englishOf(before), englishOf(after)];
  if (ta === undefined || tb === undefined) return `${label} changed`;
  const part = changedPart(ta, tb);
  return `${label} changed: "${part.before}" -> "${part.after}"`;
}

/**
 * The words that differ between two texts, with a few words around them: "...feels overwhelmed." ->
 * "...feels overwhelmed, with a peer.", so a one-line summary shows the edit and not only the start of the text.
 */
export function changedPart(before: string, after: string, max = 70): { before: string; after: string } {
  const [a, b] = [before.replace(/\s+/g, ' ').trim(), after.replace(/\s+/g, ' ').trim()];
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  // Whole words only: move the cuts back to the spaces before and after the edit.
  while (head > 0 && a[head - 1] !== ' ') head--;
  while (tail > 0 && a[a.length - tail] !== ' ') tail--;
  const before2 = head > 0 ? a.slice(0, head).trim().split(' ') : [];
  const after2 = tail > 0 ? a.slice(a.length - tail).trim().split(' ') : [];
  const lead = before2.length === 0 ? '' : `${before2.length > 2 ? '...' : ''}${before2.slice(-2).join(' ')} `;
  const trail = after2.length === 0 ? '' : ` ${after2.slice(0, 2).join(' ')}${after2.length > 2 ? '...' : ''}`;
  const show = (text: string, from: number, to: number) => `${lead}${shorten(text.slice(from, to).trim(), max)}${trail}`;
  return { before: show(a, head, a.length - tail), after: show(b, head, b.length - tail) };
}
