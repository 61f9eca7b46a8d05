/**
 * The rule API: what a rule is, what it receives and what it answers, for the bundled rules (src/rules) and for the
 * rules a profile brings in its folder (`<templates>/<profile>/rules/*.{js,mjs,ts}`). The one definition of it:
 * PROFILE_RULE_FIELDS is both the check a rule file's rules get (profile-rules.ts) and the list docs/rules-api.md
 * documents (a test holds the two together). TypeScript authors: `import type { ProfileRule } from 'iepkit'`.
 */
import { closest } from '../model/closest.js';
import type { JsonPath } from '../model/diagnostic.js';
import type { Iep, Text } from '../model/iep.js';
import type { Profile, ProfileSettings } from '../model/profiles.js';

/** Date and text helpers the bundled rules use, handed to every rule so that a profile's rules agree with them. */
export interface RuleHelpers {
  /** True when the IEP is the first one in effect at `age` or a later one: the student turns `age` on or before the projected annual review date. */
  inEffectAtAge(iep: Iep, age: number): boolean;
  /** The day (YYYY-MM-DD) someone born on `dateOfBirth` turns `age` (29 February: 1 March in a common year). */
  dateTurning(dateOfBirth: string, age: number): string;
  /** Negative, zero or positive as date `a` is before, the same day as, or after `b` (YYYY-MM-DD). */
  compareDates(a: string, b: string): number;
  /** Age in whole years on `date` (the birthday itself counts). */
  ageOn(dateOfBirth: string, date: string): number;
  /** The English (legal) text of a narrative field, a string or a `{ en, es, ... }` map; '' when absent. */
  englishText(text: Text | undefined): string;
}

/** What a rule knows besides the IEP itself. */
export interface RuleContext {
  /** The profile the record is checked in (e.g. `ny`, `ma`, or one from a `--templates` folder). */
  profile: Profile;
  /** Its settings: transition age, whether rights transfer at majority, the school day... */
  settings: ProfileSettings;
  /** The length of the school day in minutes (the profile's setting unless the caller gave the district's own). */
  schoolDayMinutes: number;
  helpers: RuleHelpers;
}

/** One problem a rule found: where (a JSON path into the IEP), what is wrong, and optionally a fix for this case. */
export interface Finding {
  path: JsonPath;
  message: string;
  /** A hint for this very finding; the rule's own hint is used when absent. */
  hint?: string;
}

/**
 * A compliance rule as a profile's rule file exports it (its default export is one of these or a list of them).
 * The bundled rules are the same with the rule sets they run in (`Rule` in rule.ts).
 */
export interface ProfileRule {
  /** Stable kebab-case code. A profile's rule starts with the profile's id: `ma-transition-required`. */
  code: string;
  severity: 'error' | 'warning';
  /** The code of a rule this one replaces in the profile (e.g. a state's transition age instead of IDEA's). */
  replaces?: string;
  /** A short title, e.g. "Annual goals are measurable". */
  title: string;
  /** What the rule checks, in one or two sentences. */
  checks: string;
  /** The regulation, written exactly, e.g. `34 CFR 300.320(a)(2)(i)` or `603 CMR 28.05(4)(c)`. */
  citation: string;
  /** How to fix a finding, in one line (printed under the diagnostic). */
  hint: string;
  /** A YAML excerpt of an IEP that passes the rule. */
  example: string;
  /** The check: the typed IEP (one that passed validation) in, the findings out (an empty list when it passes). */
  check(iep: Iep, ctx: RuleContext): Finding[];
}

type FieldKind = 'code' | 'severity' | 'text' | 'function' | 'code-ref';

/** Every field of the rule API, in the order docs/rules-api.md lists them. */
export const PROFILE_RULE_FIELDS: readonly { name: keyof ProfileRule; kind: FieldKind; required: boolean }[] = [
  { name: 'code', kind: 'code', required: true },
  { name: 'severity', kind: 'severity', required: true },
  { name: 'replaces', kind: 'code-ref', required: false },
  { name: 'title', kind: 'text', required: true },
  { name: 'checks', kind: 'text', required: true },
  { name: 'citation', kind: 'text', required: true },
  { name: 'hint', kind: 'text', required: true },
  { name: 'example', kind: 'text', required: true },
  { name: 'check', kind: 'function', required: true },
];

