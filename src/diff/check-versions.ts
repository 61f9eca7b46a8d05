/**
 * Two records can be compared when they are versions of one student's IEP, the older first: `iep diff OLD NEW`,
 * `iep render NEW --redline OLD` and `--layout changes --base OLD` all check this before comparing.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { Iep } from '../model/iep.js';

export interface VersionedRecord {
  iep: Iep;
  file?: string;
}

/** Errors when `older` and `newer` are not the same student, or `newer` is an earlier version than `older`. */
export function checkVersions(older: VersionedRecord, newer: VersionedRecord): Diagnostic[] {
  const a = older.iep;
  const b = newer.iep;
  if (a.student.id !== b.student.id) {
    return [
      {
        code: 'versions-different-student',
        severity: 'error',
        file: newer.file,
        path: 'student.id',
        message: `${newer.file ?? 'the new record'} is student ${b.student.id} and ${older.file ?? 'the earlier one'} is student ${a.student.id}: versions of one IEP are one student's`,
        hint: 'compare two versions of the same student\'s IEP (the same student.id)',
      },
    ];
  }
  if (b.document.version < a.document.version) {
    return [
      {
        code: 'versions-out-of-order',
        severity: 'error',
        file: newer.file,
        path: 'document.version',
        message: `${newer.file ?? 'the new record'} is version ${b.document.version}, earlier than ${older.file ?? 'the record it is compared with'} (version ${a.document.version})`,
        hint: 'give the earlier version first: `iep diff OLD NEW`, `--redline OLD`, `--base OLD`',
      },
    ];
  }
  return [];
}
