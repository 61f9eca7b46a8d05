/**
 * The Markdown of compliance rules: one writer (rulesListMarkdown) for the bundled rules of docs/rules.md, for the
 * rules in the bundled profiles' folders (templates/<id>/rules), and for `iep rules`, which lists the rules a profile
 * runs, its own included, so a profile's rules are documented exactly as the bundled ones are.
 * `npm run generate` writes docs/rules.md (through scripts/generated-files.ts); the drift test fails when it is stale.
 */
import { relative, sep } from 'node:path';
import { loadProfile } from '../load/load-profile.js';
import { PACKAGE_ROOT } from '../model/paths.js';
import { BUNDLED_PROFILES, type ProfileDefinition } from '../model/profiles.js';
import { profileRules } from './profile-rules.js';
import { RULE_FAMILIES, RULES, rulesFor } from './registry.js';
import { RULE_SETS, type ActiveRule } from './rule.js';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export interface RulesListOptions {
  /** Headings: the rules are grouped under these titles (one group, untitled, when absent). */
  groups?: readonly { title: string; rules: readonly ActiveRule[] }[];
  /** The heading level of a group (a rule's is one deeper). */
  level?: number;
  /** What the profiles column says of a rule; by default the rule sets or profile it belongs to. */
  profilesText?: (rule: ActiveRule) => string;
  /** Rule files are printed relative to this folder. */
  relativeTo?: string;
}

/**
 * A table of the rules (code, severity, profiles, source, title), then a section per rule: its title and what it
 * checks, severity, profiles, what it replaces, source, the fix, the file of a profile's rule, and an example.
 */
export function rulesListMarkdown(rules: readonly ActiveRule[], options: RulesListOptions = {}): string {
  const level = options.level ?? 2;
  const profiles = options.profilesText ?? ((r: ActiveRule) => r.profiles.join(', '));
  const out: string[] = [
    '| code | severity | profiles | source | title |',
    '|---|---|---|---|---|',
    ...rules.map((r) => `| [\`${r.code}\`](#${r.code}) | ${r.severity} | ${escapeCell(profiles(r))} | ${escapeCell(r.citation)} | ${escapeCell(r.title)} |`),
    '',
  ];
  const groups = options.groups ?? [{ title: '', rules }];
  for (const group of groups) {
    if (group.title) out.push(`${'#'.repeat(level)} ${group.title}`, '');
    for (const rule of group.rules) {
      out.push(
        `${'#'.repeat(group.title ? level + 1 : level)} ${rule.code}`,
        '',
        `**${rule.title}.** ${rule.checks}`,
        '',
        `- severity: ${rule.severity}`,
        `- profiles: ${profiles(rule)}`,
        ...(rule.replaces ? [`- replaces: \`${rule.replaces}\``] : []),
        `- source: ${rule.citation}`,
        `- fix: ${rule.hint}`,
        ...(rule.file ? [`- file: \`${displayPath(rule.file, options.relativeTo)}\``] : []),
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

function displayPath(file: string, base: string | undefined): string {
  const shown = base ? relative(base, file) : file;
  return shown.split(sep).join('/');
}

/** "federal, ny", or "federal (in ny replaced by `x`)". */
function bundledProfilesText(rule: ActiveRule, replacedBy: Map<string, string>): string {
  const replacement = replacedBy.get(rule.code);
  const parts = [...rule.profiles];
  return replacement ? `${parts.filter((p) => p !== 'ny').join(', ')} (in ny replaced by \`${replacement}\`)` : parts.join(', ');
}

/** The rules in the folders of the bundled profiles (templates/<id>/rules), by profile; a profile not shipped is skipped. */
function bundledProfileFolders(): { profile: ProfileDefinition; rules: ActiveRule[] }[] {
  return BUNDLED_PROFILES.flatMap((id) => {
    const { profile } = loadProfile(id);
    if (!profile) return [];
    const own = profileRules(profile).rules.filter((r) => r.file !== undefined && r.profiles[0] === id);
    return own.length > 0 ? [{ profile, rules: own }] : [];
  });
}

/** docs/rules.md. */
export function rulesMarkdown(): string {
  const replacedBy = new Map(RULES.filter((r) => r.replaces).map((r) => [r.replaces!, r.code]));
  const counts = RULE_SETS.map((p) => `${rulesFor(p).length} in \`${p}\``).join(', ');
  const folders = bundledProfileFolders();
  const out: string[] = [
    '# Compliance rules',
    '',
    '<!-- Generated from src/rules and templates/*/rules by `npm run generate`. Do not edit by hand. -->',
    '',
    '`iep check <files...> --profile <profile>` runs these rules over every IEP that passes validation (`iep validate`);',
    'an IEP with validation errors reports those and is not rule-checked. Each finding is printed with its line and',
    'column, the rule code, a hint and the regulation the rule enforces. `iep rules --profile <profile>` lists the rules',
    "a profile runs, those of its own folder included.",
    '',
    '- `--profile ny` (the default): IDEA and the Regulations of the New York Commissioner of Education (8 NYCRR Part 200).',
    "  Where New York's rule differs from the federal one, New York's version replaces it (e.g. transition planning from 15, not 16).",
    '- `--profile federal`: IDEA and its regulations (34 CFR Part 300) alone.',
    ...folders.map(({ profile }) => `- \`--profile ${profile.id}\`: the \`${profile.ruleSet}\` rules, with the rules of [its folder](#${profile.id}-rules) in their place where they replace one.`),
    '',
    'A profile of your own may bring rules in its folder (`<templates>/<profile>/rules/*.js`): see [rules-api.md](rules-api.md).',
    '',
    'An **error** is a requirement the IEP does not meet: `iep check` exits with 1. A **warning** is something to look at;',
    `with warnings only, \`iep check\` exits with 0. There are ${RULES.length} bundled rules (${counts}).`,
    '',
    'Ages are computed from `student.dateOfBirth` in whole years; someone born on 29 February turns a year older on',
    '1 March in a common year. "The first IEP in effect when the student is N" means the student turns N on or before',
    'the projected annual review date.',
    '',
    rulesListMarkdown(RULES, { groups: RULE_FAMILIES, profilesText: (r) => bundledProfilesText(r, replacedBy) }),
  ];
  for (const { profile, rules } of folders) {
    out.push(
      `<a id="${profile.id}-rules"></a>`,
      '',
      `## ${profile.name}: the rules of its folder`,
      '',
      `${profile.description} The profile runs the \`${profile.ruleSet}\` rules above and these, from \`templates/${profile.id}/rules/\`; a rule that replaces another runs in its place.`,
      '',
      rulesListMarkdown(rules, { level: 3, relativeTo: PACKAGE_ROOT }),
    );
  }
  return out.join('\n');
}

/** The rules a profile runs, bundled and its own, as `iep rules` prints them. */
export function profileRulesMarkdown(profile: ProfileDefinition, rules: readonly ActiveRule[], relativeTo?: string): string {
  const own = rules.filter((r) => r.file !== undefined);
  const bundled = rules.filter((r) => r.file === undefined);
  return [
    `# Compliance rules of the profile ${profile.name} (${profile.id})`,
    '',
    `${rules.length} rules run: ${bundled.length} bundled rules of the \`${profile.ruleSet}\` set (docs/rules.md) and ${own.length} from the profile's folders.`,
    '',
    rulesListMarkdown(rules, {
      groups: [
        { title: 'Bundled rules', rules: bundled },
        ...(own.length > 0 ? [{ title: "The profile's own rules", rules: own }] : []),
      ],
      ...(relativeTo !== undefined ? { relativeTo } : {}),
    }),
  ].join('\n');
}
