import { describe, expect, it } from 'vitest';
import { DEFICIT_TERMS, findDeficitWording } from '../../src/lint/deficit-terms.js';
import { lintIep, mergeEnglishOnlyNotices } from '../../src/lint/lint-iep.js';
import { textFields } from '../../src/model/text-fields.js';
import { at, lintSource, loadValid, MINIMAL, minimalWith } from './lint-fixture.js';

const found = (text: string) => findDeficitWording(text).map((m) => m.found.toLowerCase());
const wording = (source: string) => lintSource(source).filter((d) => d.code === 'deficit-wording');

describe('deficit wording in narrative fields', () => {
  it('flags "struggles" and "refuses" exactly twice, each with its word, position and a rephrasing hint', () => {
    const source = minimalWith((doc) =>
      doc.setIn(['presentLevels', 'academic', 'description'], 'Jayden struggles with reading and refuses to write'),
    );
    const found = wording(source);
    expect(found).toHaveLength(2);
    expect(found.map((d) => d.found)).toEqual(['struggles', 'refuses']);
    for (const d of found) {
      expect(d.severity).toBe('warning');
      expect(d.path).toBe('presentLevels.academic.description');
      expect(d.file).toBe('test.iep.yaml');
      expect(d.message).toContain(`"${d.found}"`);
      expect(d.hint).toBeTruthy();
      // The column is the word's own, inside the single-line value.
      expect(at(source, d).startsWith(d.found!)).toBe(true);
    }
    expect(found[0]!.hint).toContain('is learning');
    expect(found[1]!.hint).toContain('tells us');
  });

  it('does not flag the strength-based rewrite', () => {
    const source = minimalWith((doc) =>
      doc.setIn(['presentLevels', 'academic', 'description'], 'Jayden is building reading stamina and tells us when he needs a break'),
    );
    expect(wording(source)).toEqual([]);
  });

  it('matches whole words only: "flowers" and "allowed" are not "low"', () => {
    expect(found('Ana draws flowers and is allowed to follow the yellow line below the window.')).toEqual([]);
    expect(found('Her reading fluency is low.')).toEqual(['low']);
    expect(found('Independent work, a black pen, the fail-safe... no: a failsafe plan.')).toEqual([]);
  });

  it('matches the inflections of each term', () => {
    const cases: [string, string][] = [
      ['He struggled, is struggling, struggles.', 'struggled|struggling|struggles'],
      ['She refused; a refusal; refuses.', 'refused|refusal|refuses'],
      ['He failed twice; failure; fails.', 'failed|failure|fails'],
      ["He can't, cannot, can not, can\u2019t.", "can't|cannot|can not|can\u2019t"],
      ['She is unable to and not able to.', 'unable|not able to'],
      ['A weakness and weak skills.', 'weakness|weak'],
      ['Deficits in recall; a deficit.', 'deficits|deficit'],
      ['Avoidance, avoids, avoided.', 'avoidance|avoids|avoided'],
      ['Dependent on prompts; dependence.', 'dependent|dependence'],
      ['Noncompliant and non-compliant.', 'noncompliant|non-compliant'],
      ['Lacks focus; lacking skills.', 'lacks|lacking'],
      ['Poor recall, written poorly.', 'poor|poorly'],
      ['He is deficient and visually impaired.', 'deficient|impaired'],
      ['Reads below grade level.', 'below grade level'],
      ['Ana needs help with math.', 'needs help'],
      ['He has difficulties with spelling.', 'has difficulties with'],
      ['Difficulty with transitions.', 'difficulty with'],
      ['Problem behaviors at lunch; a behavior problem.', 'problem behaviors|behavior problem'],
      ['He is two years behind his peers.', 'behind'],
      ['She is limited in vocabulary.', 'limited'],
      ['He is low-functioning.', 'low-functioning'],
    ];
    for (const [text, expected] of cases) expect(found(text), text).toEqual(expected.toLowerCase().split('|'));
  });

  it('leaves neutral uses alone', () => {
    const neutral = [
      'Ana uses a low-tech communication board and has low vision.',
      'Offer a limited number of choices in a low-distraction setting.',
      'He has attention deficit hyperactivity disorder.',
      'She sits behind the teacher and below the window.',
      'Staff avoid loud transitions; the behind-the-scenes job helps.',
      'Ana works independently and follows a visual schedule.',
      'The difficulty of the passage was grade 3.',
    ];
    for (const text of neutral) expect(found(text), text).toEqual([]);
  });

  it('reports one finding per place when terms overlap', () => {
    expect(findDeficitWording('He has significant difficulty with reading.').map((m) => m.found)).toEqual(['has significant difficulty with']);
  });

  describe('every entry of the word list', () => {
    for (const term of DEFICIT_TERMS) {
      it(`${term.term}: catches its example and forms, and its rewrite passes`, () => {
        expect(term.hint.length).toBeGreaterThan(10);
        expect(term.why.length).toBeGreaterThan(10);
        expect(findDeficitWording(term.example.before).map((m) => m.term.term)).toContain(term.term);
        expect(findDeficitWording(term.example.after)).toEqual([]);
        for (const form of term.forms) expect(findDeficitWording(`The student ${form} here.`).length, form).toBeGreaterThan(0);
      });
    }
  });

  it('walks every narrative field, including lists, goals, services and translation maps', () => {
    const iep = loadValid(
      minimalWith((doc) => {
        doc.setIn(['goals', 0, 'objectives'], [{ text: 'Ana fails less often.' }]);
        doc.setIn(['services', 'supplementaryAids'], [
          { kind: 'accommodation', description: 'Help because she is weak at spelling', frequency: 'each-class', duration: 'class-period', location: 'all-classes', beginDate: '2026-09-09', endDate: '2027-05-13' },
        ]);
        doc.setIn(['evaluations', 0, 'results'], { en: 'Scores were below average.', es: 'Los resultados fueron bajos.' });
      }),
    );
    const paths = textFields(iep).map((f) => f.path.join('.'));
    expect(paths).toContain('goals.0.objectives.0.text');
    expect(paths).toContain('services.supplementaryAids.0.description');
    expect(paths).toContain('evaluations.0.results.en');
    expect(paths).toContain('presentLevels.academic.strengths.0.text');
    expect(paths).toContain('presentLevels.academic.needs.0');
    expect(paths).not.toContain('student.firstName');
    const d = lintIep(iep).filter((x) => x.code === 'deficit-wording');
    expect(d.map((x) => [x.path, x.found])).toEqual([
      ['evaluations[0].results.en', 'below average'],
      ['goals[0].objectives[0].text', 'fails'],
      ['services.supplementaryAids[0].description', 'weak'],
    ]);
  });

  it('says once that translations are not checked', () => {
    const source = minimalWith((doc) => {
      doc.setIn(['parentConcerns'], { en: 'We want Ana to enjoy reading.', es: 'Queremos que Ana disfrute la lectura.' });
      doc.setIn(['presentLevels', 'academic', 'description'], { en: 'Ana reads grade 2 texts.', ar: 'تقرأ آنا نصوص الصف الثاني.' });
    });
    const notices = lintSource(source).filter((d) => d.code === 'wording-check-english-only');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.severity).toBe('info');
    expect(notices[0]!.message).toContain('English');
    expect(notices[0]!.message).toContain('ar, es');
    // Several files in one run: still one notice.
    const again = lintSource(source, { file: 'other.iep.yaml' });
    const merged = mergeEnglishOnlyNotices([...lintSource(source), ...again]).filter((d) => d.code === 'wording-check-english-only');
    expect(merged).toHaveLength(1);
    expect(merged[0]!.message).toContain('4 translated fields');
  });

  it('has no English-only notice when nothing is translated', () => {
    expect(lintSource(MINIMAL).filter((d) => d.code === 'wording-check-english-only')).toEqual([]);
  });

  it("reports wording in the student's and parents' own words as information, even when strict", () => {
    const source = minimalWith((doc) => {
      doc.setIn(['studentVoice'], 'I struggle with math but I am good at drawing.');
      doc.setIn(['parentConcerns'], 'We worry that Ana is falling behind.');
    });
    const d = wording(source);
    expect(d.map((x) => [x.path, x.found, x.severity])).toEqual([
      ['parentConcerns', 'behind', 'info'],
      ['studentVoice', 'struggle', 'info'],
    ]);
    expect(lintSource(source, { strict: true }).filter((x) => x.code === 'deficit-wording').every((x) => x.severity === 'info')).toBe(true);
  });

  it('points at the word in quoted values and at the field in multi-line values', () => {
    const quoted = MINIMAL.replace('parentConcerns: We want Ana to enjoy reading.', 'parentConcerns: "We want Ana to enjoy reading."')
      .replace('description: Ana reads grade 2 texts with support.', "description: 'Ana struggles with grade 2 texts.'");
    const [q] = wording(quoted);
    expect(at(quoted, q!).startsWith('struggles')).toBe(true);

    const folded = MINIMAL.replace(
      'description: Ana reads grade 2 texts with support.',
      'description: >-\n      Ana reads grade 2 texts\n      and struggles with longer words.',
    );
    const [f] = wording(folded);
    expect(f!.found).toBe('struggles');
    expect(at(folded, f!).startsWith('>-')).toBe(true);

    const json = JSON.stringify({ ...loadValid(MINIMAL), parentConcerns: 'Ana refuses to read at home.' }, null, 2);
    const [j] = lintSource(json).filter((x) => x.code === 'deficit-wording');
    expect(j!.found).toBe('refuses');
    expect(at(json, j!).startsWith('refuses')).toBe(true);
  });

  it('--strict turns warnings into errors', () => {
    const source = minimalWith((doc) => doc.setIn(['presentLevels', 'academic', 'description'], 'Ana has poor recall.'));
    expect(lintSource(source).map((d) => d.severity)).toEqual(['warning']);
    expect(lintSource(source, { strict: true }).map((d) => d.severity)).toEqual(['error']);
  });
});
