/**
 * How each list of the record is matched and named: what makes two items the same (a goal's id, a service's kind and
 * subject, an accommodation's English), when two different items may be one reworded, and what a case manager calls
 * an item and says when it starts or ends.
 */
import type { JsonPath } from '../model/diagnostic.js';
import { humanize, singular } from '../model/humanize.js';
import type { Accommodation, Goal, ProgramService, RelatedService, TeamMember } from '../model/iep.js';
import { SERVICE_LISTS, type AnyService, type ServiceList } from '../model/service-list.js';
import { englishLabel } from './english-labels.js';
import { englishOf } from './english-text.js';
import type { ChangeSubject } from './iep-change.js';
import { fieldSimilarity, textSimilarity, type MatchRules } from './match-items.js';
import { scheduleWords, serviceKindName, serviceName, shorten } from './service-name.js';

export interface ListRules extends MatchRules<unknown> {
  /** The item's name in English: "Speech-language therapy (group of 3)", "Goal reading-fluency". */
  name: (item: unknown, index: number) => string;
  /** The line for an item only the newer version has. */
  added: (item: unknown, index: number) => string;
  /** The line for an item only the older version has. */
  removed: (item: unknown, index: number) => string;
}

/** The part of the IEP a path is in. */
export function subjectOf(path: JsonPath): ChangeSubject {
  const [top, list] = path;
  if (top === 'services') return list === 'supplementaryAids' ? 'accommodation' : 'service';
  const subjects: Record<string, ChangeSubject> = {
    goals: 'goal',
    testingAccommodations: 'testing-accommodation',
    placement: 'placement',
    transition: 'transition',
    nondisabledParticipation: 'participation',
    assessments: 'participation',
    physicalEducation: 'participation',
    team: 'team',
    presentLevels: 'present-levels',
    meeting: 'dates',
  };
  return subjects[String(top)] ?? 'field';
}

/** The matching and naming of the list at `path` (indexes in the path are ignored). */
export function listRules(path: JsonPath): ListRules {
  const [top, second] = path;
  if (top === 'services' && (SERVICE_LISTS as readonly unknown[]).includes(second)) return serviceRules(second as ServiceList);
  if (top === 'goals' && path.length === 1) return GOAL_RULES;
  if (top === 'testingAccommodations' && path.length === 1) return TESTING_RULES;
  if (top === 'team' && path.length === 1) return TEAM_RULES;
  return genericRules(path);
}

export function serviceRules(list: ServiceList): ListRules {
  const described = list === 'supplementaryAids' || list === 'assistiveTechnology' || list === 'schoolPersonnelSupports';
  const name = (item: unknown) => serviceName(list, item as AnyService);
  if (described) {
    const text = (item: unknown) => englishOf((item as Accommodation).description) ?? '';
    return {
      key: text,
      // A support reworded is still that support when most of its words are the same.
      canPair: (a, b) => textSimilarity(text(a), text(b)) >= 0.6,
      similarity: (a, b) => textSimilarity(text(a), text(b)),
      threshold: 0.6,
      name,
      added: (item) => `${serviceKindName(list, item as AnyService)} started: ${shorten(text(item))}`,
      removed: (item) => `${serviceKindName(list, item as AnyService)} ended: ${shorten(text(item))}`,
    };
  }
  // A program by program and subject, a related service by service and description; a changed subject or description
  // is still the same program or service when its other fields are mostly the same.
  const kind = (item: unknown) =>
    list === 'specialEducation' ? (item as ProgramService).program : (item as RelatedService).service;
  const detail = (item: unknown) =>
    englishOf(list === 'specialEducation' ? (item as ProgramService).subject : (item as RelatedService).description) ?? '';
  return {
    key: (item) => `${kind(item)}\u0000${detail(item)}`,
    canPair: (a, b) => kind(a) === kind(b),
    threshold: 0.5,
    name,
    added: (item) => `${name(item)} added: ${scheduleWords(item as AnyService)}`,
    removed: (item) => `${name(item)} ended (was ${scheduleWords(item as AnyService)})`,
  };
}

const areaWords = (goal: Goal) => englishLabel('goalArea', goal.area).toLowerCase();

/** Goals are the same goal by id only: a new id is a new goal. */
const GOAL_RULES: ListRules = {
  key: (item) => (item as Goal).id,
  name: (item) => `Goal ${(item as Goal).id}`,
  added: (item) => `Goal ${(item as Goal).id} added (${areaWords(item as Goal)})`,
  removed: (item) => `Goal ${(item as Goal).id} removed (${areaWords(item as Goal)})`,
};

const testingText = (item: unknown) => englishOf((item as { accommodation: unknown }).accommodation) ?? '';
const TESTING_RULES: ListRules = {
  key: testingText,
  canPair: (a, b) => textSimilarity(testingText(a), testingText(b)) >= 0.6 || fieldSimilarity(a, b) >= 0.6,
  threshold: 0.5,
  name: (item) => `Testing accommodation: ${shorten(testingText(item))}`,
  added: (item) => `Testing accommodation started: ${shorten(testingText(item))}`,
  removed: (item) => `Testing accommodation ended: ${shorten(testingText(item))}`,
};

const memberName = (item: unknown) => {
  const m = item as TeamMember;
  return `${m.name} (${englishOf(m.title) ?? humanize(m.role).toLowerCase()})`;
};
const TEAM_RULES: ListRules = {
  key: (item) => (item as TeamMember).name,
  name: (item) => `Team member ${memberName(item)}`,
  added: (item) => `Team member added: ${memberName(item)}`,
  removed: (item) => `Team member removed: ${memberName(item)}`,
};

/**
 * Any other list: an item is the same by its id or name, or (a list of texts or values) by its English; otherwise
 * by likeness, the share of equal fields.
 */
function genericRules(path: JsonPath): ListRules {
  const listName = [...path].reverse().find((p): p is string => typeof p === 'string') ?? 'item';
  const noun = humanize(singular(listName));
  const label = (item: unknown) => {
    const text = englishOf(item);
    if (text !== undefined) return shorten(text, 70);
    if (typeof item !== 'object' || item === null) return String(item);
    const o = item as Record<string, unknown>;
    const named = o.id ?? o.name ?? o.period ?? englishOf(o.activity) ?? englishOf(o.service);
    return named === undefined ? undefined : shorten(String(named), 70);
  };
  const where = contextWords(path);
  const name = (item: unknown, index: number) => `${where}${where ? ' ' : ''}${where ? noun.toLowerCase() : noun} ${label(item) ?? index + 1}`;
  return {
    key: (item) => {
      if (typeof item !== 'object' || item === null) return englishOf(item) ?? String(item);
      const o = item as Record<string, unknown>;
      const id = o.id ?? o.name ?? o.period ?? o.goal;
      return id === undefined ? undefined : String(id);
    },
    canPair: () => true,
    // A text reworded (a need, a line of a list) is the same line when most of its words are.
    similarity: (a, b) => {
      const [ta, tb] = [englishOf(a), englishOf(b)];
      return ta !== undefined && tb !== undefined ? textSimilarity(ta, tb) : fieldSimilarity(a, b);
    },
    threshold: 0.6,
    name,
    added: (item, index) => `${name(item, index)} added`,
    removed: (item, index) => `${name(item, index)} removed`,
  };
}

/** "Present levels, academic", "Transition": where a nested list is, for its items' names. */
export function contextWords(path: JsonPath): string {
  const keys = path.filter((p): p is string => typeof p === 'string').slice(0, -1);
  return keys.map((k, i) => (i === 0 ? humanize(k) : humanize(k).toLowerCase())).join(', ');
}
