import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { closest } from '../model/closest.js';
import { isCatalogCode } from '../model/diagnostic-catalog.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { ProfileDefinition } from '../model/profiles.js';
import { loadRuleFile } from './load-rule-file.js';
import { ruleApiProblems, type ProfileRule } from './profile-rule.js';
import { RULES, rulesFor } from './registry.js';
import type { ActiveRule } from './rule.js';

/**
 * The rules that run in a profile: the bundled rules of its rule set, then the rules in the `rules/` folders of the
 * profile and those it extends (`profile.ruleFiles`, most specific first), a rule that `replaces` another taking its
 * place. A rule file that cannot be loaded or a rule that breaks the rule API is a diagnostic naming the file and the
 * rule, and that rule does not run; the others still do. Files are read again when they change.
 */
export function profileRules(profile: ProfileDefinition): { rules: ActiveRule[]; diagnostics: Diagnostic[] } {
  const bundled: ActiveRule[] = rulesFor(profile.ruleSet);
  const outside: ActiveRule[] = [];
  const diagnostics: Diagnostic[] = [];
  // Codes no outside rule may take: the catalog's are checked with isCatalogCode; every bundled rule's, in any set.
  const taken = new Map<string, string>(RULES.map((r) => [r.code, 'a bundled rule']));
  const wanted: { rule: ActiveRule; invalid(message: string, hint: string): void }[] = [];

  for (const file of profile.ruleFiles) {
    const loaded = loadRuleFile(file);
    if (loaded.diagnostic) {
      diagnostics.push(loaded.diagnostic);
      continue;
    }
    // <root>/<profile id>/rules/<file>: the profile whose folder holds the file owns its codes.
    const owner = basename(dirname(dirname(file)));
    const exported = loaded.exported;
    const list = Array.isArray(exported) ? exported : [exported];
    if (exported === undefined) {
      diagnostics.push(invalid(file, undefined, 'has no default export', 'write `export default { code, severity, ... }` or `export default [ ...rules ]`'));
      continue;
    }
    list.forEach((value, index) => {
      const code = typeof (value as { code?: unknown } | null)?.code === 'string' ? (value as { code: string }).code : undefined;
      const name = code !== undefined ? `rule \`${code}\`` : Array.isArray(exported) ? `rule ${index + 1} of the list` : 'the exported rule';
      const report = (message: string, hint: string) => diagnostics.push(invalid(file, code, `${name} ${message}`, hint));
      const problems = ruleApiProblems(value, owner);
      for (const p of problems) report(p.message, p.hint);
      if (problems.length > 0 || code === undefined) return;
      const already = taken.get(code) ?? (isCatalogCode(code) ? 'a diagnostic of the catalog (docs/errors.md)' : undefined);
      if (already) {
        report(`has the code of ${already}`, 'give the rule a code of its own (a rule that stands in for another says so with `replaces:`)');
        return;
      }
      taken.set(code, `the rule in ${file}`);
      wanted.push({ rule: { ...(value as ProfileRule), profiles: [owner], file }, invalid: report });
    });
  }

  // `replaces` may name any bundled rule or any rule from a profile's folder: in this profile, it runs instead.
  for (const { rule, invalid: report } of wanted) {
    if (rule.replaces === undefined || taken.has(rule.replaces)) outside.push(rule);
    else report(`replaces \`${rule.replaces}\`, but there is no rule with that code`, closestCodeHint(rule.replaces, [...taken.keys()]));
  }
  const replaced = new Set(outside.flatMap((r) => (r.replaces ? [r.replaces] : [])));
  return { rules: [...bundled, ...outside].filter((r) => !replaced.has(r.code)), diagnostics };
}

function closestCodeHint(code: string, codes: readonly string[]): string {
  const guess = closest(code, codes);
  return guess ? `did you mean \`${guess}\`?` : 'name a code from docs/rules.md or `iep rules --profile <profile>`, or remove `replaces`';
}

function invalid(file: string, code: string | undefined, message: string, hint: string): Diagnostic {
  return { code: 'rule-invalid', severity: 'error', file, ...(code !== undefined ? lineOf(file, code) : {}), message, hint };
}

/** The line and column of the rule's code in its file, when the code is written there once (it usually is). */
function lineOf(file: string, code: string): { line?: number; column?: number } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  const found = [...text.matchAll(new RegExp(`(['"\`])${code.replace(/[-]/g, '\\-')}\\1`, 'g'))];
  if (found.length !== 1) return {};
  const before = text.slice(0, found[0]!.index).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
