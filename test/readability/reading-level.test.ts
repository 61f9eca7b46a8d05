import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import {
  countSyllables,
  fleschKincaid,
  hardestSentences,
  readingGrade,
  readingReport,
  readingReportTable,
  splitSentences,
  textStats,
} from '../../src/readability/reading-level.js';
import { composeDocument } from '../../src/compose/compose-document.js';
import type { Iep } from '../../src/model/iep.js';
import { measureReadingLevels } from '../../src/pipeline/check-reading-level.js';
import { documentSections, isLabel } from '../../src/readability/document-sections.js';
import { readingLevelsDoc } from '../../src/readability/reading-levels-doc.js';
import { READING_TARGETS, type ReadingLayout } from '../../src/readability/reading-targets.js';
import { lintSource, loadValid, MINIMAL, minimalWith, readingSource } from '../lint/lint-fixture.js';

const HARD =
  'The multidisciplinary evaluation indicated that the student demonstrates considerable variability in phonological processing, ' +
  'necessitating individualized, systematic, explicit instruction in multisyllabic decoding. ' +
  'Consequently, the committee recommended integrated co-teaching services supplemented by specialized reading intervention, ' +
  'with progress monitored through curriculum-based measurement administered biweekly.';
const PLAIN =
  'Ana likes books about animals. She reads with a friend each day. She is learning to read long words. ' +
  'Her teacher helps her sound out each part. She reads a little faster every week. We will check how she is doing every two weeks.';

describe('readingGrade: Flesch-Kincaid grade level', () => {
  it('matches a hand-computed example', () => {
    // "Ana likes to paint. Her brother plays the piano after dinner."
    // words: Ana likes to paint (4) + Her brother plays the piano after dinner (7) = 11; sentences: 2
    // syllables: A-na 2, likes 1, to 1, paint 1 = 5; her 1, broth-er 2, plays 1, the 1, pi-an-o 3, af-ter 2, din-ner 2 = 12; total 17
    // grade = 0.39 * 11/2 + 11.8 * 17/11 - 15.59 = 2.145 + 18.236364 - 15.59 = 4.791364
    const text = 'Ana likes to paint. Her brother plays the piano after dinner.';
    expect(textStats(text)).toEqual({ words: 11, sentences: 2, syllables: 17 });
    expect(readingGrade(text)).toBeCloseTo(4.7914, 4);
  });

  it('matches a second hand-computed example with one-syllable words (below grade 0)', () => {
    // 9 words, 2 sentences, 9 syllables: 0.39 * 4.5 + 11.8 * 1 - 15.59 = -2.035
    expect(readingGrade('The cat sat on the mat. It was fat.')).toBeCloseTo(-2.035, 6);
  });

  it('is the formula on the counts, and 0 for text without words', () => {
    expect(fleschKincaid({ words: 100, sentences: 5, syllables: 150 })).toBeCloseTo(0.39 * 20 + 11.8 * 1.5 - 15.59, 10);
    expect(readingGrade('')).toBe(0);
    expect(readingGrade(' - ')).toBe(0);
  });

  it('counts numbers as they are read aloud', () => {
    expect(countSyllables('62')).toBe(3); // six-ty-two
    expect(countSyllables('90')).toBe(2); // nine-ty
    expect(countSyllables('3.5')).toBe(3); // three point five
    expect(countSyllables('40%')).toBe(4); // for-ty per-cent
    expect(countSyllables('reading')).toBe(2);
  });
});

describe('splitSentences', () => {
  it('does not end sentences at abbreviations, initials, decimals or times', () => {
    expect(splitSentences('Dr. Lee and Ms. Park met Mr. J. Smith at 9 a.m. in room 4. Ana read 3.5 pages, e.g. short ones, i.e. two stories. She did well!')).toEqual([
      'Dr. Lee and Ms. Park met Mr. J. Smith at 9 a.m. in room 4.',
      'Ana read 3.5 pages, e.g. short ones, i.e. two stories.',
      'She did well!',
    ]);
  });

  it('ends a sentence after a.m. when a new sentence starts', () => {
    expect(splitSentences('Class starts at 9 a.m. The bus comes at 8.')).toEqual(['Class starts at 9 a.m.', 'The bus comes at 8.']);
  });

  it('treats list items and paragraphs without periods as sentences, and single line breaks as wraps', () => {
    expect(splitSentences('Ana does best with:\n- a visual schedule\n- breaks every 20 minutes\n1. extra time\n\nA paragraph without a period\nwrapped on two lines')).toEqual([
      'Ana does best with:',
      'a visual schedule',
      'breaks every 20 minutes',
      'extra time',
      'A paragraph without a period wrapped on two lines',
    ]);
  });

  it('splits on question and exclamation marks and handles quotes', () => {
    expect(splitSentences('"Can I try?" she asked. Yes! "Great."')).toEqual(['"Can I try?"', 'she asked.', 'Yes!', '"Great."']);
  });
});

