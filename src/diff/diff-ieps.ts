/**
 * What changed between two versions of one student's IEP, field by field (issue 20): `iep diff` prints it and the
 * family letter explains it. Every part of the record is compared by JSON path, except the document's own metadata
 * (version, amendment, status), which says which version this is rather than what the IEP provides. Lists are
 * matched item by item (src/diff/list-rules.ts), so a reordered list is no change and a service whose frequency
 * changed is one `changed` service. Text is compared in English; a change only in a translation is reported apart.
 */
import type { JsonPath } from '../model/diagnostic.js';
import type { Iep } from '../model/iep.js';
import { LANGUAGE_NAMES, isLanguage } from '../model/languages.js';
import { minutesPerWeek } from '../model/minutes-per-week.js';
import { SERVICE_LISTS, type AnyService } from '../model/service-list.js';
import { englishOf, sameInEnglish, sameValue, translationsOf } from './english-text.js';
import { changedPart, changeWords, fieldLine, fieldWords, pathLabel } from './field-words.js';
import type { IepChange, IepDiff, ServiceMinutes } from './iep-change.js';
import { listRules, serviceRules, subjectOf } from './list-rules.js';
import { matchItems } from './match-items.js';
import { minutesWords, serviceName } from './service-name.js';

/** Top-level keys that describe the file, not the plan. */
const NOT_COMPARED = new Set(['$schema', 'schemaVersion', 'document']);

export function diffIeps(older: Iep, newer: Iep): IepDiff {
  const changes: IepChange[] = [];
  const keys = unionKeys(older, newer).filter((key) => !NOT_COMPARED.has(key));
  for (const key of keys) {
    compareNode((older as Record<string, unknown>)[key], (newer as Record<string, unknown>)[key], [key], changes);
  }
  return {
    studentId: newer.student.id,
    oldVersion: older.document.version,
    newVersion: newer.document.version,
    changes,
    services: serviceMinutes(older, newer),
  };
}

/** Every service of either version, with its minutes per week before and after. */
export function serviceMinutes(older: Iep, newer: Iep): ServiceMinutes[] {
  return SERVICE_LISTS.flatMap((list) =>
    matchItems<unknown>(older.services[list], newer.services[list], serviceRules(list)).map((pair) => {
      const service = (pair.new ?? pair.old) as AnyService;
      const index = (pair.newIndex ?? pair.oldIndex)!;
      const row: ServiceMinutes = {
        item: serviceName(list, service),
        list,
        path: ['services', list, index],
        before: pair.old ? minutesPerWeek(pair.old as AnyService) : undefined,
        after: pair.new ? minutesPerWeek(pair.new as AnyService) : undefined,
        inBefore: pair.old !== undefined,
        inAfter: pair.new !== undefined,
      };
      if (pair.old && pair.new && pair.oldIndex !== pair.newIndex) row.oldPath = ['services', list, pair.oldIndex!];
      return row;
    }),
  );
}

function compareNode(a: unknown, b: unknown, path: JsonPath, out: IepChange[]): void {
  if (sameValue(a, b)) return;
  // Lists first, so that even a change only in a translation names the item it is in.
  if (Array.isArray(a) && Array.isArray(b)) {
    compareList(a, b, path, out);
    return;
  }
  if (sameInEnglish(a, b)) {
    translationChanges(a, b, path, pathLabel(path), out);
    return;
  }
  const subject = subjectOf(path);
  if (isRecord(a) && isRecord(b) && englishOf(a) === undefined && englishOf(b) === undefined) {
    for (const key of unionKeys(a, b)) compareNode(a[key], b[key], [...path, key], out);
    return;
  }
  const kind = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
  out.push({
    kind,
    subject,
    path,
    item: pathLabel(path),
    ...(kind === 'changed' ? { fields: [String(path[path.length - 1])] } : {}),
    summary: fieldLine(path, a, b),
    ...(a !== undefined ? { before: a } : {}),
    ...(b !== undefined ? { after: b } : {}),
  });
}

function compareList(older: unknown[], newer: unknown[], path: JsonPath, out: IepChange[]): void {
  const rules = listRules(path);
  const subject = subjectOf(path);
  for (const pair of matchItems(older, newer, rules)) {
    const newPath = pair.newIndex !== undefined ? [...path, pair.newIndex] : undefined;
    const oldPath = pair.oldIndex !== undefined ? [...path, pair.oldIndex] : undefined;
    if (pair.old === undefined) {
      out.push({ kind: 'added', subject, path: newPath!, item: rules.name(pair.new, pair.newIndex!), summary: rules.added(pair.new, pair.newIndex!), after: pair.new });
      continue;
    }
    if (pair.new === undefined) {
      out.push({ kind: 'removed', subject, path: oldPath!, item: rules.name(pair.old, pair.oldIndex!), summary: rules.removed(pair.old, pair.oldIndex!), before: pair.old });
      continue;
    }
    compareItem(pair.old, pair.new, newPath!, oldPath!, rules.name(pair.new, pair.newIndex!), out);
  }
}

