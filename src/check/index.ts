/** src/check: schema validation and compliance rules. */
export { checkCompliance, complianceSummary, DEFAULT_PROFILE } from './check-compliance.js';
export type { CheckComplianceOptions, ComplianceItem, ComplianceSummary } from './check-compliance.js';
export { RULES, RULE_FAMILIES, rulesFor, ruleByCode } from './rules/registry.js';
export { PROFILES, isProfile } from './rules/rule.js';
export type { Finding, Profile, Rule, RuleContext, RuleFamily } from './rules/rule.js';
export { rulesMarkdown } from './rules-doc.js';
