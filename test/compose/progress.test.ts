/**
 * The progress layouts as compose makes them (issue 19 items 2 and 3): the trend sentence each chart carries as its
 * text alternative, in English, Spanish and Arabic, a goal where progress means going down, the report printed
 * (latest, or the one asked for), the order a parent reads each goal in (goal and strength first, the rating after
 * the figures and the chart), and the refusal when the IEP has no progress data.
 */
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { trendSentence } from '../../src/compose/progress-view.js';
import { createTranslator } from '../../src/i18n/translator.js';
import type { GoalMeasure, Iep } from '../../src/model/iep.js';
import { decodeChartSpec } from '../../src/model/progress-chart.js';
import { allNodes, errorsOf, loadExample, MINIMAL, nodeText, squash, type TreeNode } from '../e2e/helpers.js';
import { loadIep } from '../../src/validate/load-iep.js';
import { readFileSync } from 'node:fs';

const mateo = loadExample('mateo-almonte');
const amira = loadExample('amira-saleh');

function compose(iep: Iep, lang: 'en' | 'es' | 'ar', layout: 'progress' | 'progress-official' = 'progress', progressPeriod?: number) {
  const composed = composeDocument(iep, { layout, lang, progressPeriod });
  expect(errorsOf(composed.diagnostics)).toEqual([]);
  return composed.document!.body as TreeNode;
}
const charts = (body: TreeNode) => allNodes(body).filter((n) => n.type === 'leafDirective' && n.name === 'chart');
const alts = (body: TreeNode) => charts(body).map((n) => (n.attributes as Record<string, string>).alt);

describe('the trend sentence (each chart\'s text alternative)', () => {
  it('states the first and latest measurements with their months and the goal, in English', () => {
    expect(alts(compose(mateo, 'en'))[0]).toBe('From 2 of 5 in April to 4 of 5 in November; the goal is 4 of 5.');
    expect(alts(compose(amira, 'en')).slice(0, 3)).toEqual([
      'From 71% in May to 87% in November; the goal is 85%.',
      'From 1 of 5 in May to 3 of 5 in October; the goal is 4 of 5.',
      'From level 3 of 6 in May to level 4 of 6 in November; the goal is level 4 of 6.',
    ]);
  });

  it('is in Spanish for the Spanish copy, month names from Intl', () => {
    expect(alts(compose(mateo, 'es')).slice(0, 2)).toEqual([
      'De 2 de 5 en abril a 4 de 5 en noviembre; la meta es 4 de 5.',
      'De nivel 2 de 4 en abril a nivel 3 de 4 en noviembre; la meta es nivel 3 de 4.',
    ]);
  });

  it('is in Arabic for the Arabic copy', () => {
    const [first, second] = alts(compose(amira, 'ar'));
    expect(second).toBe('من 1 من 5 في مايو إلى 3 من 5 في أكتوبر؛ والهدف 4 من 5.');
    // Intl writes the percent sign with direction marks in Arabic.
    expect(first!.replace(/\u200e/g, '')).toBe('من 71% في مايو إلى 87% في نوفمبر؛ والهدف 85%.');
  });

  it('says "down to" for a goal where progress means a smaller number', () => {
    const decreasing = amira.goals.findIndex((g) => g.measure?.direction === 'decrease');
    expect(decreasing).toBeGreaterThanOrEqual(0);
    const alt = alts(compose(amira, 'en'))[decreasing]!;
    expect(alt).toMatch(/^From .+ in \w+ down to .+ in \w+; the goal is to get down to .+\.$/);
    const measure: GoalMeasure = { scale: 'count', what: 'prompts', baseline: 9, target: 2, direction: 'decrease' };
    const tr = createTranslator('en');
    expect(trendSentence(measure, [{ date: '2026-09-15', value: 8 }, { date: '2027-01-12', value: 4 }], tr)).toBe(
      'From 8 in September down to 4 in January; the goal is to get down to 2.',
    );
    expect(trendSentence({ ...measure, direction: 'increase', scale: 'out-of', outOf: 10, target: 8 }, [{ date: '2026-09-15', value: 3 }, { date: '2027-01-12', value: 7 }], tr)).toBe(
      'From 3 of 10 in September to 7 of 10 in January; the goal is 8 of 10.',
    );
    expect(trendSentence(measure, [], tr)).toBe('No checks yet. The starting point was 9; the goal is to get down to 2.');
  });
});

