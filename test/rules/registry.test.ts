import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { RULES, RULE_FAMILIES, ruleByCode, rulesFor } from '../../src/rules/registry.js';
import { RULE_SETS } from '../../src/rules/rule.js';
import * as api from '../../src/rules/index.js';

/**
 * Federal rules New York does not adopt, each for a reason its rule states: transfer of rights at majority, which
 * New York's transfer at 18 could not be confirmed for (issue 12). Any other federal rule must run in ny too.
 */
// None since profiles are data: transfer-of-rights-missing runs in both sets and checks only where the profile's
// settings say rights transfer at majority (test/rules/transition.test.ts).
const FEDERAL_ONLY_CODES: string[] = [];

const CITATION = /^(34 CFR 300\.\d+(\([a-z0-9]+\))*|8 NYCRR 200\.\d+(\([a-z0-9]+\))*)$/;

describe('the rule registry', () => {
  it('gives every rule a unique kebab-case code', () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('cites every rule as "34 CFR 300.x(...)" or "8 NYCRR 200.x(...)"', () => {
    for (const rule of RULES) expect(rule.citation, rule.code).toMatch(CITATION);
  });

  it('marks New York rules: a ny- code runs only in ny and cites 8 NYCRR, a federal rule cites 34 CFR', () => {
    for (const rule of RULES) {
      if (rule.code.startsWith('ny-')) {
        expect(rule.profiles, rule.code).toEqual(['ny']);
        expect(rule.citation, rule.code).toMatch(/^8 NYCRR/);
      } else {
        expect(rule.profiles, rule.code).toEqual(FEDERAL_ONLY_CODES.includes(rule.code) ? ['federal'] : ['federal', 'ny']);
        expect(rule.citation, rule.code).toMatch(/^34 CFR/);
      }
    }
  });

  it('documents every rule: title, what it checks, a hint and an example that is YAML', () => {
    for (const rule of RULES) {
      expect(rule.title.length, rule.code).toBeGreaterThan(10);
      expect(rule.checks.length, rule.code).toBeGreaterThan(20);
      expect(rule.hint.length, rule.code).toBeGreaterThan(10);
      expect(() => parse(rule.example.replace(/\.\.\./g, 'x')), rule.code).not.toThrow();
      expect(['error', 'warning']).toContain(rule.severity);
    }
  });

  it('replaces only existing federal rules, and the replacement does not run federally', () => {
    for (const rule of RULES.filter((r) => r.replaces)) {
      const replaced = ruleByCode(rule.replaces!);
      expect(replaced, rule.code).toBeDefined();
      expect(replaced!.profiles).toContain('federal');
      expect(rulesFor('ny').map((r) => r.code)).not.toContain(rule.replaces);
      expect(rulesFor('federal').map((r) => r.code)).toContain(rule.replaces);
      expect(rulesFor('federal').map((r) => r.code)).not.toContain(rule.code);
    }
  });

  it('runs New York rules only in ny, and every federal rule not replaced in ny', () => {
    const ny = rulesFor('ny').map((r) => r.code);
    const federal = rulesFor('federal').map((r) => r.code);
    expect(federal.filter((c) => c.startsWith('ny-'))).toEqual([]);
    const replaced = RULES.flatMap((r) => (r.replaces ? [r.replaces] : []));
    for (const code of federal) if (!replaced.includes(code) && !FEDERAL_ONLY_CODES.includes(code)) expect(ny).toContain(code);
    for (const code of FEDERAL_ONLY_CODES) {
      expect(federal).toContain(code);
      expect(ny).not.toContain(code);
    }
    expect(RULE_SETS).toEqual(['federal', 'ny']);
  });

  it('lists each rule in exactly one family', () => {
    expect(RULE_FAMILIES.flatMap((f) => f.rules)).toEqual([...RULES]);
  });

  it('is exported from src/rules', () => {
    expect(api.RULES).toBe(RULES);
    expect(typeof api.checkCompliance).toBe('function');
    expect(typeof api.complianceSummary).toBe('function');
    expect(typeof api.rulesMarkdown).toBe('function');
  });

  it('has a passing and a failing test for every rule', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const text = readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => readFileSync(`${dir}/${f}`, 'utf8'))
      .join('\n');
    for (const { code } of RULES) {
      expect(text, `no passes('${code}', ...) test`).toMatch(new RegExp(`passes\\(\\s*'${code}'`));
      expect(text, `no fails('${code}', ...) test`).toMatch(new RegExp(`fails\\(\\s*'${code}'`));
    }
  });
});
