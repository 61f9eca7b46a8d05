import type { ErrorObject } from 'ajv';
import type { Diagnostic, JsonPath } from '../model/diagnostic.js';
import { formatJsonPath, hasErrors } from '../model/diagnostic.js';
import { CATALOG } from '../model/diagnostic-catalog.js';
import { describeCodePoint, findUnsafeCharacters, isUnsafeCodePoint } from '../model/sanitize-text.js';
import { DOMAIN_KEYS, LanguageCode, type Iep } from '../model/iep.js';
import { isLanguage } from '../model/languages.js';
import type { SourceMap } from '../load/source-map.js';
import { closest } from '../model/closest.js';
import { describeType, describeValue, pathOfPointer } from '../model/schema-error-words.js';
import { validateIepSchema } from './iep-schema-validator.js';
import { unwrittenText } from './unwritten-text.js';
import { asMapping } from './as-mapping.js';
import { checkGoalMeasures } from './check-goal-measures.js';
import { checkProgressReports } from './check-progress-reports.js';
import { checkExtensionValues } from './check-extension-values.js';
import type { Push } from './push.js';
import { booleanHint, dateHint, languageHint, quoteHint, readDate, type FieldKey } from './what-to-type.js';

/** What to type instead, for each string format the model uses besides dates. */
const FORMAT_HINTS: Record<string, string> = {
  email: 'write one email address, like name@example.org (leave the field out when there is none)',
};

export interface ValidateOptions {
  file?: string;
  sourceMap?: SourceMap;
}

export interface ValidationResult {
  /** The typed record, present only when there are no errors. */
  iep?: Iep;
  diagnostics: Diagnostic[];
}

/**
 * Checks IEP data against the schema and the references inside it (goal -> strength ids, unique ids, goals' measures,
 * progress reports -> goals and the IEP's dates).
 * Reports every problem, each with its JSON path and, given a source map, line and column.
 */
export function validateIep(data: unknown, options: ValidateOptions = {}): ValidationResult {
  // IepSchema compiled by `npm run generate` (scripts/schema-validator-code.ts), not at every start.
  const validate = validateIepSchema;
  const diagnostics: Diagnostic[] = [];
  const locate = (path: JsonPath, key = false) => options.sourceMap?.locate(path, { key }) ?? {};
  const push = (path: JsonPath, d: Omit<Diagnostic, 'path' | 'file' | 'severity'>, key = false) =>
    diagnostics.push({
      severity: 'error',
      file: options.file,
      path: formatJsonPath(path),
      ...locate(path, key),
      ...d,
    });

  if (!validate(data)) {
    const errors = simplifyErrors(validate.errors ?? []);
    // A value of the wrong type also fails its enum; the type error alone says it.
    const typeErrorAt = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
    // The value as typed in the file (012345, "yes"), for hints that show the line to write instead.
    const written = (path: JsonPath) => options.sourceMap?.written(path);
    for (const e of errors) if (!(e.keyword === 'enum' && typeErrorAt.has(e.instancePath))) describeError(e, push, written);
  }
  checkReferences(data, push);
  checkGoalMeasures(data, push);
  checkProgressReports(data, push);
  checkExtensionValues(data, push);
  diagnostics.push(...invisibleCharacters(data, options));
  diagnostics.push(...unwrittenText(data, options));
  return hasErrors(diagnostics) ? { diagnostics } : { iep: data as Iep, diagnostics };
}

/**
 * A warning for each text holding characters the sanitiser removes (src/model/sanitize-text.ts), located at the first
 * of them: the author learns what the documents leave out, and where to retype it.
 */
