/** src/rules: compliance rules, one file per family, each citing its source. */
export { checkCompliance, complianceSummary, DEFAULT_PROFILE } from './check-compliance.js';
export type { CheckComplianceOptions, ComplianceItem, ComplianceSummary } from './check-compliance.js';
export { RULES, RULE_FAMILIES, rulesFor, ruleByCode } from './registry.js';
export { RULE_SETS } from './rule.js';
export type { Finding, Profile, Rule, RuleContext, RuleFamily, RuleSet } from './rule.js';
export { profileRules } from './profile-rules.js';
export { rulesMarkdown } from './rules-doc.js';
