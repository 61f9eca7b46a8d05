/**
 * Glossary consistency: a translation that names a glossary term by another word is found, with its line; forms of
 * the term (plural, inflected, with Arabic's attached particles) count as the term; English matches whole words.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/model/languages.js';
import { glossaryReport } from '../../src/translate/glossary-report.js';
import { loadIep } from '../../src/validate/load-iep.js';
import { MINIMAL } from '../e2e/helpers.js';

const minimal = readFileSync(MINIMAL, 'utf8');

/** The minimal record with parentConcerns written in English and one translation. */
function withConcerns(en: string, lang: Language, text: string) {
  const source = minimal.replace('parentConcerns: We want Ana to enjoy reading.\n', `parentConcerns:\n  en: ${en}\n  ${lang}: ${text}\n`);
  const loaded = loadIep(source, { file: 'ana.iep.yaml' });
  expect(loaded.iep).toBeDefined();
  return glossaryReport(loaded.iep!, lang, { file: 'ana.iep.yaml', sourceMap: loaded.sourceMap });
}

describe('glossaryReport', () => {
  it('finds a Spanish translation that says "objetivo anual" where the glossary says "Meta anual", with its line', () => {
    const report = withConcerns(
      'We read every night. We want Ana to reach her annual goal in reading.',
      'es',
      'Leemos todas las noches. Queremos que Ana alcance su objetivo anual de lectura.',
    );
    expect(report.findings).toEqual([
      {
        file: 'ana.iep.yaml',
        path: 'parentConcerns.es',
        line: 34,
        column: 7,
        term: 'annualGoal',
        english: 'annual goal',
        expected: 'Meta anual',
        accepted: ['meta'],
        translation: 'Queremos que Ana alcance su objetivo anual de lectura.',
      },
    ]);
  });

  it('finds nothing when the translation uses the glossary term, in any of its forms', () => {
    expect(withConcerns('We want Ana to reach her annual goals.', 'es', 'Queremos que Ana alcance sus metas anuales.').findings).toEqual([]);
    // Russian inflects: "особыми условиями тестирования" is "Особые условия тестирования".
    expect(withConcerns('Ana uses her testing accommodations.', 'ru', 'Ана пользуется особыми условиями тестирования.').findings).toEqual([]);
    // Arabic attaches particles and writes hamza and vowel marks or not: "وبأهدافِها" is a form of "الهدف السنوي".
    expect(withConcerns('Ana works on her annual goals.', 'ar', 'تعمل آنا على أهدافِها السنوية.').findings).toEqual([]);
  });

  // "Her annual goal is to read." in each language, with the glossary's word for goal and with another word.
  it.each([
    ['es', 'Su meta anual es leer.', 'Su objetivo anual es leer.'],
    ['fr', 'Son objectif annuel est de lire.', 'Son but annuel est de lire.'],
    ['ht', 'Objektif anyèl li se li.', 'Bi anyèl li se li.'],
    ['ru', 'Её годовая цель — читать.', 'Её годовая задача — читать.'],
    ['ar', 'هدفها السنوي هو القراءة.', 'غايتها السنوية هي القراءة.'],
    ['ur', 'اس کا سالانہ ہدف پڑھنا ہے۔', 'اس کا سالانہ مقصد پڑھنا ہے۔'],
    ['bn', 'তার বার্ষিক লক্ষ্য হল পড়া।', 'তার বার্ষিক উদ্দেশ্য হল পড়া।'],
    ['ko', '연간 목표는 읽기입니다.', '연간 목적은 읽기입니다.'],
    ['zh-Hans', '她的年度目标是阅读。', '她的年度指标是阅读。'],
    ['zh-Hant', '她的年度目標是閱讀。', '她的年度指標是閱讀。'],
  ] as const)('knows the term for an annual goal in %s, and another word for it', (lang, consistent, other) => {
    expect(withConcerns('Her annual goal is to read.', lang, consistent).findings).toEqual([]);
    expect(withConcerns('Her annual goal is to read.', lang, other).findings.map((f) => f.term)).toEqual(['annualGoal']);
  });

  it('reports the longer term, not the shorter one inside it', () => {
    const report = withConcerns('Ana uses her testing accommodations.', 'ru', 'Ана пользуется тестовыми льготами.');
    expect(report.findings.map((f) => [f.term, f.english, f.expected])).toEqual([['testingAccommodations', 'testing accommodations', 'Особые условия тестирования']]);
  });

  it('matches English terms as whole words: a goalkeeper is not a goal', () => {
    expect(withConcerns('Ana is the goalkeeper of her soccer team.', 'es', 'Ana es la portera de su equipo de fútbol.').findings).toEqual([]);
    expect(withConcerns('Ana is the goalkeeper; her goal is to read.', 'es', 'Ana es la portera; quiere leer.').findings.map((f) => f.english)).toEqual(['goal']);
  });

  it('finds no inconsistency in the Spanish example, which follows the glossary', () => {
    const loaded = loadIep(readFileSync('examples/mateo-almonte.iep.yaml', 'utf8'), { file: 'mateo.iep.yaml' });
    const report = glossaryReport(loaded.iep!, 'es', { file: 'mateo.iep.yaml', sourceMap: loaded.sourceMap });
    expect(report.fields).toBeGreaterThan(100);
    expect(report.findings).toEqual([]);
  });
});
