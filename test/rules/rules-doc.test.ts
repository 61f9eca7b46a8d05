import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProfile } from '../../src/load/load-profile.js';
import { PROFILE_RULE_FIELDS } from '../../src/rules/profile-rule.js';
import { profileRules } from '../../src/rules/profile-rules.js';
import { RULE_HELPERS } from '../../src/rules/rule-helpers.js';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/registry.js';
import { rulesListMarkdown, rulesMarkdown } from '../../src/rules/rules-doc.js';
import { generatedFiles } from '../../scripts/generated-files.js';

describe('docs/rules.md', () => {
  const markdown = rulesMarkdown();

  it('documents every rule with its code, severity, profiles, citation and example', () => {
    for (const rule of RULES) {
      expect(markdown).toContain(`### ${rule.code}\n`);
      expect(markdown).toContain(`| [\`${rule.code}\`](#${rule.code}) | ${rule.severity} |`);
      expect(markdown).toContain(`- source: ${rule.citation}`);
      expect(markdown).toContain(rule.example);
    }
    expect(markdown).toContain('federal (in ny replaced by `ny-transition-required`)');
  });

  it('is one of the generated files', () => {
    expect(generatedFiles()['docs/rules.md']).toBe(markdown);
  });

  it('is committed as generated (run `npm run generate` after changing a rule)', () => {
    expect(readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8')).toBe(markdown);
  });
});

describe('docs/rules-api.md', () => {
  const doc = readFileSync(new URL('../../docs/rules-api.md', import.meta.url), 'utf8');

  it('documents every field of the rule API and every helper', () => {
    for (const field of PROFILE_RULE_FIELDS) expect(doc).toContain(`| \`${field.name}\` | ${field.required ? 'yes' : 'no'} |`);
    for (const helper of Object.keys(RULE_HELPERS)) expect(doc).toContain(`\`${helper}(`);
  });

  it("has a complete example that loads and runs as the API says", () => {
    const example = /## A complete example[\s\S]*?```js\n([\s\S]*?)```/.exec(doc)![1]!;
    const root = mkdtempSync(join(tmpdir(), 'iepkit-rules-api-'));
    try {
      mkdirSync(join(root, 'ca/rules'), { recursive: true });
      writeFileSync(join(root, 'ca/profile.yaml'), 'id: ca\nname: California\ndescription: A test.\nextends: federal\n');
      writeFileSync(join(root, 'ca/rules/district.js'), example);
      const { rules, diagnostics } = profileRules(loadProfile('ca', { templates: [root] }).profile!);
      expect(diagnostics).toEqual([]);
      const codes = rules.map((r) => r.code);
      expect(codes).toEqual(expect.arrayContaining(['ca-district-named', 'ca-transition-required']));
      expect(codes).not.toContain('transition-required');
      const md = rulesListMarkdown(rules.filter((r) => r.file), { relativeTo: root });
      expect(md).toContain('## ca-district-named\n');
      expect(md).toContain('- file: `ca/rules/district.js`');
      expect(md).toContain('- replaces: `transition-required`');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