function invisibleCharacters(data: unknown, options: ValidateOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (value: unknown, path: JsonPath) => {
    if (typeof value === 'string') {
      const found = findUnsafeCharacters(value);
      if (found.length === 0) return;
      const written = options.sourceMap?.locateCharacters(path, isUnsafeCodePoint) ?? [];
      // Positions in the file match the characters when both list as many (an alias or a merge key would not).
      const where = written.length === found.length ? written[0] : options.sourceMap?.locate(path);
      const field = formatJsonPath(path) || 'the record';
      const characters = [...new Set(found.map((c) => describeCodePoint(c.codePoint)))];
      out.push({
        code: 'invisible-character',
        severity: 'warning',
        file: options.file,
        path: formatJsonPath(path),
        ...where,
        message: CATALOG['invisible-character'].message({ field, count: found.length, characters: characters.length > 5 ? [...characters.slice(0, 5), '...'] : characters }),
        hint: CATALOG['invisible-character'].hint,
      });
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(data, []);
  return out;
}

const SERVICE_LISTS = ['specialEducation', 'related', 'supplementaryAids', 'assistiveTechnology', 'schoolPersonnelSupports'];

/**
 * The regulation behind a field the schema requires because IDEA does, so that a missing one says why it is needed
 * (a service without a frequency: 34 CFR 300.320(a)(7)). Keys are readable JSON paths with each list index as `[]`.
 */
export const REQUIRED_BY_LAW: Readonly<Record<string, string>> = {
  presentLevels: '34 CFR 300.320(a)(1)',
  'presentLevels.academic.description': '34 CFR 300.320(a)(1)',
  'presentLevels.social.description': '34 CFR 300.320(a)(1)',
  'presentLevels.physical.description': '34 CFR 300.320(a)(1)',
  'presentLevels.effectOnProgress': '34 CFR 300.320(a)(1)(i)',
  goals: '34 CFR 300.320(a)(2)(i)',
  'goals[].goal': '34 CFR 300.320(a)(2)(i)',
  'goals[].criteria': '34 CFR 300.320(a)(3)(i)',
  'goals[].method': '34 CFR 300.320(a)(3)(i)',
  'goals[].schedule': '34 CFR 300.320(a)(3)(i)',
  progressReporting: '34 CFR 300.320(a)(3)(ii)',
  'progressReporting.schedule': '34 CFR 300.320(a)(3)(ii)',
  services: '34 CFR 300.320(a)(4)',
  ...Object.fromEntries(
    SERVICE_LISTS.flatMap((list) => ['frequency', 'duration', 'location', 'beginDate', 'endDate'].map((field) => [`services.${list}[].${field}`, '34 CFR 300.320(a)(7)'])),
  ),
  nondisabledParticipation: '34 CFR 300.320(a)(5)',
  'nondisabledParticipation.explanation': '34 CFR 300.320(a)(5)',
  assessments: '34 CFR 300.320(a)(6)',
  'assessments.participation': '34 CFR 300.320(a)(6)',
  'transition.assessments': '34 CFR 300.320(b)(1)',
  'transition.postsecondaryGoals': '34 CFR 300.320(b)(1)',
  'transition.postsecondaryGoals.education': '34 CFR 300.320(b)(1)',
  'transition.postsecondaryGoals.employment': '34 CFR 300.320(b)(1)',
  'transition.coursesOfStudy': '34 CFR 300.320(b)(2)',
  'transition.activities': '34 CFR 300.320(b)(2)',
  'transferOfRights.studentInformed': '34 CFR 300.320(c)',
  team: '34 CFR 300.321(a)',
  parentConcerns: '34 CFR 300.324(a)(1)(ii)',
  specialFactors: '34 CFR 300.324(a)(2)',
  'specialFactors.behavior.needed': '34 CFR 300.324(a)(2)(i)',
  'specialFactors.languageNeeds.needed': '34 CFR 300.324(a)(2)(ii)',
  'specialFactors.braille.needed': '34 CFR 300.324(a)(2)(iii)',
  'specialFactors.communication.needed': '34 CFR 300.324(a)(2)(iv)',
  'specialFactors.assistiveTechnology.needed': '34 CFR 300.324(a)(2)(v)',
  'meeting.annualReviewDate': '34 CFR 300.324(b)(1)(i)',
};

/** A field's description without the citation in parentheses that the diagnostic carries as its source (printed once). */
function withoutCitation(text: string | undefined, source: string | undefined): string | undefined {
  return text && source ? text.replace(` (${source})`, '') : text;
}

/** The citation for a required field at `path`, if the law requires it (a `source` to spread into a diagnostic). */
function requiredByLaw(path: JsonPath): { source?: string } {
  const source = REQUIRED_BY_LAW[formatJsonPath(path).replace(/\[\d+\]/g, '[]')];
  return source ? { source } : {};
}

/**
 * ajv reports every branch of a union (`anyOf`) that failed. A person wants one answer: keep the errors of the
 * branch whose type matches the value written (a string, a map...), or else a single "must be one of" error.
 */
export function simplifyErrors(errors: ErrorObject[]): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf');
  let result = errors.filter((e) => e.keyword !== 'anyOf');
  // Innermost unions first, so a union inside a union is resolved before its parent.
  unions.sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const union of unions) {
    const prefix = union.schemaPath + '/';
    const inside = result.filter((e) => e.schemaPath.startsWith(prefix) && e.instancePath.startsWith(union.instancePath));
    const byBranch = new Map<string, ErrorObject[]>();
    for (const e of inside) {
      const branch = e.schemaPath.slice(prefix.length).split('/')[0] ?? '';
      byBranch.set(branch, [...(byBranch.get(branch) ?? []), e]);
    }
    const typeMismatch = (list: ErrorObject[]) =>
      list.some((e) => e.instancePath === union.instancePath && (e.keyword === 'type' || e.keyword === 'enum'));
    const matching = [...byBranch.values()].find((list) => !typeMismatch(list));
    result = result.filter((e) => !inside.includes(e));
    result.push(...(matching ?? [union]));
  }
  return result;
}

