import { MEASURE_SCALES } from '../model/iep.js';
import { asMapping } from './as-mapping.js';
import type { Push } from './push.js';

type Scale = (typeof MEASURE_SCALES)[number];

/** A goal's measure as far as it can be read: its scale, and `outOf` when it is a whole number. */
export interface ReadMeasure {
  scale: Scale;
  outOf?: number;
}

/** The goal's `measure`, when its scale can be read (the schema reports the rest). */
export function readMeasure(value: unknown): ReadMeasure | undefined {
  const measure = asMapping(value);
  const scale = measure?.scale;
  if (typeof scale !== 'string' || !(MEASURE_SCALES as readonly string[]).includes(scale)) return undefined;
  const outOf = measure?.outOf;
  return Number.isInteger(outOf) && (outOf as number) >= 1 ? { scale: scale as Scale, outOf: outOf as number } : { scale: scale as Scale };
}

/**
 * Why `value` cannot be a result on `measure`'s scale, as the end of a sentence ("... is 7, but <reason>"), or
 * undefined when it can. A negative number or a non-number is left to the schema, which reports it already.
 */
export function scaleProblem(value: unknown, measure: ReadMeasure): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined;
  const whole = Number.isInteger(value);
  switch (measure.scale) {
    case 'percent':
      return value > 100 ? 'a percent is at most 100' : undefined;
    case 'out-of':
      if (!whole) return 'the scale is out-of, which counts whole trials or items';
      return measure.outOf !== undefined && value > measure.outOf ? `the scale is out of ${measure.outOf}` : undefined;
    case 'level':
      if (!whole) return 'the scale is a rubric level, a whole number';
      if (value < 1) return `rubric levels start at 1`;
      return measure.outOf !== undefined && value > measure.outOf ? `the rubric's highest level is ${measure.outOf}` : undefined;
    case 'count':
      return whole ? undefined : 'the scale is a count, a whole number';
    default:
      // per-minute and minutes: any number from 0 is a possible rate or duration.
      return undefined;
  }
}

/**
 * Each goal's `measure` agrees with itself: out-of and level say `outOf` (out of how many, the highest level), and
 * the baseline and target are possible on the scale (a baseline of 12 "out of 10" cannot be charted).
 */
export function checkGoalMeasures(data: unknown, push: Push): void {
  const goals = asMapping(data)?.goals;
  if (!Array.isArray(goals)) return;
  goals.forEach((value: unknown, g) => {
    const raw = asMapping(asMapping(value)?.measure);
    const measure = readMeasure(raw);
    if (!raw || !measure) return;
    const at = ['goals', g, 'measure'] as const;
    if ((measure.scale === 'out-of' || measure.scale === 'level') && raw.outOf === undefined) {
      push(
        [...at, 'scale'],
        {
          code: 'impossible-measure-value',
          message: `goals[${g}].measure has the scale ${measure.scale} but no outOf: ${measure.scale === 'out-of' ? 'out of how many trials or items' : 'the highest level of the rubric'} is not said`,
          hint: measure.scale === 'out-of' ? 'add `outOf:`, e.g. outOf: 10 for "7 of 10"' : 'add `outOf:` with the highest level of the rubric, e.g. outOf: 4',
        },
      );
    }
    for (const field of ['baseline', 'target'] as const) {
      const reason = scaleProblem(raw[field], measure);
      if (reason) {
        push([...at, field], {
          code: 'impossible-measure-value',
          message: `goals[${g}].measure.${field} is ${String(raw[field])}, but ${reason}`,
          hint: `write the ${field} on the goal's scale, as the goal's ${field === 'baseline' ? 'baseline' : 'criteria'} counts it`,
        });
      }
    }
  });
}
