/**
 * The one progress chart builder (src/render/chart): what it draws from a spec, the outlined SVG the HTML inlines
 * (role img with the text alternative, no text left to shape), the PNG the DOCX embeds, and colours that still tell
 * the line from the goal in grayscale.
 */
import { describe, expect, it } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import type { Element } from 'hast';
import type { ChartSpec } from '../../../src/model/progress-chart.js';
import { decodeChartSpec, encodeChartSpec } from '../../../src/model/progress-chart.js';
import { progressChartOutlined, progressChartSvg } from '../../../src/render/chart/progress-chart-svg.js';
import { progressChartPng } from '../../../src/render/chart/progress-chart-png.js';
import { THEME } from '../../../src/render/theme/tokens.js';

const SPEC: ChartSpec = {
  lang: 'ar',
  dir: 'rtl',
  from: '2026-09-08',
  to: '2027-06-25',
  points: [
    { date: '2026-09-15', value: 3 },
    { date: '2026-11-10', value: 5 },
    { date: '2027-01-12', value: 7 },
  ],
  baseline: 2,
  target: 8,
  max: 10,
  min: 0,
  decrease: false,
  ticks: ['10', '11', '12'].map((m) => ({ date: `2026-${m}-01`, label: `شهر ${m}` })),
  goalLabel: 'الهدف',
  startLabel: 'البداية',
};

const elements = (node: Element): Element[] => [node, ...node.children.flatMap((c) => (c.type === 'element' ? elements(c) : []))];
const texts = (node: Element) => elements(node).filter((e) => e.tagName === 'text').map((e) => e.children.map((c) => (c.type === 'text' ? c.value : '')).join(''));

describe('the chart spec', () => {
  it('round-trips through the directive attribute and refuses a broken one', () => {
    expect(decodeChartSpec(encodeChartSpec(SPEC))).toEqual(SPEC);
    expect(() => decodeChartSpec('{"from":"2027-01-01","to":"2026-01-01"}')).toThrow(/from\/to/);
    expect(() => decodeChartSpec('not json')).toThrow(/not JSON/);
  });
});

describe('progressChartSvg', () => {
  const svg = progressChartSvg(SPEC);

  it('draws the start, every measurement, the goal line and the latest value', () => {
    const circles = elements(svg).filter((e) => e.tagName === 'circle');
    expect(circles).toHaveLength(SPEC.points.length + 1);
    const goal = elements(svg).find((e) => e.tagName === 'line' && e.properties.stroke === THEME.chart.goal)!;
    expect(goal.properties.strokeDasharray).toBe(THEME.chart.goalDash);
    expect(texts(svg)).toEqual(expect.arrayContaining(['الهدف', '8', 'البداية', '7']));
  });

  it('never puts a word and a number in one label (each label one direction, one font)', () => {
    const mixed = texts(svg).filter((t) => /\p{L}/u.test(t) && /\p{N}/u.test(t) && !/^شهر/.test(t));
    expect(mixed).toEqual([]);
  });

  it('keeps time left to right in an Arabic copy, with the goal word to the right of its number', () => {
    expect(svg.properties.direction).toBe('ltr');
    // The goal's word and number are the texts in the goal's colour.
    const goalX = (chart: Element, label: string) => Number(elements(chart).find((e) => e.tagName === 'text' && e.properties.fill === THEME.chart.goal && texts(e)[0] === label)!.properties.x);
    expect(goalX(svg, 'الهدف')).toBeGreaterThan(goalX(svg, '8'));
    const english = progressChartSvg({ ...SPEC, lang: 'en', dir: 'ltr', goalLabel: 'Goal', startLabel: 'Start' });
    const xe = (label: string) => goalX(english, label);
    expect(xe('Goal')).toBeLessThan(xe('8'));
  });
});

describe('the outlined SVG for the HTML and PDF', () => {
  it('is an image with the text alternative and its words as outlines', () => {
    const svg = progressChartOutlined(SPEC, 'من 3 من 10 في سبتمبر إلى 7 من 10 في يناير؛ والهدف 8 من 10.');
    expect(svg.properties).toMatchObject({ role: 'img', ariaLabel: 'من 3 من 10 في سبتمبر إلى 7 من 10 في يناير؛ والهدف 8 من 10.' });
    const html = toHtml(svg);
    expect(html).not.toMatch(/<text\b/);
    expect(elements(svg).filter((e) => e.tagName === 'path').length).toBeGreaterThan(10);
  });
});

describe('the PNG for the DOCX', () => {
  it('is a PNG three times the chart size', () => {
    const png = progressChartPng(SPEC);
    expect(png.data.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.data.readUInt32BE(16)).toBe(THEME.chart.width * 3);
    expect(png.data.readUInt32BE(20)).toBe(THEME.chart.height * 3);
  });
});

describe('grayscale', () => {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string) => (Math.max(luminance(a), luminance(b)) + 0.05) / (Math.min(luminance(a), luminance(b)) + 0.05);

  it('keeps the student line dark, the goal line mid-gray and both readable on white', () => {
    expect(contrast(THEME.chart.line, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(THEME.chart.goal, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    // Told apart in gray by lightness as well as by the dash and the labels.
    expect(luminance(THEME.chart.goal) / luminance(THEME.chart.line)).toBeGreaterThan(1.8);
    expect(contrast(THEME.chart.grid, '#ffffff')).toBeLessThan(1.5);
  });
});
