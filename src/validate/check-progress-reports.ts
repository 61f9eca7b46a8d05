import { closest } from '../model/closest.js';
import { formatJsonPath, type JsonPath } from '../model/diagnostic.js';
import { asMapping } from './as-mapping.js';
import { readMeasure, scaleProblem, type ReadMeasure } from './check-goal-measures.js';
import type { Push } from './push.js';

/** What a progress entry needs to know of the goal it reports on. */
interface GoalFacts {
  index: number;
  /** The goal has a `measure` key (readable or not). */
  hasMeasure: boolean;
  measure?: ReadMeasure;
  /** How many objectives the goal has; undefined when `objectives` cannot be read. */
  objectives?: number;
}

/** A reporting period whose dates can be read. */
interface Window {
  from: string;
  to: string;
}

/** A date the schema accepts the form of (YYYY-MM-DD); such dates compare as strings. */
function day(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

function window(from: string | undefined, to: string | undefined): Window | undefined {
  return from && to && from <= to ? { from, to } : undefined;
}

const inside = (date: string, w: Window) => date >= w.from && date <= w.to;
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Goals by id (the first of a duplicated id: validateIep reports the second), or undefined when `goals` cannot be read. */
function goalsById(value: unknown): Map<string, GoalFacts> | undefined {
  if (!Array.isArray(value)) return undefined;
  const byId = new Map<string, GoalFacts>();
  value.forEach((item: unknown, index) => {
    const goal = asMapping(item);
    if (typeof goal?.id !== 'string' || byId.has(goal.id)) return;
    const objectives = goal.objectives === undefined ? 0 : Array.isArray(goal.objectives) ? goal.objectives.length : undefined;
    byId.set(goal.id, { index, hasMeasure: goal.measure !== undefined, measure: readMeasure(goal.measure), objectives });
  });
  return byId;
}

/**
 * Progress reports agree with the IEP they report on (34 CFR 300.320(a)(3)(ii)): each names goals that exist, each
 * measurement falls while the IEP is in effect and inside its report's period and is possible on its goal's scale,
 * objectives' statuses name the goal's objectives, and the reports follow one another without overlapping. Like the
 * other reference checks it also reads data the schema rejected, judging only the parts that have the expected shape.
 */
export function checkProgressReports(data: unknown, push: Push): void {
  const record = asMapping(data);
  const reports = record?.progressReports;
  if (!Array.isArray(reports)) return;
  const meeting = asMapping(record?.meeting);
  const iepStart = day(meeting?.implementationDate);
  const iepEnd = day(meeting?.annualReviewDate);
  const iepPeriod = window(iepStart, iepEnd);
  const goals = goalsById(record?.goals);
  const periodNumbers = new Map<number, number>();
  let previous: { r: number; from?: string; to?: string; period?: number } | undefined;

  reports.forEach((value: unknown, r) => {
    const report = asMapping(value);
    if (!report) return;
    const at: JsonPath = ['progressReports', r];
    const from = day(report.from);
    const to = day(report.to);
    const reportDate = day(report.reportDate);
    const period = Number.isInteger(report.period) ? (report.period as number) : undefined;

    if (from && to && from > to) {
      push([...at, 'to'], {
        code: 'report-dates-reversed',
        message: `progressReports[${r}] ends (${to}) before it begins (${from})`,
        hint: 'check `from` and `to`; they may be swapped',
      });
    }
    if (from && reportDate && reportDate < from) {
      push([...at, 'reportDate'], {
        code: 'report-dates-reversed',
        message: `progressReports[${r}].reportDate (${reportDate}) is before its reporting period begins (${from})`,
        hint: 'reportDate is the day the report goes to the parents, after the period it reports on has begun',
      });
    }

    if (period !== undefined) {
      const first = periodNumbers.get(period);
      if (first !== undefined) {
        push([...at, 'period'], {
          code: 'duplicate-progress-entry',
          message: `progressReports[${r}] and progressReports[${first}] are both period ${period}`,
          hint: 'number the reports of the IEP year 1, 2, 3... in order',
        });
      } else periodNumbers.set(period, r);
    }

    if (previous) {
      if (from && previous.from && from < previous.from) {
        push([...at, 'from'], {
          code: 'progress-out-of-order',
          message: `progressReports[${r}] begins (${from}) before progressReports[${previous.r}] (${previous.from}), which is listed above it`,
          hint: 'list the progress reports oldest first',
        });
      } else if (from && previous.to && from <= previous.to) {
        push([...at, 'from'], {
          code: 'report-periods-overlap',
          message: `progressReports[${r}] begins (${from}) before progressReports[${previous.r}] ends (${previous.to})`,
          hint: `each day belongs to one reporting period: begin this one after ${previous.to}`,
        });
      } else if (period !== undefined && previous.period !== undefined && period < previous.period) {
        push([...at, 'period'], {
          code: 'progress-out-of-order',
          message: `progressReports[${r}] is period ${period}, but the report before it is period ${previous.period}`,
          hint: 'number the reports in the order they were sent: 1 for the first of the IEP year',
        });
      }
    }
    previous = { r, from, to, period };

    const reportWindow = window(from, to);
    const entries = new Map<string, number>();
    listOf(report.goals).forEach((item: unknown, i) => {
      const entry = asMapping(item);
      if (!entry) return;
      const here: JsonPath = [...at, 'goals', i];
      const where = formatJsonPath(here);
      const id = typeof entry.goal === 'string' ? entry.goal : undefined;
      const goal = id === undefined ? undefined : goals?.get(id);

      if (id !== undefined && goals && !goal) {
        const guess = closest(id, [...goals.keys()]);
        const ids = [...goals.keys()];
        push([...here, 'goal'], {
          code: 'unknown-goal-reference',
          message: `${where}.goal names "${id}", which is not the id of any goal`,
          hint: guess ? `did you mean \`${guess}\`?` : `use a goal's id: ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', ...' : ''}`,
        });
      }
      if (id !== undefined) {
        const first = entries.get(id);
        if (first !== undefined) {
          push([...here, 'goal'], {
            code: 'duplicate-progress-entry',
            message: `progressReports[${r}] reports on goal "${id}" twice`,
            hint: `it is also at progressReports[${r}].goals[${first}]; put all of this period's measurements of the goal in one entry`,
          });
        } else entries.set(id, i);
      }

      const measurements = listOf(entry.measurements);
      if (goal && !goal.hasMeasure && measurements.length > 0) {
        push(
          [...here, 'measurements'],
          {
            code: 'progress-without-measure',
            message: `${where} has measurements, but goal "${id}" (goals[${goal.index}]) has no measure to read them on`,
            hint: `add \`measure:\` to goals[${goal.index}]: its scale, baseline and target, the criteria in figures`,
          },
          true,
        );
      }
      let lastDate: string | undefined;
      measurements.forEach((m: unknown, k) => {
        const measurement = asMapping(m);
        if (!measurement) return;
        const mAt: JsonPath = [...here, 'measurements', k];
        const mWhere = formatJsonPath(mAt);
        const date = day(measurement.date);
        if (date && iepPeriod && !inside(date, iepPeriod)) {
          push([...mAt, 'date'], {
            code: 'measurement-outside-iep-period',
            message: `${mWhere}.date (${date}) is outside the IEP's dates (${iepPeriod.from} to ${iepPeriod.to})`,
            hint: 'a measurement is taken while the IEP is in effect, from meeting.implementationDate to meeting.annualReviewDate; check the year',
          });
        } else if (date && reportWindow && !inside(date, reportWindow)) {
          push([...mAt, 'date'], {
            code: 'measurement-outside-report-period',
            message: `${mWhere}.date (${date}) is outside the period of progressReports[${r}] (${reportWindow.from} to ${reportWindow.to})`,
            hint: 'put it under the report whose period it falls in, or check the date',
          });
        }
        if (date && lastDate && date < lastDate) {
          push([...mAt, 'date'], {
            code: 'progress-out-of-order',
            message: `${mWhere}.date (${date}) is before the measurement above it (${lastDate})`,
            hint: 'list the measurements oldest first: the chart joins them in this order',
          });
        }
        if (date) lastDate = date;
        const reason = goal?.measure ? scaleProblem(measurement.value, goal.measure) : undefined;
        if (reason) {
          push([...mAt, 'value'], {
            code: 'impossible-measure-value',
            message: `${mWhere}.value is ${String(measurement.value)}, but ${reason} (goal "${id}")`,
            hint: `write the result on goals[${goal!.index}].measure's scale, as its criteria count it`,
          });
        }
      });

      checkObjectives(entry.objectives, goal, id, here, push);
    });
  });
}

/** Objectives' statuses name objectives the goal has, each once. */
function checkObjectives(value: unknown, goal: GoalFacts | undefined, id: string | undefined, here: JsonPath, push: Push): void {
  const statuses = listOf(value);
  if (!goal || goal.objectives === undefined || statuses.length === 0) return;
  const entry = formatJsonPath(here);
  if (goal.objectives === 0) {
    push(
      [...here, 'objectives'],
      {
        code: 'objective-status-without-objectives',
        message: `${entry} gives objectives' statuses, but goal "${id}" (goals[${goal.index}]) has no objectives`,
        hint: `remove \`objectives:\` from this entry, or add the objectives under goals[${goal.index}]`,
      },
      true,
    );
    return;
  }
  const seen = new Map<number, number>();
  statuses.forEach((item: unknown, o) => {
    const number = asMapping(item)?.objective;
    if (!Number.isInteger(number) || (number as number) < 1) return;
    const n = number as number;
    if (n > goal.objectives!) {
      push([...here, 'objectives', o, 'objective'], {
        code: 'unknown-objective-reference',
        message: `${entry}.objectives[${o}].objective is ${n}, but goal "${id}" has ${goal.objectives === 1 ? '1 objective' : `${goal.objectives} objectives`}`,
        hint: 'number the objectives as they are listed under the goal: 1 for the first',
      });
      return;
    }
    const first = seen.get(n);
    if (first !== undefined) {
      push([...here, 'objectives', o, 'objective'], {
        code: 'duplicate-progress-entry',
        message: `${entry} gives objective ${n} a status twice`,
        hint: `it is also at ${entry}.objectives[${first}]; keep one`,
      });
    } else seen.set(n, o);
  });
}