/** A description after a hint that says what to type: `write "5" (in quotes): grade: "5". Grade level: ...`. */
const withDescription = (hint: string, description: string | undefined) => (description ? `${hint}. ${description}` : hint);

export function describeError(e: ErrorObject, push: Push, written: (path: JsonPath) => string | undefined): void {
  const path = [...pathOfPointer(e.instancePath)];
  const here = formatJsonPath(path) || 'the record';
  const schema = (e.parentSchema ?? {}) as { description?: string; pattern?: string; properties?: Record<string, { description?: string }> };
  const last = path[path.length - 1];
  const key: FieldKey = typeof last === 'string' ? last : undefined;
  // A number or true/false where text is wanted: the same characters in quotes (012345 as typed, not 12345).
  const quote = () => quoteHint(key, written(path) ?? String(e.data));
  switch (e.keyword) {
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const field = formatJsonPath([...path, missing]);
      const law = requiredByLaw([...path, missing]);
      const why = withoutCitation(schema.properties?.[missing]?.description, law.source);
      push([...path, missing], {
        code: 'missing-required-field',
        message: `${field} is required${why ? `: ${lowerFirst(why).replace(/\.$/, '')}` : ''}`,
        hint: `add \`${missing}:\` under ${here}`,
        ...law,
      });
      return;
    }
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(schema.properties ?? {});
      if (known.includes('en') && known.every(isLanguage)) {
        const split = splitTranslation(e.data, extra, here);
        if (split === 'reported') return;
        if (split) {
          push([...path, extra], { code: 'text-needs-quotes', ...split }, true);
          return;
        }
      }
      const guess = closest(extra, known);
      push(
        [...path, extra],
        {
          code: 'unknown-field',
          message: `${formatJsonPath([...path, extra])} is not a field of ${here}`,
          // A mapping of free keys (extensions: namespaces) has no field list: its description says what a key is.
          hint: guess ? `did you mean \`${guess}\`?` : known.length > 0 ? `fields here: ${known.join(', ')}` : (schema.description ?? 'see docs/data-model.md'),
        },
        true,
      );
      return;
    }
    case 'type': {
      const expected = [(e.params as { type: string | string[] }).type].flat();
      const scalar = typeof e.data === 'number' || typeof e.data === 'boolean';
      const hint =
        expected.includes('string') && scalar
          ? withDescription(quote(), schema.description)
          : expected.includes('boolean') && (typeof e.data === 'string' || typeof e.data === 'number')
            ? withDescription(booleanHint(key, e.data, written(path)), schema.description)
            : (schema.description ?? 'see docs/data-model.md');
      push(path, {
        code: 'wrong-type',
        message: `${here} must be ${describeType(expected.length === 1 ? expected[0]! : expected)}, but it is ${describeValue(e.data)}`,
        hint,
      });
      return;
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      // "reading (decoding)" -> reading: a value that starts with an allowed one is most likely that one plus detail.
      const written = typeof e.data === 'string' ? e.data : undefined;
      const guess = written === undefined ? undefined : (closest(written, allowed) ?? allowed.find((a) => written.toLowerCase().startsWith(a)));
      push(path, {
        code: 'invalid-value',
        message: `${here} must be one of: ${allowed.join(', ')}; found ${describeValue(e.data)}`,
        hint: guess ? `did you mean \`${guess}\`?` : (schema.description ?? 'see docs/data-model.md'),
      });
      return;
    }
    case 'const':
      push(path, {
        code: 'invalid-value',
        message: `${here} must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}, found ${describeValue(e.data)}`,
        hint: schema.description ?? 'see docs/data-model.md',
      });
      return;
    case 'format': {
      const format = (e.params as { format: string }).format;
      const asWritten = typeof e.data === 'string' ? (written(path) ?? e.data) : undefined;
      if (format === 'date' && asWritten !== undefined && readDate(asWritten)) {
        push(path, { code: 'invalid-date', message: `${here} must be written year-month-day (YYYY-MM-DD), but it is ${describeValue(e.data)}`, hint: dateHint(key, asWritten)! });
        return;
      }
      push(path, {
        code: format === 'date' ? 'invalid-date' : 'invalid-format',
        message:
          format === 'date'
            ? `${here} is not a real calendar date: ${describeValue(e.data)}`
            : `${here} is not a valid ${format}: ${describeValue(e.data)}`,
        hint: format === 'date' ? 'write dates as YYYY-MM-DD with a day that exists in that month, e.g. 2026-02-28' : (FORMAT_HINTS[format] ?? schema.description ?? ''),
      });
      return;
    }
    case 'maxLength': {
      const max = (e.params as { limit: number }).limit;
      push(path, {
        code: 'text-too-long',
        // The value is never quoted: it may be hundreds of thousands of characters.
        message: CATALOG['text-too-long'].message({ field: here, length: [...String(e.data)].length, max }),
        hint: CATALOG['text-too-long'].hint,
      });
      return;
    }
    case 'minLength':
      push(path, { code: 'empty-value', message: `${here} must not be empty`, hint: schema.description ?? 'write the text, or remove the field if it is optional' });
      return;
    case 'minItems':
      push(path, {
        code: 'too-few-items',
        message: `${here} needs at least ${(e.params as { limit: number }).limit} entr${(e.params as { limit: number }).limit === 1 ? 'y' : 'ies'}`,
        hint: withoutCitation(schema.description, requiredByLaw(path).source) ?? '',
        ...requiredByLaw(path),
      });
      return;
    case 'pattern': {
      const language = schema.pattern === LanguageCode.pattern && typeof e.data === 'string' ? languageHint(key, e.data) : undefined;
      if (language) {
        push(path, { code: 'invalid-format', message: `${here} must be a language code such as es or bn, but it is ${describeValue(e.data)}`, hint: language });
        return;
      }
      push(path, { code: 'invalid-format', message: `${here} is not written the expected way: ${describeValue(e.data)}`, hint: schema.description ?? '' });
      return;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      push(path, {
        code: 'out-of-range',
        message: `${here} must be ${e.keyword.startsWith('min') || e.keyword === 'exclusiveMinimum' ? 'at least' : 'at most'} ${(e.params as { limit: number }).limit}, found ${describeValue(e.data)}`,
        hint: schema.description ?? '',
      });
      return;
    case 'anyOf':
      push(path, {
        code: 'wrong-type',
        message: `${here} is not written in a form iepkit reads: ${describeValue(e.data)}`,
        // Narrative text given a number (`summary: 5`) is text in quotes.
        hint: typeof e.data === 'number' || typeof e.data === 'boolean' ? withDescription(quote(), schema.description) : (schema.description ?? 'see docs/data-model.md'),
      });
      return;
    default:
      push(path, { code: 'invalid-value', message: `${here} ${e.message ?? 'is not valid'}`, hint: schema.description ?? '' });
  }
}

