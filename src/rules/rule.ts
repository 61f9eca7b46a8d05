import type { JsonPath } from '../model/diagnostic.js';
import type { Iep } from '../model/iep.js';

/**
 * The bundled rule sets. `federal` is IDEA (34 CFR Part 300) alone; `ny` is IDEA plus the Regulations of the
 * New York Commissioner of Education (8 NYCRR Part 200), with New York's version of a rule replacing the federal one
 * where the two differ (e.g. transition planning from 15 instead of 16). A profile names the set it runs in its
 * profile.yaml (`ruleSet`) and may add rules of its own from its folder (src/rules/profile-rules.ts).
 */
import { RULE_SETS, type RuleSet } from '../model/profile-config.js';
import type { Profile, ProfileSettings } from '../model/profiles.js';
export { RULE_SETS, type RuleSet } from '../model/profile-config.js';
export type { Profile } from '../model/profiles.js';

/** What a rule knows besides the IEP itself. */
export interface RuleContext {
  /** The profile the record is checked in (e.g. `ny`, `ma`, or one from a `--templates` folder). */
  profile: Profile;
  /** Its settings: transition age, whether rights transfer at majority, the school day... */
  settings: ProfileSettings;
  /** The length of the school day in minutes (the profile's setting unless the caller gave the district's own). */
  schoolDayMinutes: number;
}

/** One problem a rule found: where (a JSON path into the IEP), what is wrong, and optionally a fix for this case. */
export interface Finding {
  path: JsonPath;
  message: string;
  /** A hint for this very finding; the rule's own hint is used when absent. */
  hint?: string;
}

/**
 * A compliance rule: a small, documented check with a stable code that cites the regulation it enforces.
 * docs/rules.md is generated from these fields, so they are written for a case manager to read.
 */
export interface Rule {
  /** Stable kebab-case code, e.g. `goal-not-measurable`. New York-only rules start with `ny-`. */
  code: string;
  severity: 'error' | 'warning';
  /** The bundled rule sets the rule runs in (a profile runs one set, named in its profile.yaml). */
  profiles: readonly RuleSet[];
  /** The code of a rule this one replaces when both would run (New York's version of a federal rule). */
  replaces?: string;
  /** A short title, e.g. "Annual goals are measurable". */
  title: string;
  /** What the rule checks, in one or two sentences. */
  checks: string;
  /** The regulation, written exactly, e.g. `34 CFR 300.320(a)(2)(i)` or `8 NYCRR 200.4(d)(2)(ix)`. */
  citation: string;
  /** How to fix a finding, in one line (printed under the diagnostic). */
  hint: string;
  /** A YAML excerpt of an IEP that passes the rule. */
  example: string;
  check(iep: Iep, ctx: RuleContext): Finding[];
}

/** A family of rules: one file under src/rules/, one section of docs/rules.md. */
export interface RuleFamily {
  id: string;
  title: string;
  rules: readonly Rule[];
}

/** Both rule sets: the default for federal rules, which New York also applies. */
export const ALL_PROFILES: readonly RuleSet[] = RULE_SETS;
export const NY_ONLY: readonly RuleSet[] = ['ny'];
