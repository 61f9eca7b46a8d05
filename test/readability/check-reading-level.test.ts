import { describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { checkReadingLevel, measureReadingLevels } from '../../src/pipeline/check-reading-level.js';
import { readingLevelsDoc } from '../../src/readability/reading-levels-doc.js';
import { readingLevelsMarkdown } from '../../src/readability/reading-levels-markdown.js';
import { loadValid, MINIMAL } from '../lint/lint-fixture.js';

// The family layout fails to compose (as with a broken template); the student summary composes as usual.
const { TEMPLATE_ERROR } = vi.hoisted(() => ({
  TEMPLATE_ERROR: {
    code: 'template-error',
    severity: 'error',
    file: 'templates/common/family/sections/about.md',
    line: 3,
    column: 5,
    message: 'unknown helper "shout"',
  } satisfies Diagnostic,
}));
vi.mock('../../src/compose/compose-document.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/compose/compose-document.js')>();
  return {
    ...actual,
    composeDocument: (...args: Parameters<typeof actual.composeDocument>) =>
      args[1]?.layout === 'family' ? { untranslated: [], diagnostics: [TEMPLATE_ERROR] } : actual.composeDocument(...args),
  };
});

describe('a copy that cannot be composed', () => {
  const iep = loadValid(MINIMAL);

  it('is not graded: the check reports why instead of measuring something else', () => {
    expect(checkReadingLevel(iep, 'family', { file: 'ana.iep.yaml', strict: true })).toEqual([TEMPLATE_ERROR]);
    // The student summary still composes, so it is measured (the minimal IEP's goals section is just above grade 6).
    expect(checkReadingLevel(iep, 'student').map((d) => [d.code, d.layout])).toEqual([['reading-level-above-target', 'student']]);
  });

  it('is left out of the reports, and the Markdown says so', () => {
    const { reports, diagnostics } = measureReadingLevels(iep);
    expect(Object.keys(reports)).toEqual(['student']);
    expect(diagnostics).toEqual([TEMPLATE_ERROR]);
    const markdown = readingLevelsMarkdown([{ file: 'ana.iep.yaml', reports }]);
    expect(markdown).toContain('The family copy could not be composed, so it is not graded.');
    expect(markdown).toMatch(/\| student \| [^|]+ \| -?\d+\.\d \| 6 \|/);
    expect(markdown).not.toContain('| family |');
    expect(readingLevelsDoc([{ file: 'ana.iep.yaml', reports }])).toMatch(/\| ana\.iep\.yaml \| not composed \| -?\d+\.\d/);
  });
});
