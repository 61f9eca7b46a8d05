import type { Diagnostic } from './diagnostic.js';

/** One finding as the compliance summary lists it. */
export interface ComplianceItem {
  code: string;
  severity: Diagnostic['severity'];
  message: string;
  hint?: string;
  path?: string;
  source?: string;
}

/** What a draft appends under "Compliance check": counts by severity and the findings. */
export interface ComplianceSummary {
  /** True when there is no error (warnings allowed). */
  passed: boolean;
  errors: number;
  warnings: number;
  infos: number;
  items: ComplianceItem[];
}
