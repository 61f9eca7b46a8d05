/** Every compliance rule, by family, in the order docs/rules.md lists them. Add a new rule to its family's list. */
import { AMENDMENT_RULES } from './amendments.js';
import { DATE_RULES } from './dates.js';
import { GOAL_RULES } from './goals.js';
import { NY_PROGRAM_RULES } from './ny-programs.js';
import { PARTICIPATION_RULES } from './participation.js';
import { PRESENT_LEVELS_RULES } from './present-levels.js';
import type { Rule, RuleFamily, RuleSet } from './rule.js';
import { SERVICE_RULES } from './services.js';
import { SPECIAL_FACTOR_RULES } from './special-factors.js';
import { TEAM_RULES } from './team.js';
import { TRANSITION_RULES } from './transition.js';

export const RULE_FAMILIES: readonly RuleFamily[] = [
  { id: 'present-levels', title: 'Present levels of performance', rules: PRESENT_LEVELS_RULES },
  { id: 'special-factors', title: 'Special factors', rules: SPECIAL_FACTOR_RULES },
  { id: 'goals', title: 'Annual goals and progress reporting', rules: GOAL_RULES },
  { id: 'services', title: 'Programs and services', rules: SERVICE_RULES },
  { id: 'ny-programs', title: 'New York programs: special class, integrated co-teaching, consultant teacher, resource room', rules: NY_PROGRAM_RULES },
  { id: 'participation', title: 'Participation and assessments', rules: PARTICIPATION_RULES },
  { id: 'transition', title: 'Transition and transfer of rights', rules: TRANSITION_RULES },
  { id: 'team', title: 'The IEP team and the parent at the meeting', rules: TEAM_RULES },
  { id: 'dates', title: 'Dates', rules: DATE_RULES },
  { id: 'amendments', title: 'Amendments', rules: AMENDMENT_RULES },
];

/** All rules, every profile. */
export const RULES: readonly Rule[] = RULE_FAMILIES.flatMap((f) => f.rules);

/** The bundled rules of a rule set: those listing it, less any replaced by another rule that runs there. */
export function rulesFor(ruleSet: RuleSet): Rule[] {
  const applicable = RULES.filter((r) => r.profiles.includes(ruleSet));
  const replaced = new Set(applicable.flatMap((r) => (r.replaces ? [r.replaces] : [])));
  return applicable.filter((r) => !replaced.has(r.code));
}

/** The rule with `code`, if any. */
export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}