const CODE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.trim() === '' ? 'an empty string' : `"${value.length > 40 ? value.slice(0, 40) + '...' : value}"`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/**
 * What breaks the API in one exported value, field by field (an empty list when it is a rule). Whether the code is
 * unique and what `replaces` names exist are the profile's to check (profile-rules.ts): they depend on the other rules.
 */
export function ruleApiProblems(value: unknown, profileId: string): { message: string; hint: string }[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ message: `is ${describe(value)}, not a rule`, hint: 'export a rule object { code, severity, title, checks, citation, hint, example, check(iep, ctx) }, or a list of them' }];
  }
  const rule = value as Record<string, unknown>;
  const problems: { message: string; hint: string }[] = [];
  const names = PROFILE_RULE_FIELDS.map((f) => f.name as string);
  for (const field of PROFILE_RULE_FIELDS) {
    const v = rule[field.name];
    if (v === undefined) {
      if (field.required) problems.push({ message: `has no \`${field.name}\``, hint: hintFor(field.kind, field.name, profileId) });
      continue;
    }
    const ok =
      field.kind === 'function'
        ? typeof v === 'function'
        : field.kind === 'severity'
          ? v === 'error' || v === 'warning'
          : field.kind === 'code'
            ? typeof v === 'string' && CODE.test(v) && v.startsWith(`${profileId}-`)
            : typeof v === 'string' && v.trim() !== '';
    if (!ok) problems.push({ message: `\`${field.name}\` is ${describe(v)}${field.kind === 'code' && typeof v === 'string' && CODE.test(v) ? `, which does not start with the profile's id \`${profileId}-\`` : ''}`, hint: hintFor(field.kind, field.name, profileId) });
  }
  for (const key of Object.keys(rule)) {
    if (names.includes(key)) continue;
    const guess = closest(key, names);
    problems.push({ message: `has a field \`${key}\` the rule API does not know`, hint: guess ? `did you mean \`${guess}\`?` : `a rule has only ${names.map((n) => `\`${n}\``).join(', ')}; keep helpers outside the rule object` });
  }
  return problems;
}

function hintFor(kind: FieldKind, name: string, profileId: string): string {
  switch (kind) {
    case 'code':
      return `write a kebab-case code that starts with the profile's id, e.g. code: '${profileId}-transition-required'`;
    case 'severity':
      return "write severity: 'error' (a requirement the IEP does not meet) or 'warning' (something to look at)";
    case 'function':
      return 'write check(iep, ctx) { return [] } returning a list of findings { path, message }';
    case 'code-ref':
      return 'name the code of the rule this one replaces, e.g. replaces: \'transition-required\'';
    default:
      return `write ${name}: '...' (a non-empty text: docs/rules-api.md says what each field is for)`;
  }
}

/** What is wrong with what a check answered, or undefined when it is a list of findings. */
export function findingsProblem(value: unknown): string | undefined {
  if (!Array.isArray(value)) return `answered ${describe(value)} instead of a list of findings`;
  for (const [i, f] of value.entries()) {
    if (typeof f !== 'object' || f === null) return `finding ${i} is ${describe(f)}, not { path, message }`;
    const { path, message, hint } = f as Record<string, unknown>;
    if (!Array.isArray(path) || !path.every((p) => typeof p === 'string' || (typeof p === 'number' && Number.isInteger(p) && p >= 0))) return `finding ${i} has a \`path\` that is not a list of keys and indexes (e.g. ['goals', 0, 'criteria'])`;
    if (typeof message !== 'string' || message.trim() === '') return `finding ${i} has no \`message\` text`;
    if (hint !== undefined && typeof hint !== 'string') return `finding ${i} has a \`hint\` that is not a text`;
  }
  return undefined;
}
