/**
 * The ONE progress chart builder: a `::chart` spec (src/model/progress-chart.ts) as an SVG element (hast), which the
 * HTML renderer puts inline in its figure (its text outlined, progressChartOutlined) and the DOCX renderer
 * rasterizes to PNG (progress-chart-png.ts), both through resvg with the bundled fonts. Scales
 * and the line come from d3-scale and d3-shape; every colour and size from the theme.
 *
 * Time runs left to right in every language, Arabic and Urdu too: a chart is read as a graph, and the graphs of
 * school mathematics and statistics in Arabic-speaking countries draw the time axis left to right with the values'
 * axis on the left; the labels inside are in the copy's language and script. Mirroring it would set the latest
 * measurement on the left, against the order of the numbers printed above the chart.
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { XMLParser } from 'fast-xml-parser';
import type { ChartSpec } from '../../model/progress-chart.js';
import { isLanguage } from '../../model/languages.js';
import { fontStack, LANGUAGE_FONT } from '../fonts/font-stack.js';
import { textWidth } from '../fonts/text-width.js';
import { THEME } from '../theme/tokens.js';
import { withChartResvg } from './chart-resvg.js';

const C = THEME.chart;

type Attributes = Record<string, string | number>;
// hast types SVG attributes as strings; numbers print the same.
const s = (tagName: string, properties: Attributes, children: ElementContent[] = []): Element => ({ type: 'element', tagName, properties: properties as Element['properties'], children });
const text = (value: string): ElementContent => ({ type: 'text', value });

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The chart as an SVG element of C.width x C.height user units, drawn to scale by its viewBox. */
export function progressChartSvg(spec: ChartSpec): Element {
  const { top, right, bottom, left } = C.margin;
  const x = scaleUtc().domain([utc(spec.from), utc(spec.to)]).range([left, C.width - right]);
  const y = scaleLinear().domain([spec.min, spec.max]).range([C.height - bottom, top]);
  const numbers = new Intl.NumberFormat(spec.lang);
  const family = isLanguage(spec.lang) ? LANGUAGE_FONT[spec.lang] : 'Noto Sans';
  const width = (label: string, weight: 400 | 700 = 400) => (textWidth(label, family, weight) ?? 0.6 * Array.from(label).length) * C.font;

  const parts: ElementContent[] = [];
  // Grid lines and the values' labels: whole numbers only (a rubric level or a count has no 2.5).
  const ticks = y.ticks(spec.max - spec.min <= 5 ? spec.max - spec.min : 5).filter((t) => Number.isInteger(t));
  for (const t of ticks) {
    parts.push(s('line', { x1: left, x2: C.width - right, y1: y(t), y2: y(t), stroke: t === spec.min ? C.axis : C.grid, strokeWidth: 1 }));
    parts.push(s('text', { x: left - 6, y: y(t) + C.font * 0.35, textAnchor: 'end', fill: C.label }, [text(numbers.format(t))]));
  }
  // Months: a tick at each month's start, the month's name in the middle of its span; every other month's when the
  // longest name does not fit in one month.
  const end = x(utc(spec.to));
  const spans = spec.ticks.map((tick, i) => ({ tick, at: x(utc(tick.date)), next: i + 1 < spec.ticks.length ? x(utc(spec.ticks[i + 1]!.date)) : end }));
  const widest = Math.max(0, ...spans.map(({ tick }) => width(tick.label)));
  const every = spans.every(({ at, next }, i) => i === spans.length - 1 || widest + 6 <= next - at) ? 1 : 2;
  spans.forEach(({ tick, at, next }, i) => {
    parts.push(s('line', { x1: at, x2: at, y1: C.height - bottom, y2: C.height - bottom + 4, stroke: C.axis, strokeWidth: 1 }));
    // The last month may be cut short by the annual review: its name only when it fits.
    if (i % every === 0 && (i < spans.length - 1 || width(tick.label) + 4 <= (next - at) * every)) {
      parts.push(s('text', { x: (at + next) / 2, y: C.height - bottom + C.font + 5, textAnchor: 'middle', fill: C.label }, [text(tick.label)]));
    }
  });

  // The goal: a dashed line across the year, its label at the end above it (below it when there is no room).
  const goalY = y(spec.target);
  parts.push(s('line', { x1: left, x2: C.width - right, y1: goalY, y2: goalY, stroke: C.goal, strokeWidth: C.goalWidth, strokeDasharray: C.goalDash }));
  // The word and the number apart (see ChartSpec): the word first in reading order, to the right in Arabic and Urdu.
  const goalLabelY = goalY - top < C.font + 4 ? goalY + C.font + 4 : goalY - 5;
  const goalValue = numbers.format(spec.target);
  const [outer, inner] = spec.dir === 'rtl' ? [spec.goalLabel, goalValue] : [goalValue, spec.goalLabel];
  const goalText = { y: goalLabelY, textAnchor: 'end', fill: C.goal, fontWeight: 700 };
  parts.push(s('text', { ...goalText, x: C.width - right }, [text(outer)]));
  parts.push(s('text', { ...goalText, x: C.width - right - width(outer, 700) - C.font * 0.35 }, [text(inner)]));

  // The student's line: from the start (baseline, at the IEP's first day) through every measurement.
  const start = { date: spec.from, value: spec.baseline };
  const path = line<{ date: string; value: number }>()
    .x((p) => x(utc(p.date)))
    .y((p) => y(p.value))([start, ...spec.points]);
  if (path) parts.push(s('path', { d: path, fill: 'none', stroke: C.line, strokeWidth: C.lineWidth, strokeLinejoin: 'round', strokeLinecap: 'round' }));
  parts.push(s('circle', { cx: x(utc(start.date)), cy: y(start.value), r: C.point, fill: '#ffffff', stroke: C.start, strokeWidth: 2 }));
  const startLabelY = y(start.value) + (y(start.value) > C.height - bottom - C.font - 6 ? -C.point - 5 : C.point + C.font + 2);
  parts.push(s('text', { x: x(utc(start.date)) + 2, y: startLabelY, textAnchor: 'start', fill: C.start }, [text(spec.startLabel)]));
  for (const p of spec.points) {
    parts.push(s('circle', { cx: x(utc(p.date)), cy: y(p.value), r: C.point, fill: C.line }));
  }
  // The latest value beside its point, so the last number can be read without the axis.
  const last = spec.points.at(-1);
  if (last) {
    const lx = x(utc(last.date));
    const ly = y(last.value);
    const above = ly - C.font - 6 > top || ly + C.font + 8 > C.height - bottom;
    parts.push(s('text', { x: lx, y: above ? ly - C.point - 4 : ly + C.point + C.font + 2, textAnchor: 'middle', fill: C.line, fontWeight: 700 }, [text(numbers.format(last.value))]));
  }

  return s(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${C.width} ${C.height}`,
      width: C.width,
      height: C.height,
      // The layout inside is left to right in every copy (see above); the text runs are still shaped in their script.
      direction: 'ltr',
      fontFamily: isLanguage(spec.lang) ? fontStack(spec.lang) : 'Noto Sans',
      fontSize: C.font,
    },
    parts.map(round),
  );
}

/** The same chart as an SVG document, for the PNG. */
export function progressChartSvgText(spec: ChartSpec): string {
  return toHtml(progressChartSvg(spec), { space: 'svg' });
}

/** Coordinates to two decimals: smaller files, the same picture. */
function round(node: ElementContent): ElementContent {
  if (node.type !== 'element') return node;
  const properties: Element['properties'] = {};
  for (const [key, value] of Object.entries(node.properties)) properties[key] = typeof value === 'number' ? Math.round(value * 100) / 100 : value;
  return { ...node, properties, children: node.children.map(round) };
}

/**
 * The chart for the HTML and PDF: the same SVG with its text drawn as outlines by resvg with the bundled fonts, so
 * the page shows exactly the picture the DOCX has, and the PDF holds no text inside the Figure whose glyphs would
 * need their own logical order and Unicode mapping: its words are its /Alt (`alt`, on the SVG as role img).
 */
export function progressChartOutlined(spec: ChartSpec, alt: string): Element {
  const outlined = withChartResvg(progressChartSvgText(spec), spec.lang, (resvg) => resvg.toString());
  const [root] = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, parseAttributeValue: false }).parse(outlined) as XmlNode[];
  const svg = root ? toHast(root) : undefined;
  if (!svg || svg.tagName !== 'svg') throw new Error('resvg did not return an SVG for the chart');
  svg.properties = { ...svg.properties, role: 'img', ariaLabel: alt, width: C.width, height: C.height };
  return svg;
}

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** fast-xml-parser's ordered nodes as hast elements (resvg writes elements and attributes only). */
function toHast(node: XmlNode): Element | undefined {
  const tagName = Object.keys(node).find((k) => k !== ':@' && k !== '#text');
  if (!tagName) return undefined;
  const children = ((node[tagName] as XmlNode[] | undefined) ?? []).map(toHast).filter((c): c is Element => c !== undefined);
  return { type: 'element', tagName, properties: { ...(node[':@'] ?? {}) } as Element['properties'], children };
}
