/**
 * The view of the letter to the family about an amendment (layout `changes`, issue 20): what changed since the
 * version it amends, each change in the family copy's everyday words, in the copy's language.
 *
 * The changes themselves come from diffIeps (src/diff): this file only words them. A service's new schedule is said
 * with the family copy's phrases (frequency, duration, where), the goal with its own words, an accommodation by its
 * description; what is about the earlier version (an ended service, the frequency before) is read from a view model
 * of that version, so it is worded, escaped and marked untranslated exactly like the rest.
 *
 * Strength-first: the letter opens with a strength from the present levels before any change.
 */
import { formatJsonPath, type Diagnostic, type JsonPath } from '../model/diagnostic.js';
import type { Iep } from '../model/iep.js';
import type { IepChange, IepDiff } from '../diff/iep-change.js';
import { formatNumber } from '../i18n/format.js';
import type { Translator } from '../i18n/translator.js';
import type { ViewModel, ViewModelBuilder } from './view-model.js';

/** The service lists of the view model, by the name the IEP gives them (`services.<list>[i]`). */
type ServiceView = ViewModel['services']['related'][number] | ViewModel['services']['specialEducation'][number] | ViewModel['services']['supplementaryAids'][number];

/** Service lists whose items are services the student receives (said with their schedule), not help in class. */
const SERVICE_LISTS = new Set(['specialEducation', 'related']);

/** The schedule parts of a service a family letter can say "now ... (before: ...)" about. */
const SCHEDULE_FIELDS = ['frequency', 'duration', 'location'] as const;

export interface ChangesViewInput {
  iep: Iep;
  base: Iep;
  diff: IepDiff;
  /** The view model of the new version and its builder, in the copy's language. */
  view: ViewModel;
  builder: ViewModelBuilder;
  /** The same for the earlier version (what was before, what ended). */
  baseView: ViewModel;
}

/** One line of "What changes": a short bold lead ("New goal:") and the change in words. */
export interface ChangeLine {
  lead: string;
  text: string;
}

export function changesView({ iep, base, diff, view, builder, baseView }: ChangesViewInput, tr: Translator) {
  const name = view.student.preferredName;
  const amendment = iep.document.amendment;
  const lines: ChangeLine[] = [];
  // Changes the letter cannot say item by item (a present-levels paragraph, a date) are said once per part.
  const generic = new Set<string>();
  for (const change of diff.changes) {
    const line = changeLine(change, { iep, view, baseView, builder, name }, tr);
    if (line) lines.push(line);
    else generic.add(change.subject);
  }
  for (const subject of generic) lines.push({ lead: tr.t('changes:lead.changed'), text: tr.t(`changes:part.${subject}`, { name }) });

  const changedServices = new Set(diff.changes.filter((c) => c.subject === 'service' || c.subject === 'accommodation').map((c) => formatJsonPath(c.path)));
  const sameServices = diff.services.filter((s) => s.inBefore && s.inAfter && !changedServices.has(formatJsonPath(s.path))).length;
  const touchedGoals = new Set(diff.changes.filter((c) => c.subject === 'goal' && c.kind !== 'removed').map((c) => formatJsonPath(c.path)));
  const sameGoals = iep.goals.filter((_, i) => !touchedGoals.has(formatJsonPath(['goals', i]))).length;

  return {
    name,
    parents: joinNames(view.guardians.map((g) => g.name), tr),
    strength: firstStrength(view),
    oldVersion: formatNumber(base.document.version, tr),
    newVersion: formatNumber(iep.document.version, tr),
    date: amendment ? view.document.amendment!.date : null,
    withoutMeeting: amendment?.withoutMeeting === true,
    why: amendment ? view.document.amendment!.summary : null,
    lines,
    same: {
      services: sameServices > 0 ? formatNumber(sameServices, tr) : null,
      goals: sameGoals > 0 ? formatNumber(sameGoals, tr) : null,
    },
    school: view.student.school,
  };
}

interface Context {
  iep: Iep;
  view: ViewModel;
  baseView: ViewModel;
  builder: ViewModelBuilder;
  name: string;
}

