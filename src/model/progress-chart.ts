/**
 * A progress chart as the document tree carries it: everything the one SVG builder (src/render/chart) needs, already
 * localized by compose, so the renderers never see IEP data or a translator. It travels in the `spec` attribute of
 * `::chart` as JSON (compose writes it with encodeChartSpec, the renderers read it with decodeChartSpec).
 */

export interface ChartPoint {
  /** ISO date of the measurement. */
  date: string;
  value: number;
}

export interface ChartTick {
  date: string;
  /** The month, short, in the copy's language. */
  label: string;
}

export interface ChartSpec {
  /** The copy's language (numbers on the y axis are formatted with Intl in it) and direction. */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The x axis: the IEP period, from its implementation to the annual review. */
  from: string;
  to: string;
  /** Every measurement up to the report printed, oldest first. */
  points: ChartPoint[];
  /** Where the student started, drawn at `from`. */
  baseline: number;
  target: number;
  /** The top of the y axis (outOf for out-of and level, 100 for percent, a round number above the data otherwise). */
  max: number;
  /** Level scales start at 1. */
  min: number;
  /** Progress means the number going down (fewer prompts). */
  decrease: boolean;
  /** Month ticks inside from..to. */
  ticks: ChartTick[];
  /**
   * Words on the chart, in the copy's language: the target line's and the start marker's. Words only, never mixed
   * with numbers: the builder sets numbers apart, so no label mixes directions (an Arabic word beside a number) and
   * each is set in one font.
   */
  goalLabel: string;
  startLabel: string;
}

/** The spec as a directive attribute value (escaped by the caller like any attribute). */
export function encodeChartSpec(spec: ChartSpec): string {
  return JSON.stringify(spec);
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The spec of a `::chart` attribute, checked: a tree made by compose always holds a good one, so anything else is a
 * bug (or a hand-made tree) and throws with what is wrong.
 */
export function decodeChartSpec(text: string): ChartSpec {
  let spec: ChartSpec;
  try {
    spec = JSON.parse(text) as ChartSpec;
  } catch {
    throw new Error('the chart spec is not JSON');
  }
  const finite = (n: unknown) => typeof n === 'number' && Number.isFinite(n);
  const problems = [
    [typeof spec === 'object' && spec !== null, 'not an object'],
    [ISO.test(String(spec?.from)) && ISO.test(String(spec?.to)) && spec.from < spec.to, 'from/to are not an ISO date range'],
    [Array.isArray(spec?.points) && spec.points.every((p) => ISO.test(String(p?.date)) && finite(p?.value)), 'points are not {date, value}'],
    [Array.isArray(spec?.ticks) && spec.ticks.every((t) => ISO.test(String(t?.date)) && typeof t?.label === 'string'), 'ticks are not {date, label}'],
    [finite(spec?.baseline) && finite(spec?.target) && finite(spec?.max) && finite(spec?.min) && spec.max > spec.min, 'the scale is not numbers with max > min'],
    [typeof spec?.goalLabel === 'string' && typeof spec?.startLabel === 'string' && typeof spec?.lang === 'string', 'labels are missing'],
  ] as const;
  const wrong = problems.filter(([ok]) => !ok).map(([, what]) => what);
  if (wrong.length > 0) throw new Error(`the chart spec is wrong: ${wrong.join('; ')}`);
  return spec;
}
