import type { Diagnostic } from '../model/diagnostic.js';
import type { ProfileDefinition } from '../model/profiles.js';
import { rulesFor } from './registry.js';
import type { Rule } from './rule.js';

/**
 * The rules that run in a profile: the bundled rules of its rule set, then the rules in the `rules/` folders of the
 * profile and those it extends (`profile.ruleFiles`), a rule that `replaces` another taking its place. A rule file
 * that cannot be loaded or a rule that breaks the rule API is a diagnostic naming the file; the others still run.
 */
export function profileRules(profile: ProfileDefinition): { rules: Rule[]; diagnostics: Diagnostic[] } {
  // Outside rule files: loaded by H2's loader (issue 21 part 2); until then only the bundled set.
  return { rules: rulesFor(profile.ruleSet), diagnostics: [] };
}
