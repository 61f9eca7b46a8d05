import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import type { DocumentTree } from '../../src/model/document.js';
import type { Language } from '../../src/model/languages.js';
import { documentSections } from '../../src/readability/document-sections.js';
import { measureReadingLevel } from '../../src/readability/measure-reading-level.js';
import { readingLevelWarnings } from '../../src/readability/reading-level-warnings.js';
import { loadValid, minimalWith } from '../lint/lint-fixture.js';

const HARD =
  'The multidisciplinary evaluation indicated that the student demonstrates considerable variability in phonological processing, ' +
  'necessitating individualized, systematic, explicit instruction in multisyllabic decoding.';
const PLAIN = 'Ana likes books about animals. She reads with a friend each day. She is learning to read long words. Her teacher helps her.';

/** A document tree written by hand, as compose would hand it over: readability never composes. */
function tree(markdown: string, layout = 'family', lang: Language = 'en'): DocumentTree {
  return {
    meta: {
      layout,
      title: 'Ana',
      subject: 'IEP',
      lang,
      dir: 'ltr',
      page: { size: 'letter', margins: { top: 20, right: 20, bottom: 20, left: 20 } },
      header: 'Ana',
      pageCounter: 'Page {page} of {pages}',
      created: new Date('2026-01-01T12:00:00Z'),
      creator: 'School',
    },
    body: unified().use(remarkParse).parse(markdown) as Root,
  };
}

describe('measureReadingLevel: a composed document tree', () => {
  it('grades each section of the tree against the target of its layout', () => {
    const document = tree(`## About Ana\n\n${PLAIN}\n\n## What we are working on\n\nThe goal: ${HARD}\n`);
    const family = measureReadingLevel(document);
    expect(family.target).toBe(8);
    expect(family.from).toBe('composed');
    expect(family.sections.map((s) => [s.id, s.aboveTarget])).toEqual([
      ['about-ana', false],
      ['what-we-are-working-on', true],
    ]);
    expect(family.sections[1]!.hardest[0]!.text).toBe(`The goal: ${HARD}`);
    expect(measureReadingLevel(tree(`## About Ana\n\n${PLAIN}\n`, 'student')).target).toBe(6);
  });

  it('refuses a translated copy or a layout without a target: the formula is for English family and student copies', () => {
    expect(() => measureReadingLevel(tree(PLAIN, 'family', 'es'))).toThrow(/English family copy and student summary/);
    expect(() => measureReadingLevel(tree(PLAIN, 'ny-official'))).toThrow(/ny-official/);
  });

  it('reads a hard line break as a space, not as glue between two words', () => {
    const body = unified().use(remarkParse).parse('## Goals\n\nAna reads\\\nwith a friend.\n') as Root;
    expect(documentSections(body)).toEqual([{ id: 'goals', title: 'Goals', text: 'Ana reads with a friend.' }]);
  });
});

describe('readingLevelWarnings', () => {
  const iep = loadValid(minimalWith((doc) => doc.setIn(['goals', 0, 'goal'], HARD)));

  it('names the IEP field that holds the hardest sentence, at the position the caller locates', () => {
    const document = tree(`## What we are working on\n\nThe goal: ${HARD}\n\n${PLAIN}\n`);
    const located: string[] = [];
    const [warning, ...rest] = readingLevelWarnings(document, iep, {
      file: 'ana.iep.yaml',
      locate: (path) => (located.push(path.join('.')), { line: 70, column: 11 }),
    });
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({
      code: 'reading-level-above-target',
      severity: 'warning',
      file: 'ana.iep.yaml',
      path: 'goals[0].goal',
      line: 70,
      column: 11,
      layout: 'family',
      section: 'what-we-are-working-on',
      target: 8,
      sectionsFrom: 'composed',
    });
    expect(located).toEqual(['goals.0.goal']);
    expect(warning!.message).toMatch(/^the family copy section "What we are working on" reads at grade \d+\.\d; the family copy aims for grade 8 or below$/);
  });

  it("says so when the hardest sentence is the layout's own wording, with no field and no line", () => {
    const document = tree(`## What this means\n\n${HARD.replace('the student', 'your child')} ${PLAIN}\n`);
    const [warning] = readingLevelWarnings(document, iep, { locate: () => ({ line: 1, column: 1 }) });
    expect(warning).toBeDefined();
    expect(warning!.path).toBeUndefined();
    expect(warning!.line).toBeUndefined();
    expect(warning!.hint).toContain('the hardest sentence is written by the layout');
  });

  it('does not warn about a short section, however hard its words', () => {
    expect(readingLevelWarnings(tree('## Goals\n\nMultidisciplinary individualized instruction.\n'), iep)).toEqual([]);
  });
});
