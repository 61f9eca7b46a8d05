/**
 * Writes docs/rules.md from the rule modules, so the documented rules can never disagree with the code.
 * `npm run generate` writes it (through src/model/generated-files.ts); the drift test fails when the copy is stale.
 */
import { RULE_FAMILIES, RULES, rulesFor } from './registry.js';
import { RULE_SETS, type Rule } from './rule.js';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** "federal, ny", or "federal (replaced in ny by `x`)". */
function profilesText(rule: Rule, replacedBy: Map<string, string>): string {
  const replacement = replacedBy.get(rule.code);
  const parts = rule.profiles.map((p) => p as string);
  return replacement ? `${parts.filter((p) => p !== 'ny').join(', ')} (in ny replaced by \`${replacement}\`)` : parts.join(', ');
}

export function rulesMarkdown(): string {
  const replacedBy = new Map(RULES.filter((r) => r.replaces).map((r) => [r.replaces!, r.code]));
  const counts = RULE_SETS.map((p) => `${rulesFor(p).length} in \`${p}\``).join(', ');
  const out: string[] = [
    '# Compliance rules',
    '',
    '<!-- Generated from src/rules by `npm run generate`. Do not edit by hand. -->',
    '',
    '`iep check <files...> --profile ny|federal` runs these rules over every IEP that passes validation (`iep validate`);',
    'an IEP with validation errors reports those and is not rule-checked. Each finding is printed with its line and',
    'column, the rule code, a hint and the regulation the rule enforces.',
    '',
    '- `--profile ny` (the default): IDEA and the Regulations of the New York Commissioner of Education (8 NYCRR Part 200).',
    "  Where New York's rule differs from the federal one, New York's version replaces it (e.g. transition planning from 15, not 16).",
    '- `--profile federal`: IDEA and its regulations (34 CFR Part 300) alone.',
    '',
    'An **error** is a requirement the IEP does not meet: `iep check` exits with 1. A **warning** is something to look at;',
    `with warnings only, \`iep check\` exits with 0. There are ${RULES.length} rules (${counts}).`,
    '',
    'Ages are computed from `student.dateOfBirth` in whole years; someone born on 29 February turns a year older on',
    '1 March in a common year. "The first IEP in effect when the student is N" means the student turns N on or before',
    'the projected annual review date.',
    '',
    '| code | severity | profiles | source | title |',
    '|---|---|---|---|---|',
    ...RULES.map((r) => `| [\`${r.code}\`](#${r.code}) | ${r.severity} | ${escapeCell(profilesText(r, replacedBy))} | ${r.citation} | ${escapeCell(r.title)} |`),
    '',
  ];
  for (const family of RULE_FAMILIES) {
    out.push(`## ${family.title}`, '');
    for (const rule of family.rules) {
      out.push(
        `### ${rule.code}`,
        '',
        `**${rule.title}.** ${rule.checks}`,
        '',
        `- severity: ${rule.severity}`,
        `- profiles: ${profilesText(rule, replacedBy)}`,
        ...(rule.replaces ? [`- replaces: \`${rule.replaces}\``] : []),
        `- source: ${rule.citation}`,
        `- fix: ${rule.hint}`,
        '',
        'Example that passes:',
        '',
        '```yaml',
        rule.example,
        '```',
        '',
      );
    }
  }
  return out.join('\n');
}
