/** src/rules: compliance rules, one file per family, each citing its source. */
export { checkCompliance, complianceSummary, DEFAULT_PROFILE } from './check-compliance.js';
export type { CheckComplianceOptions, ComplianceItem, ComplianceSummary } from './check-compliance.js';
export { RULES, RULE_FAMILIES, rulesFor, ruleByCode } from './registry.js';
export { PROFILES, isProfile } from './rule.js';
export type { Finding, Profile, Rule, RuleContext, RuleFamily } from './rule.js';
export { rulesMarkdown } from './rules-doc.js';
