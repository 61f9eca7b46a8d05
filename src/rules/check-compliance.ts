import { DEFAULTS } from '../model/defaults.js';
import type { Diagnostic, RuleCode } from '../model/diagnostic.js';
import type { ComplianceItem, ComplianceSummary } from '../model/compliance.js';
export type { ComplianceItem, ComplianceSummary } from '../model/compliance.js';
import { formatJsonPath, sortDiagnostics } from '../model/diagnostic.js';
import type { Iep } from '../model/iep.js';
import type { SourceMap } from '../load/source-map.js';
import { resolveProfile } from '../load/load-profile.js';
import type { Profile, ProfileDefinition, ProfileDirs } from '../model/profiles.js';
import { profileRules } from './profile-rules.js';

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
  const ctx = { profile: profile.id, settings: profile.settings, schoolDayMinutes };
  const { rules, diagnostics: ruleDiagnostics } = profileRules(profile);
  const diagnostics: Diagnostic[] = [...ruleDiagnostics];
  for (const rule of rules) {
    for (const finding of rule.check(iep, ctx)) {
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
