/**
 * What changed between two versions of one student's IEP (issue 20): `iep diff` prints these, the `changes` letter
 * explains them to the family. A change is stated in the terms a case manager uses (a service's frequency, a goal
 * added, an accommodation ended, the placement), located by JSON path in both records.
 */
import type { JsonPath } from '../model/diagnostic.js';

export type ChangeKind = 'added' | 'removed' | 'changed';

/**
 * The part of the IEP a change is about. Lists are matched item by item (a goal by its id, a service by what it is),
 * so "speech therapy moved from 1 to 2 times a week" is one `service` change, not a removed and an added entry.
 */
export type ChangeSubject =
  | 'service'
  | 'goal'
  | 'accommodation'
  | 'testing-accommodation'
  | 'placement'
  | 'transition'
  | 'participation'
  | 'team'
  | 'present-levels'
  | 'dates'
  | 'field';

export interface IepChange {
  kind: ChangeKind;
  subject: ChangeSubject;
  /** Where in the new record (for `removed`: where it was in the old one). */
  path: JsonPath;
  /** Where in the old record, when it is there and differs from `path` (an item that moved in its list). */
  oldPath?: JsonPath;
  /** The item's name as a case manager says it, in English: "Speech-language therapy", "Goal reading-fluency". */
  item: string;
  /**
   * Which of its properties changed, for `changed`: "frequency", "duration", "location", "criteria"...; for a change
   * only in a translation, the language; empty for an item of a list of texts (a need) whose English was reworded.
   */
  fields?: string[];
  /** One line in English: "Speech-language therapy: frequency 1 -> 2 times a week". */
  summary: string;
  /** The old and new values of what changed (JSON), for --json readers and the family letter. */
  before?: unknown;
  after?: unknown;
  /** For a change only in a translation (subject `field`): the language whose text changed, e.g. "es". */
  language?: string;
}

/** A service's time before and after: every service of either version, changed or not. */
export interface ServiceMinutes {
  item: string;
  list: string;
  path: JsonPath;
  /** Where the service was in the old record, when it moved in its list. */
  oldPath?: JsonPath;
  /** Minutes per week, or undefined when the schedule gives no amount ("as needed") or the service is absent. */
  before?: number;
  after?: number;
  /** Present in the old / new version. */
  inBefore: boolean;
  inAfter: boolean;
}

export interface IepDiff {
  studentId: string;
  oldVersion: number;
  newVersion: number;
  changes: IepChange[];
  services: ServiceMinutes[];
}
