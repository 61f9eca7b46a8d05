import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFICIT_TERMS } from '../../src/lint/deficit-terms.js';
import { lintDocMarkdown } from '../../src/lint/lint-docs.js';

describe('docs/lint.md', () => {
  it('is up to date with the word list (regenerate: npx tsx scripts/reading-levels.ts)', () => {
    const committed = readFileSync(new URL('../../docs/lint.md', import.meta.url), 'utf8');
    expect(committed).toBe(lintDocMarkdown());
  });

  it('documents every term and every code', () => {
    const doc = lintDocMarkdown();
    for (const term of DEFICIT_TERMS) expect(doc).toContain(`| **${term.term}** |`);
    for (const code of ['deficit-wording', 'needs-without-strengths', 'goal-without-strength', 'reading-level-above-target', 'wording-check-english-only']) {
      expect(doc).toContain(`\`${code}\``);
    }
  });
});
