import { DEFAULTS } from '../model/defaults.js';
import type { Diagnostic, RuleCode } from '../model/diagnostic.js';
import type { ComplianceItem, ComplianceSummary } from '../model/compliance.js';
export type { ComplianceItem, ComplianceSummary } from '../model/compliance.js';
import { formatJsonPath, sortDiagnostics } from '../model/diagnostic.js';
import type { Iep } from '../model/iep.js';
import type { SourceMap } from '../load/source-map.js';
import { SCHOOL_DAY_MINUTES } from '../model/minutes-per-week.js';
import { rulesFor } from './registry.js';
import { isProfile, type Profile } from './rule.js';

export interface CheckComplianceOptions {
  /** `ny` (the default) or `federal`. */
  profile?: Profile;
  /** The IEP's file, printed with each diagnostic. */
  file?: string;
  /** From the loader: turns each finding's JSON path into line and column. */
  sourceMap?: SourceMap;
  /** The district's school day in minutes; the profile's setting (`SCHOOL_DAY_MINUTES`, 300) when absent. */
  schoolDayMinutes?: number;
}

/** The profile checked when none is given: the one in src/model/defaults.ts. */
export const DEFAULT_PROFILE: Profile = DEFAULTS.profile;

/**
 * Runs the compliance rules of a profile over a valid IEP (one that passed `validateIep`) and answers one
 * diagnostic per finding, with the rule's code, severity, hint and citation (`source`), located in the file when a
 * source map is given. Sorted by position. Never throws on IEP data.
 */
export function checkCompliance(iep: Iep, options: CheckComplianceOptions = {}): Diagnostic[] {
  const profile = options.profile ?? DEFAULT_PROFILE;
  if (!isProfile(profile)) throw new TypeError(`unknown compliance profile: ${String(profile)}`);
  const schoolDayMinutes = options.schoolDayMinutes ?? SCHOOL_DAY_MINUTES[profile];
  if (!(schoolDayMinutes > 0)) throw new TypeError(`schoolDayMinutes must be a positive number of minutes: ${String(options.schoolDayMinutes)}`);
  const ctx = { profile, schoolDayMinutes };
  const diagnostics: Diagnostic[] = [];
  for (const rule of rulesFor(profile)) {
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