/** The change in the family's words, or undefined when only its part of the IEP can be named. */
function changeLine(change: IepChange, ctx: Context, tr: Translator): ChangeLine | undefined {
  switch (change.subject) {
    case 'service':
    case 'accommodation':
      return serviceLine(change, ctx, tr);
    case 'goal':
      return goalLine(change, ctx, tr);
    case 'testing-accommodation': {
      const item = testingItem(change, ctx);
      if (!item) return undefined;
      return { lead: tr.t(`changes:lead.${change.kind}`), text: tr.t('changes:onTests', { name: item }) };
    }
    case 'placement':
      return change.kind === 'removed' || !ctx.view.placement.recommendation
        ? undefined
        : { lead: tr.t('changes:lead.changed'), text: tr.t('changes:placement', { name: ctx.name, placement: ctx.builder.inline(ctx.iep.placement.recommendation, ['placement', 'recommendation']) }) };
    default:
      return undefined;
  }
}

function serviceLine(change: IepChange, ctx: Context, tr: Translator): ChangeLine | undefined {
  const before = serviceAt(ctx.baseView, change.oldPath ?? change.path);
  const after = serviceAt(ctx.view, change.path);
  const isService = SERVICE_LISTS.has(String(change.path[1]));
  if (change.kind === 'added') {
    if (!after) return undefined;
    return { lead: tr.t('changes:lead.added'), text: isService ? after.plain : after.plainName };
  }
  if (change.kind === 'removed') {
    const ended = serviceAt(ctx.baseView, change.path) ?? before;
    if (!ended) return undefined;
    return { lead: tr.t('changes:lead.removed'), text: isService ? ended.plain : ended.plainName };
  }
  if (!after || !before) return undefined;
  const fields = change.fields ?? [];
  const schedule = SCHEDULE_FIELDS.filter((f) => fields.includes(f));
  if (schedule.length === 0) return { lead: tr.t('changes:lead.changed'), text: tr.t('changes:serviceUpdated', { name: after.plainName, now: after.plain }) };
  return {
    lead: tr.t('changes:lead.changed'),
    text: tr.t('changes:serviceChanged', { name: after.plainName, now: scheduleWords(after, SCHEDULE_FIELDS.filter((f) => f !== 'location' || schedule.includes('location')), tr), before: scheduleWords(before, schedule, tr) }),
  };
}

/** "2 times a week, 30 minutes each time": the parts named, in the family copy's words. */
function scheduleWords(service: ServiceView, parts: readonly (typeof SCHEDULE_FIELDS)[number][], tr: Translator): string {
  const words = parts.map((part) => {
    if (part === 'frequency') return service.frequency;
    if (part === 'duration') return tr.t('changes:eachTime', { duration: service.duration });
    return service.where;
  });
  return words.join(tr.t('common:listSeparator'));
}

function goalLine(change: IepChange, ctx: Context, tr: Translator): ChangeLine | undefined {
  const view = change.kind === 'removed' ? ctx.baseView : ctx.view;
  const goal = view.goals[Number(change.path[1])];
  if (!goal || change.path[0] !== 'goals') return undefined;
  const lead = tr.t(change.kind === 'added' ? 'changes:lead.goalAdded' : change.kind === 'removed' ? 'changes:lead.goalRemoved' : 'changes:lead.goalChanged');
  return { lead, text: tr.t('changes:goal', { area: goal.area, goal: goal.goal }) };
}

function testingItem(change: IepChange, ctx: Context): string | undefined {
  const view = change.kind === 'removed' ? ctx.baseView : ctx.view;
  if (change.path[0] !== 'testingAccommodations') return undefined;
  return view.testingAccommodations[Number(change.path[1])]?.accommodation;
}

function serviceAt(view: ViewModel, path: JsonPath): ServiceView | undefined {
  if (path[0] !== 'services') return undefined;
  const list = (view.services as unknown as Record<string, ServiceView[] | undefined>)[String(path[1])];
  return Array.isArray(list) ? list[Number(path[2])] : undefined;
}

/** The strength the letter opens with: the first one of the present levels, in the copy's language. */
function firstStrength(view: ViewModel): string | null {
  return view.allStrengths[0]?.text ?? null;
}

/** "Ana López and Luis López": the parents' names for the greeting. */
function joinNames(names: readonly string[], tr: Translator): string {
  if (names.length <= 1) return names[0] ?? '';
  return tr.t('changes:names', { first: names.slice(0, -1).join(tr.t('common:listSeparator')), last: names.at(-1) });
}

/** `base-required`: the letter was asked for without the version it explains the changes since. */
export function baseRequired(): Diagnostic {
  return {
    code: 'base-required',
    severity: 'error',
    message: 'the changes letter tells the family what changed since an earlier version of the IEP, and no earlier version was given',
    hint: 'name the version this one amends: `--layout changes --base OLD`',
  };
}
