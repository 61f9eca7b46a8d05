/**
 * The view of one progress report (layouts `progress` and `progress-official`): for each goal the report covers,
 * the figures in words (where the student started, where they are now, the target), the chart's spec and its
 * text alternative (the trend in one sentence), the rating in the family's words and in the filed report's, the
 * comment and the objectives' statuses, all localized and escaped like the rest of the view model.
 *
 * Which report: the latest by default, or the one whose `period` is asked for (`--period`). The chart shows every
 * measurement up to that report, so a parent sees the whole year so far; the filed report's table lists those of
 * its own period.
 */
import { scaleLinear } from 'd3-scale';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Goal, GoalMeasure, Iep, ProgressReport } from '../model/iep.js';
import { encodeChartSpec, type ChartSpec, type ChartTick } from '../model/progress-chart.js';
import { formatDate, formatMonth, formatNumber } from '../i18n/format.js';
import type { Translator } from '../i18n/translator.js';
import { escapeAttribute, escapeInline } from './escape-markdown.js';
import type { ViewModel, ViewModelBuilder } from './view-model.js';

export interface ProgressViewOptions {
  /** The reporting period to print (a report's `period`); the latest when absent. */
  period?: number;
}

/** The report the layouts print: the one asked for, else the latest (the last in the list, which is oldest first). */
export function chosenReport(reports: readonly ProgressReport[], period: number | undefined): ProgressReport | undefined {
  return period === undefined ? reports.at(-1) : reports.find((r) => r.period === period);
}

export function progressView(iep: Iep, builder: ViewModelBuilder, goalViews: ViewModel['goals'], tr: Translator, options: ProgressViewOptions = {}) {
  const reports = iep.progressReports ?? [];
  const diagnostics: Diagnostic[] = [];
  if (reports.length === 0) {
    diagnostics.push({
      code: 'no-progress-reports',
      severity: 'error',
      path: 'progressReports',
      message: 'this IEP has no progressReports, so there is no progress report to print',
      hint: 'add a progressReports entry with each goal\'s measurements and rating (and a measure on each goal), or choose another layout',
    });
    return { diagnostics };
  }
  const report = chosenReport(reports, options.period);
  if (!report) {
    diagnostics.push({
      code: 'unknown-progress-period',
      severity: 'error',
      path: 'progressReports',
      message: `there is no progress report for period ${options.period}; the IEP has period${reports.length === 1 ? '' : 's'} ${reports.map((r) => r.period).join(', ')}`,
      hint: 'choose one of those with --period, or leave --period out for the latest report',
    });
    return { diagnostics };
  }
  const reportIndex = reports.indexOf(report);
  const upToReport = reports.slice(0, reportIndex + 1);
  const name = escapeInline(iep.student.preferredName ?? iep.student.firstName);
  const date = (iso: string) => escapeInline(formatDate(iso, tr));

  const goals = iep.goals.flatMap((goal, i) => {
    const progressIndex = report.goals.findIndex((g) => g.goal === goal.id);
    const progress = report.goals[progressIndex];
    if (!progress) return [];
    const path = ['progressReports', reportIndex, 'goals', progressIndex] as const;
    const view = goalViews[i]!;
    const measure = goal.measure;
    const points = upToReport
      .flatMap((r) => r.goals.filter((g) => g.goal === goal.id).flatMap((g) => g.measurements))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const value = (n: number) => (measure ? escapeInline(formatValue(measure, n, tr)) : escapeInline(formatNumber(n, tr)));
    const latest = points.at(-1);
    const figures = measure
      ? {
          what: builder.inline(measure.what, ['goals', i, 'measure', 'what']),
          started: value(measure.baseline),
          latest: latest ? value(latest.value) : null,
          latestDate: latest ? date(latest.date) : null,
          target: value(measure.target),
          chart: chart(iep, goal, measure, points, tr),
        }
      : null;
    return [
      {
        number: view.number,
        id: goal.id,
        area: view.area,
        goal: view.goal,
        criteria: view.criteria,
        method: view.method,
        schedule: view.schedule,
        buildsOn: view.buildsOn,
        figures,
        rating: tr.t(`progress:rating.${progress.rating}`, { name }),
        officialRating: tr.t(`progress:officialRating.${progress.rating}`),
        comment: progress.comment ? builder.block(progress.comment, [...path, 'comment']) : null,
        objectives: (progress.objectives ?? []).map((o) => ({
          number: formatNumber(o.objective, tr),
          text: view.objectives[o.objective - 1]?.text ?? '',
          status: tr.t(`progress:objectiveStatus.${o.status}`),
        })),
        // The filed report's table: this period's measurements.
        measurements: progress.measurements.map((m) => ({ date: date(m.date), value: value(m.value) })),
      },
    ];
  });
  const caseManager = iep.team.find((m) => m.caseManager);
  return {
    diagnostics,
    progress: {
      name,
      period: formatNumber(report.period, tr),
      from: date(report.from),
      to: date(report.to),
      reportDate: date(report.reportDate),
      annualReviewDate: date(iep.meeting.annualReviewDate),
      goals,
      contact: caseManager
        ? { name: escapeInline(caseManager.name), phone: caseManager.contact?.phone ? escapeInline(caseManager.contact.phone) : null, email: caseManager.contact?.email ? escapeInline(caseManager.contact.email) : null }
        : null,
    },
  };
}