/**
 * Ids must be unique, and every `buildsOn` must name a strength, interest or preference that exists.
 * Runs on data that failed the schema too (so a typo in buildsOn is reported with the other problems, not in a
 * second round), reading only the parts that have the expected shape. When a present-levels domain cannot be read,
 * the ids it would hold are unknown, so references are not judged.
 */
function checkReferences(data: unknown, push: Push): void {
  const record = asMapping(data);
  const presentLevels = asMapping(record?.presentLevels);
  const strengthIds = new Map<string, JsonPath>();
  let allDomainsRead = presentLevels !== undefined;
  for (const domain of DOMAIN_KEYS) {
    const levels = asMapping(presentLevels?.[domain]);
    if (!levels) allDomainsRead = false;
    for (const list of ['strengths', 'interests', 'preferences'] as const) {
      const items = levels?.[list];
      if (!Array.isArray(items)) continue;
      items.forEach((item: unknown, i) => {
        const id = asMapping(item)?.id;
        if (typeof id !== 'string') return;
        const at: JsonPath = ['presentLevels', domain, list, i, 'id'];
        if (strengthIds.has(id)) {
          push(at, { code: 'duplicate-id', message: `the id "${id}" is used twice`, hint: `it is also used at ${formatJsonPath(strengthIds.get(id)!)}; give each item its own id` });
        } else strengthIds.set(id, at);
      });
    }
  }
  const goals = Array.isArray(record?.goals) ? (record.goals as unknown[]) : [];
  const goalIds = new Set<string>();
  goals.forEach((value, g) => {
    const goal = asMapping(value);
    if (typeof goal?.id === 'string') {
      if (goalIds.has(goal.id)) push(['goals', g, 'id'], { code: 'duplicate-id', message: `the goal id "${goal.id}" is used twice`, hint: 'give each goal its own id' });
      goalIds.add(goal.id);
    }
    if (!allDomainsRead || !Array.isArray(goal?.buildsOn)) return;
    (goal.buildsOn as unknown[]).forEach((ref, r) => {
      if (typeof ref === 'string' && !strengthIds.has(ref)) {
        const guess = closest(ref, [...strengthIds.keys()]);
        push(['goals', g, 'buildsOn', r], {
          code: 'unknown-strength-reference',
          message: `goals[${g}].buildsOn names "${ref}", which is not the id of any strength, interest or preference`,
          hint: guess ? `did you mean \`${guess}\`?` : 'use an id from presentLevels.*.strengths, interests or preferences',
        });
      }
    });
  });
}