describe('readingReport', () => {
  it('puts a hard paragraph above the family target and a plain one below', () => {
    const report = readingReport(
      [
        { id: 'hard', title: 'Hard', text: HARD },
        { id: 'plain', title: 'Plain', text: PLAIN },
      ],
      READING_TARGETS.family,
    );
    const [hard, plain] = report.sections;
    expect(report.target).toBe(8);
    expect(hard!.grade).toBeGreaterThan(15);
    expect(hard!.aboveTarget).toBe(true);
    expect(plain!.grade).toBeLessThan(6);
    expect(plain!.aboveTarget).toBe(false);
    expect(plain!.hardest).toEqual([]);
    expect(plain).toMatchObject({ words: 44, sentences: 6 });
  });

  it('lists the 3 hardest sentences of a section above target, hardest first', () => {
    const text = `${PLAIN} ${HARD}`;
    const [section] = readingReport([{ id: 'mixed', title: 'Mixed', text }], 6).sections;
    expect(section!.aboveTarget).toBe(true);
    expect(section!.hardest).toHaveLength(3);
    const grades = section!.hardest.map((h) => h.grade);
    expect(grades).toEqual([...grades].sort((a, b) => b - a));
    expect(section!.hardest.map((h) => h.text)).toEqual(hardestSentences(text).map((h) => h.text));
    // The two sentences of the hard paragraph come first.
    expect(section!.hardest.slice(0, 2).map((h) => h.text).sort()).toEqual([...splitSentences(HARD)].sort());
  });

  it('prints a Markdown table', () => {
    const table = readingReportTable(readingReport([{ id: 'hard', title: 'Hard | text', text: HARD }], 8), { copy: 'family' });
    expect(table.split('\n')[0]).toBe('| Copy | Section | Grade | Target | Words | Sentences | |');
    expect(table).toContain('| family | Hard \\| text |');
    expect(table).toContain('above target');
  });
});

describe('document sections', () => {
  const iep = loadValid(MINIMAL);
  /** The sections of a layout as printed: the composed English document's. */
  const readingSections = (of: Iep, layout: ReadingLayout) => ({
    from: measureReadingLevels(of).reports[layout]!.from,
    sections: documentSections(composeDocument(of, { layout, lang: 'en' }).document!.body),
  });

  it('reads the sections of the composed documents, as printed', () => {
    const family = readingSections(iep, 'family');
    expect(family.from).toBe('composed');
    const all = family.sections.map((s) => s.text).join('\n\n');
    // Data the layout prints, and the layout's own words around it.
    expect(all).toContain('Ana retells stories in order with rich detail.');
    expect(all).toContain('Ana will read grade 3 passages at 90 words correct per minute.');
    const student = readingSections(iep, 'student');
    expect(student.from).toBe('composed');
    // Team names and job titles are labels, not sentences: not graded.
    expect(student.sections.map((s) => s.text).join('\n')).not.toContain('Kim Lee');
  });

  it('leaves labels out of a composed document: sub-headings and name-and-title lines', () => {
    expect(isLabel('Priya Raman, Speech-Language Pathologist')).toBe(true);
    expect(isLabel('Dr. Lena Okafor, School Psychologist')).toBe(true);
    expect(isLabel('Directions read aloud and written down, and said again when Maya asks')).toBe(false);
    expect(isLabel('Maya Thompson is a kind friend.')).toBe(false);
    const body = unified().use(remarkParse).parse('## My team\n\n### Teachers\n\n- Jo Park, Classroom Teacher\n- Sam Reed helps me with reading\n') as Root;
    expect(documentSections(body)).toEqual([{ id: 'my-team', title: 'My team', text: 'Sam Reed helps me with reading' }]);
  });

  it('reads sections from a composed document tree', () => {
    const body = unified().use(remarkParse).parse('# Ana\n\nIntro text.\n\n## About Ana\n\nAna retells stories.\n\n- kind partner\n- loves animals\n\n## My goals\n\nRead faster.\n') as Root;
    expect(documentSections(body)).toEqual([
      { id: 'ana', title: 'Ana', text: 'Intro text.' },
      { id: 'about-ana', title: 'About Ana', text: 'Ana retells stories.\n\nkind partner\n\nloves animals' },
      { id: 'my-goals', title: 'My goals', text: 'Read faster.' },
    ]);
  });
});

describe('checkReadingLevel', () => {
  it('warns about a section above target, at the field of the hardest sentence, quoting it', () => {
    const source = minimalWith((doc) => doc.setIn(['goals', 0, 'goal'], HARD));
    const d = readingSource(source, 'family').filter((x) => x.code === 'reading-level-above-target');
    expect(d).toHaveLength(1);
    // Measured on the composed family copy, whose goals section prints the goal after a label ("The goal: ...").
    expect(d[0]).toMatchObject({ severity: 'warning', path: 'goals[0].goal', layout: 'family', target: 8, sectionsFrom: 'composed' });
    expect(d[0]!.section).toContain('working-on');
    expect(d[0]!.message).toContain('"What we are working on');
    expect(d[0]!.hint).toContain(splitSentences(HARD)[0]!.slice(0, 60));
    expect(d[0]!.line).toBeGreaterThan(1);
    expect(readingSource(source, 'family', { strict: true }).find((x) => x.code === 'reading-level-above-target')!.severity).toBe('error');
  });

  it('does not warn about plain text, nor without a layout', () => {
    const plain = minimalWith((doc) => doc.setIn(['goals', 0, 'goal'], PLAIN));
    expect(readingSource(plain, 'student').filter((x) => x.code === 'reading-level-above-target')).toEqual([]);
    const hard = minimalWith((doc) => doc.setIn(['goals', 0, 'goal'], HARD));
    expect(lintSource(hard).filter((x) => x.code === 'reading-level-above-target')).toEqual([]);
  });

  it('grades both layouts of an IEP for the docs', () => {
    const iep = loadValid(MINIMAL);
    const { reports } = measureReadingLevels(iep);
    expect(reports.family!.target).toBe(8);
    expect(reports.student!.target).toBe(6);
    expect(reports.family!.from).toBe('composed');
    const doc = readingLevelsDoc([{ file: 'examples/ana.iep.yaml', reports }]);
    expect(doc).toContain('## examples/ana.iep.yaml');
    expect(doc).toContain('| examples/ana.iep.yaml | ');
    expect(doc).toMatch(/\| family \| [^|]+ \| -?\d+\.\d \| 8 \|/);
    expect(doc).toMatch(/\| student \| [^|]+ \| -?\d+\.\d \| 6 \|/);
  });
});