/** A value on the goal's scale in words: "7 of 10", "72%", "41 a minute", "12 minutes", "level 3 of 4". */
export function formatValue(measure: GoalMeasure, value: number, tr: Translator): string {
  const n = formatNumber(value, tr);
  const outOf = formatNumber(measure.outOf ?? 0, tr);
  switch (measure.scale) {
    case 'out-of':
      return tr.t('progress:value.outOf', { value: n, outOf });
    case 'percent':
      return new Intl.NumberFormat(tr.lang, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
    case 'count':
      return n;
    case 'per-minute':
      return tr.t('progress:value.perMinute', { value: n });
    case 'minutes':
      return tr.t('progress:value.minutes', { count: value, value: n });
    case 'level':
      return tr.t('progress:value.level', { value: n, outOf });
  }
}

/**
 * The trend in one sentence, the chart's text alternative: "From 3 of 10 in September to 7 of 10 in January; the
 * goal is 8 of 10." A goal where progress means going down says so ("down to ..., the goal is to get down to ...").
 */
export function trendSentence(measure: GoalMeasure, points: readonly { date: string; value: number }[], tr: Translator): string {
  const value = (n: number) => formatValue(measure, n, tr);
  const down = measure.direction === 'decrease' ? 'Decrease' : '';
  const first = points[0];
  const last = points.at(-1);
  const target = value(measure.target);
  if (!first || !last) return tr.t(`progress:trendNone${down}`, { baseline: value(measure.baseline), target });
  if (points.length === 1) {
    return tr.t(`progress:trendOne${down}`, { last: value(last.value), lastMonth: formatMonth(last.date, tr), target });
  }
  return tr.t(`progress:trend${down}`, { first: value(first.value), firstMonth: formatMonth(first.date, tr), last: value(last.value), lastMonth: formatMonth(last.date, tr), target });
}

function chart(iep: Iep, goal: Goal, measure: GoalMeasure, points: { date: string; value: number }[], tr: Translator) {
  const from = iep.meeting.implementationDate;
  const to = iep.meeting.annualReviewDate;
  const values = [measure.baseline, measure.target, ...points.map((p) => p.value)];
  const max =
    measure.scale === 'out-of' || measure.scale === 'level'
      ? (measure.outOf ?? Math.max(...values))
      : measure.scale === 'percent'
        ? 100
        : (scaleLinear().domain([0, Math.max(...values) * 1.2 || 1]).nice().domain()[1] ?? 1);
  const spec: ChartSpec = {
    lang: tr.lang,
    dir: tr.dir,
    from,
    to,
    points,
    baseline: measure.baseline,
    target: measure.target,
    max,
    min: measure.scale === 'level' ? 1 : 0,
    decrease: measure.direction === 'decrease',
    ticks: monthTicks(from, to, tr),
    goalLabel: tr.t('progress:chartGoal'),
    startLabel: tr.t('progress:chartStart'),
  };
  return {
    id: goal.id,
    alt: escapeAttribute(trendSentence(measure, points, tr)),
    spec: escapeAttribute(encodeChartSpec(spec)),
  };
}

/** The first day of each month after `from` up to `to`, each with its short name. */
function monthTicks(from: string, to: string, tr: Translator): ChartTick[] {
  const ticks: ChartTick[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (;;) {
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
    const date = `${year}-${String(month).padStart(2, '0')}-01`;
    if (date > to) return ticks;
    ticks.push({ date, label: formatMonth(date, tr, 'short') });
  }
}