describe('which report is printed', () => {
  it('is the latest by default, and its chart holds every measurement up to it', () => {
    const body = compose(mateo, 'en');
    const spec = decodeChartSpec((charts(body)[0]!.attributes as Record<string, string>).spec!);
    const all = mateo.progressReports!.flatMap((r) => r.goals.filter((g) => g.goal === mateo.goals[0]!.id).flatMap((g) => g.measurements));
    expect(spec.points).toEqual(all);
    expect(squash(nodeText(body))).toContain(`(report ${mateo.progressReports!.at(-1)!.period})`);
  });

  it('is the one --period asks for, whose chart stops at it', () => {
    const body = compose(mateo, 'en', 'progress', 1);
    const spec = decodeChartSpec((charts(body)[0]!.attributes as Record<string, string>).spec!);
    const first = mateo.progressReports![0]!;
    expect(spec.points).toEqual(first.goals.find((g) => g.goal === mateo.goals[0]!.id)!.measurements);
    expect(squash(nodeText(body))).toContain('(report 1)');
  });

  it('is refused with a diagnostic for a period the IEP does not have', () => {
    const composed = composeDocument(mateo, { layout: 'progress', lang: 'en', progressPeriod: 9 });
    expect(composed.document).toBeUndefined();
    expect(composed.diagnostics.map((d) => [d.code, d.severity])).toEqual([['unknown-progress-period', 'error']]);
    expect(composed.diagnostics[0]!.message).toContain('periods 1, 2');
  });
});

describe('an IEP without progress reports', () => {
  const minimal = loadIep(readFileSync(MINIMAL), { file: MINIMAL }).iep!;
  it.each(['progress', 'progress-official'] as const)('gets no-progress-reports from the %s layout, and no document', (layout) => {
    expect(minimal.progressReports).toBeUndefined();
    const composed = composeDocument(minimal, { layout, lang: 'en' });
    expect(composed.document).toBeUndefined();
    expect(composed.diagnostics).toMatchObject([{ code: 'no-progress-reports', severity: 'error', path: 'progressReports' }]);
  });
});

describe('the order a parent reads each goal in', () => {
  it('is the goal and its strength, then the figures and the chart, and only then the rating and the comment', () => {
    const body = compose(mateo, 'en');
    // Every node in reading order (the goal's first part sits in a :::keep).
    const blocks = allNodes(body);
    const rating = `${mateo.student.preferredName ?? mateo.student.firstName} is on track to reach this goal by the end of the year.`;
    const text = (n: TreeNode) => squash(nodeText(n));
    const at = (predicate: (n: TreeNode) => boolean) => blocks.findIndex(predicate);
    const goalHeading = at((n) => n.type === 'heading' && text(n).startsWith('Goal 1:'));
    const goalText = at((n) => n.type === 'paragraph' && text(n).startsWith('Mateo will explain what a character'));
    const buildsOn = at((n) => n.type === 'leafDirective' && n.name === 'buildson');
    const figures = at((n) => n.type === 'list' && text(n).startsWith('What we count:'));
    const chart = at((n) => n.type === 'leafDirective' && n.name === 'chart');
    const ratingAt = at((n) => n.type === 'paragraph' && text(n) === rating);
    expect([goalHeading, goalText, buildsOn, figures, chart, ratingAt].every((i) => i >= 0)).toBe(true);
    expect(goalHeading).toBeLessThan(goalText);
    expect(goalText).toBeLessThan(buildsOn);
    expect(buildsOn).toBeLessThan(figures);
    expect(figures).toBeLessThan(chart);
    expect(chart).toBeLessThan(ratingAt);
    // Inside the figures: where the student started, where they are now, the target, then the chart.
    expect(text(blocks[figures]!)).toMatch(/What we count: .+Where Mateo started: 2 of 5.+Where Mateo is now: 4 of 5 \(on .+\).+The goal by March 11, 2027: 4 of 5/);
  });

  it('prints the filed report with the profile\'s (common) rating words and each period\'s measurements', () => {
    const body = compose(mateo, 'en', 'progress-official', 1);
    const text = squash(nodeText(body));
    expect(text).toContain('Progress rating: Progressing');
    const first = mateo.progressReports![0]!.goals[0]!;
    expect(allNodes(body).filter((n) => n.type === 'table').length).toBeGreaterThan(mateo.progressReports![0]!.goals.length);
    expect(charts(body)).toEqual([]);
    expect(text).toContain(`Extent of progress: ${first.measurements.at(-1)!.value} of 5 on June 5, 2026 (baseline 2 of 5; target 4 of 5)`);
  });
});