/**
 * A translation map `{ en: Reads well, likes maps }` that a comma cut: YAML made `likes maps` a field with no value
 * (a field with a value, `zz: text`, is an unknown field as usual).
 * The first such field after a language gets the message, with the text as it was meant in quotes; the fields after
 * it in the same run are `reported` (one mistake, one message). Undefined when the field is not such a piece.
 */
function splitTranslation(data: unknown, extra: string, here: string): { message: string; hint: string } | 'reported' | undefined {
  const map = asMapping(data);
  if (!map) return undefined;
  const entries = Object.entries(map);
  const at = entries.findIndex(([k]) => k === extra);
  const piece = ([k, v]: [string, unknown]) => !isLanguage(k) && v === null;
  if (at < 1 || !piece(entries[at]!)) return undefined;
  const [lang, text] = entries[at - 1]!;
  if (!isLanguage(lang)) return piece(entries[at - 1]!) ? 'reported' : undefined;
  if (typeof text !== 'string') return undefined;
  const pieces = [text];
  for (let i = at; i < entries.length && piece(entries[i]!); i++) pieces.push(entries[i]![0]);
  const meant = pieces.join(', ');
  return {
    message: `the ${lang} text of ${here} was cut at a comma: YAML read "${extra}" as a field of its own`,
    hint: `put the text in double quotes: ${lang}: ${JSON.stringify(meant)}`,
  };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
