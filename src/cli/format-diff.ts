/**
 * `iep diff` as text: the changes grouped by the part of the IEP they are about, each with its JSON path and line,
 * then every service's minutes per week before and after.
 */
import type { ChangeSubject, IepChange, IepDiff, ServiceMinutes } from '../diff/iep-change.js';
import { formatJsonPath, type JsonPath } from '../model/diagnostic.js';

/** The groups in the order a case manager reads an IEP's changes: what the student gets first. */
const SUBJECT_HEADINGS: Record<ChangeSubject, string> = {
  service: 'Services',
  accommodation: 'Accommodations and supports',
  'testing-accommodation': 'Testing accommodations',
  goal: 'Goals',
  placement: 'Placement',
  participation: 'Participation',
  transition: 'Transition',
  'present-levels': 'Present levels',
  team: 'Team',
  dates: 'Dates',
  field: 'Other fields and translations',
};

export interface DiffFiles {
  oldFile: string;
  newFile: string;
  /** Where a path is written in each file, when known. */
  locateOld?: (path: JsonPath) => { line: number } | undefined;
  locateNew?: (path: JsonPath) => { line: number } | undefined;
}

export function formatDiff(diff: IepDiff, files: DiffFiles): string {
  const out: string[] = [];
  const count = diff.changes.length;
  out.push(`Student ${diff.studentId}: version ${diff.oldVersion} (${files.oldFile}) -> version ${diff.newVersion} (${files.newFile})`);
  out.push(count === 0 ? 'No changes.' : `${count} change${count === 1 ? '' : 's'}:`);
  for (const subject of Object.keys(SUBJECT_HEADINGS) as ChangeSubject[]) {
    const group = diff.changes.filter((c) => c.subject === subject);
    if (group.length === 0) continue;
    out.push('', SUBJECT_HEADINGS[subject]);
    for (const change of group) out.push(...changeLines(change, files));
  }
  out.push('', ...minutesTable(diff.services));
  return out.join('\n') + '\n';
}

function changeLines(change: IepChange, files: DiffFiles): string[] {
  const inOld = change.kind === 'removed';
  const at = inOld ? files.locateOld?.(change.path) : files.locateNew?.(change.path);
  const where = `${inOld ? 'was ' : ''}${formatJsonPath(change.path)}${change.oldPath ? ` (was ${formatJsonPath(change.oldPath)})` : ''}${at ? `, ${inOld ? files.oldFile : files.newFile}:${at.line}` : ''}`;
  return [`  ${change.kind.padEnd(8)} ${change.summary}`, `           ${where}`];
}

/** Right-aligned figures, then the service: names are long, numbers short. */
function minutesTable(services: readonly ServiceMinutes[]): string[] {
  const rows = services.map((s) => [cell(s.before, s.inBefore), cell(s.after, s.inAfter), difference(s), s.item]);
  const header = ['Before', 'After', 'Change', 'Service'];
  const widths = [0, 1, 2].map((i) => Math.max(header[i]!.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `  ${r.slice(0, 3).map((c, i) => c.padStart(widths[i]!)).join('  ')}  ${r[3]}`;
  return [
    'Minutes per week',
    line(header),
    ...rows.map(line),
    '  (-: not in that version; not set: the schedule gives no minutes, e.g. as needed or in each class)',
  ];
}

function cell(minutes: number | undefined, present: boolean): string {
  if (!present) return '-';
  return minutes === undefined ? 'not set' : String(Math.round(minutes * 10) / 10);
}

function difference(s: ServiceMinutes): string {
  if (!s.inBefore) return 'new';
  if (!s.inAfter) return 'ended';
  if (s.before === undefined || s.after === undefined || s.before === s.after) return s.before === s.after ? '' : 'changed';
  const delta = Math.round((s.after - s.before) * 10) / 10;
  return delta > 0 ? `+${delta}` : String(delta);
}
