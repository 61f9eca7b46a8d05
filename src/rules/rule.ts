
/**
 * The bundled rule sets. `federal` is IDEA (34 CFR Part 300) alone; `ny` is IDEA plus the Regulations of the
 * New York Commissioner of Education (8 NYCRR Part 200), with New York's version of a rule replacing the federal one
 * where the two differ (e.g. transition planning from 15 instead of 16). A profile names the set it runs in its
 * profile.yaml (`ruleSet`) and may add rules of its own from its folder (src/rules/profile-rules.ts).
 */
import { RULE_SETS, type RuleSet } from '../model/profile-config.js';
export { RULE_SETS, type RuleSet } from '../model/profile-config.js';
export type { Profile } from '../model/profiles.js';

import type { ProfileRule } from './profile-rule.js';
export type { Finding, ProfileRule, RuleContext, RuleHelpers } from './profile-rule.js';

/**
 * A bundled compliance rule: a small, documented check with a stable code that cites the regulation it enforces, in
 * the rule API every rule meets (ProfileRule), plus the bundled rule sets it runs in. New York-only rules start with
 * `ny-`. docs/rules.md is generated from these fields, so they are written for a case manager to read.
 */
export interface Rule extends ProfileRule {
  /** The bundled rule sets the rule runs in (a profile runs one set, named in its profile.yaml). */
  profiles: readonly RuleSet[];
}

/**
 * A rule as a profile runs it: a bundled one, or one from a file of the `rules/` folder of the profile or of one it
 * extends (`file`; `profiles` then names the profile whose folder holds it).
 */
export interface ActiveRule extends ProfileRule {
  profiles: readonly string[];
  /** The rule file, for a rule from a profile's folder. */
  file?: string;
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
