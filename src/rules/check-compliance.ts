import { DEFAULTS } from '../model/defaults.js';
import type { Diagnostic, RuleCode } from '../model/diagnostic.js';
import type { ComplianceItem, ComplianceSummary } from '../model/compliance.js';
export type { ComplianceItem, ComplianceSummary } from '../model/compliance.js';
import { formatJsonPath, sortDiagnostics } from '../model/diagnostic.js';
import type { Iep } from '../model/iep.js';
import type { SourceMap } from '../load/source-map.js';
import { resolveProfile } from '../load/load-profile.js';
import type { Profile, ProfileDefinition, ProfileDirs } from '../model/profiles.js';
import { errorPosition } from './load-rule-file.js';
import { findingsProblem, type Finding, type RuleContext } from './profile-rule.js';
import { profileRules } from './profile-rules.js';
import { RULE_HELPERS } from './rule-helpers.js';
import type { ActiveRule } from './rule.js';

export interface CheckComplianceOptions extends ProfileDirs {
  /** The profile, by name (`ny`, the default; `federal`; `ma`; one in a `templates` folder) or as loadProfile resolved it. */
  profile?: Profile | ProfileDefinition;
  /** The IEP's file, printed with each diagnostic. */
  file?: string;
  /** From the loader: turns each finding's JSON path into line and column. */
  sourceMap?: SourceMap;
  /** The district's school day in minutes; the profile's setting (`settings.schoolDayMinutes`, 300) when absent. */
  schoolDayMinutes?: number;
}

/** The profile checked when none is given: the one in src/model/defaults.ts. */
export const DEFAULT_PROFILE: Profile = DEFAULTS.profile;

/**
 * Runs the compliance rules of a profile over a valid IEP (one that passed `validateIep`) and answers one
 * diagnostic per finding, with the rule's code, severity, hint and citation (`source`), located in the file when a
 * source map is given. Sorted by position. Never throws on IEP data; an unknown profile, or a profile whose files
 * have problems, answers those problems as diagnostics (`profile-unknown`, `profile-error`, `rule-invalid`...).
 */
export function checkCompliance(iep: Iep, options: CheckComplianceOptions = {}): Diagnostic[] {
  const resolved = resolveProfile(options);
  if (!resolved.profile) return resolved.diagnostics;
  const profile = resolved.profile;
  const schoolDayMinutes = options.schoolDayMinutes ?? profile.settings.schoolDayMinutes;
  if (!(schoolDayMinutes > 0)) throw new TypeError(`schoolDayMinutes must be a positive number of minutes: ${String(options.schoolDayMinutes)}`);
  const ctx: RuleContext = { profile: profile.id, settings: profile.settings, schoolDayMinutes, helpers: RULE_HELPERS };
  const { rules, diagnostics: ruleDiagnostics } = profileRules(profile);
  const diagnostics: Diagnostic[] = [...ruleDiagnostics];
  for (const rule of rules) {
    const { findings, failure } = rule.file === undefined ? { findings: rule.check(iep, ctx) } : runOutsideRule(rule, rule.file, iep, ctx, options.file);
    if (failure) diagnostics.push(failure);
    for (const finding of findings) {
      const position = options.sourceMap?.locate(finding.path);
      const diagnostic: Diagnostic = {
        code: rule.code as RuleCode,
        severity: rule.severity,
        message: finding.message,
        hint: finding.hint ?? rule.hint,
        path: formatJsonPath(finding.path),
        source: rule.citation,
      };
      if (options.file !== undefined) diagnostic.file = options.file;
      if (position) {
        diagnostic.line = position.line;
        diagnostic.column = position.column;
      }
      diagnostics.push(diagnostic);
    }
  }
  return sortDiagnostics(diagnostics);
}

/**
 * Runs a rule from a profile's folder: one that throws, or answers something other than a list of findings, is a
 * `rule-failed` diagnostic naming the rule and its file (and the IEP it was checking); the other rules still run.
 */
function runOutsideRule(rule: ActiveRule, ruleFile: string, iep: Iep, ctx: RuleContext, iepFile: string | undefined): { findings: Finding[]; failure?: Diagnostic } {
  const checking = iepFile !== undefined ? ` while checking ${iepFile}` : '';
  let answer: unknown;
  try {
    answer = rule.check(iep, ctx);
  } catch (error) {
    const text = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { findings: [], failure: failedRule(rule, ruleFile, `threw${checking}: ${text}`, error instanceof Error ? errorPosition(error, ruleFile) : undefined) };
  }
  const problem = findingsProblem(answer);
  return problem === undefined ? { findings: answer as Finding[] } : { findings: [], failure: failedRule(rule, ruleFile, `${problem}${checking}`) };
}

function failedRule(rule: ActiveRule, ruleFile: string, what: string, position?: { line: number; column: number }): Diagnostic {
  return {
    code: 'rule-failed',
    severity: 'error',
    file: ruleFile,
    ...(position ?? {}),
    message: `rule \`${rule.code}\` ${what}; its findings are missing from this check`,
    hint: 'fix the rule: check(iep, ctx) must return a list of findings { path, message } and never throw (docs/rules-api.md)',
  };
}

/** Summarises compliance diagnostics (as `checkCompliance` returns them) for a document or a report. */
export function complianceSummary(diagnostics: readonly Diagnostic[]): ComplianceSummary {
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length;
  const errors = count('error');
  return {
    passed: errors === 0,
    errors,
    warnings: count('warning'),
    infos: count('info'),
    items: diagnostics.map((d) => {
      const item: ComplianceItem = { code: d.code, severity: d.severity, message: d.message };
      if (d.hint !== undefined) item.hint = d.hint;
      if (d.path !== undefined) item.path = d.path;
      if (d.source !== undefined) item.source = d.source;
      return item;
    }),
  };
}