/** One matched item: a `changed` change naming its changed fields, and any change only in a translation. */
function compareItem(a: unknown, b: unknown, path: JsonPath, oldPath: JsonPath, item: string, out: IepChange[]): void {
  if (sameValue(a, b)) return;
  const subject = subjectOf(path);
  const moved = oldPath[oldPath.length - 1] !== path[path.length - 1] ? { oldPath } : {};
  if (!isRecord(a) || !isRecord(b) || englishOf(a) !== undefined || englishOf(b) !== undefined) {
    // An item of a list of texts or values: the same text with a new translation, or a text reworded.
    if (sameInEnglish(a, b)) translationChanges(a, b, path, item, out);
    else out.push({ kind: 'changed', subject, path, ...moved, item, fields: [], summary: rewordedLine(item, a, b), before: a, after: b });
    return;
  }
  const fields: string[] = [];
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of unionKeys(a, b)) {
    if (sameValue(a[key], b[key])) continue;
    if (sameInEnglish(a[key], b[key])) {
      translationChanges(a[key], b[key], [...path, key], `${item}, ${fieldWords(key)}`, out);
      continue;
    }
    fields.push(key);
    if (a[key] !== undefined) before[key] = a[key];
    if (b[key] !== undefined) after[key] = b[key];
  }
  if (fields.length === 0) return;
  const words = fields.map((field) => changeWords(field, a[field], b[field]));
  const minutes = minutesChange(path, a, b);
  if (minutes) {
    // The minutes a week follow the frequency or duration they come from.
    const at = Math.max(fields.indexOf('frequency'), fields.indexOf('duration'));
    if (at >= 0) words[at] = `${words[at]} (${minutes})`;
  }
  out.push({ kind: 'changed', subject, path, ...moved, item, fields, summary: `${item}: ${words.join('; ')}`, before, after });
}

/** "Present levels, social need ...: reworded "...overwhelmed." -> "...overwhelmed, with a peer."". */
function rewordedLine(item: string, a: unknown, b: unknown): string {
  const part = changedPart(englishOf(a) ?? String(a), englishOf(b) ?? String(b));
  return `${item}: reworded "${part.before}" -> "${part.after}"`;
}

/** "30 -> 60 minutes a week" for a service whose weekly minutes changed. */
function minutesChange(path: JsonPath, a: Record<string, unknown>, b: Record<string, unknown>): string | undefined {
  if (path[0] !== 'services' || !('frequency' in a) || !('frequency' in b)) return undefined;
  const before = minutesPerWeek(a as AnyService);
  const after = minutesPerWeek(b as AnyService);
  if (before === after) return undefined;
  if (before === undefined || after === undefined) return `${minutesWords(before)} -> ${minutesWords(after)}`;
  return `${minutesWords(before).replace(/ minutes? a week$/, '')} -> ${minutesWords(after)}`;
}

/**
 * Texts equal in English whose translations differ: one `field` change per text and language, naming the language.
 * The values have the same shape (they are equal in English), so lists pair by index.
 */
function translationChanges(a: unknown, b: unknown, path: JsonPath, where: string, out: IepChange[]): void {
  if (sameValue(a, b)) return;
  if (englishOf(a) !== undefined && englishOf(b) !== undefined) {
    const [ta, tb] = [translationsOf(a), translationsOf(b)];
    for (const lang of unionKeys(ta, tb)) {
      if (ta[lang] === tb[lang]) continue;
      const kind = ta[lang] === undefined ? 'added' : tb[lang] === undefined ? 'removed' : 'changed';
      const language = isLanguage(lang) ? LANGUAGE_NAMES[lang] : lang;
      out.push({
        kind,
        subject: 'field',
        path: [...path, lang],
        item: where,
        language: lang,
        fields: [lang],
        summary: `${language} translation ${kind}: ${where}`,
        ...(ta[lang] !== undefined ? { before: ta[lang] } : {}),
        ...(tb[lang] !== undefined ? { after: tb[lang] } : {}),
      });
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    a.forEach((item, i) => translationChanges(item, b[i], [...path, i], where, out));
    return;
  }
  if (isRecord(a) && isRecord(b)) {
    for (const key of unionKeys(a, b)) translationChanges(a[key], b[key], [...path, key], `${where}, ${fieldWords(key)}`, out);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The keys of the newer value in its order, then those only the older one has. */
function unionKeys(a: unknown, b: unknown): string[] {
  const keys = isRecord(b) ? Object.keys(b) : [];
  for (const key of isRecord(a) ? Object.keys(a) : []) if (!keys.includes(key)) keys.push(key);
  return keys.filter((key) => (isRecord(a) ? a[key] : undefined) !== undefined || (isRecord(b) ? b[key] : undefined) !== undefined);
}
