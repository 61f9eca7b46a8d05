import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/registry.js';
import { rulesMarkdown } from '../../src/rules/rules-doc.js';
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
