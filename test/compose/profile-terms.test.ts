/**
 * What the State profile decides in a copy: the words for the disability classification, and whether the copy says
 * that rights transfer at the age of majority (src/model/profiles.ts).
 *
 * The New York form prints New York's term for the one classification (8 NYCRR 200.1(zz)); the federal layout
 * prints the data model's own label. New York's form has no transfer-of-rights statement and whether New York
 * transfers IDEA rights at 18 is not established, so no New York copy states it; the federal layout keeps the
 * 34 CFR 300.320(c) statement.
 */
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { DISABILITIES } from '../../src/model/iep.js';
import { LANGUAGES, type Language } from '../../src/model/languages.js';
import { classificationLabel, type Classification, type Profile } from '../../src/model/profiles.js';
import { bundledProfile } from '../helpers/profile-in.js';

const SETTINGS = { ny: bundledProfile('ny').settings, federal: bundledProfile('federal').settings };
import type { Iep } from '../../src/model/iep.js';
import type { LayoutName } from '../../src/load/load-layout.js';
import { allNodes, EXAMPLES, loadExample, MINIMAL, rawIep, squash, validated, type TreeNode } from '../e2e/helpers.js';

function compose(iep: Iep, profile: Profile, lang: Language = 'en', layout: LayoutName = 'official') {
  const composed = composeDocument(iep, { layout, profile, lang });
  if (!composed.document) throw new Error(composed.diagnostics.map((d) => d.message).join('; '));
  return composed.document.body as TreeNode;
}

/**
 * The value cells of the identifying table's "Disability classification" fields: the cell after the label (the NY
 * form's label is the transcription's, two fields a row; the federal layout's is its own, one a row).
 */
function classificationCells(body: TreeNode, lang: Language): string[] {
  const tr = createTranslator(lang);
  const labels = [tr.t('official:disability'), tr.t('ny-form:identifying.disability-classification')].map(squash);
  return allNodes(body)
    .filter((n) => n.type === 'tableRow')
    .flatMap((row) => row.children!.flatMap((cell, i) => (labels.includes(squash(toString(cell))) ? [squash(toString(row.children![i + 1]))] : [])));
}

const withClassification = (classification: Classification, secondary?: Classification[]) =>
  validated({ ...rawIep(MINIMAL), disability: { classification, ...(secondary ? { secondary } : {}) } });

describe('the New York form prints New York’s classification term', () => {
  it.each([
    // The model value that 200.1(zz)(4) names "emotional disability" since 27 July 2022 (it was "emotional disturbance").
    ['emotional-disability', 'en', 'Emotional disability', 'Emotional disability'],
    ['emotional-disability', 'fr', 'Handicap émotionnel', 'Trouble émotionnel'],
    ['visual-impairment', 'en', 'Visual impairment including blindness', 'Visual impairment (including blindness)'],
    ['visual-impairment', 'es', 'Impedimento visual, incluida la ceguera', 'Impedimento visual (incluida la ceguera)'],
    ['visual-impairment', 'zh-Hans', '视力障碍，包括失明', '视力障碍（包括失明）'],
    ['other-health-impairment', 'en', 'Other health-impairment', 'Other health impairment'],
    ['other-health-impairment', 'fr', 'Autre atteinte à la santé', 'Autre problème de santé'],
    ['preschool-student-with-a-disability', 'en', 'Preschool student with a disability', 'Preschool student with a disability'],
  ] as const)('%s in %s: "%s" on the NY form, "%s" on the federal one', (classification, lang, ny, federal) => {
    const iep = withClassification(classification);
    expect(classificationCells(compose(iep, 'ny', lang), lang)).toEqual([ny]);
    expect(classificationCells(compose(iep, 'federal', lang), lang)).toEqual([federal]);
  });

  it('never prints "emotional disturbance", the term 200.1(zz) no longer uses', () => {
    const text = toString(compose(withClassification('emotional-disability'), 'ny'));
    expect(text).not.toMatch(/disturbance/i);
  });

  it.each(EXAMPLES)('the NY official copy of %s prints the term of its classification, in English and Spanish', (name) => {
    const iep = loadExample(name);
    for (const lang of ['en', 'es'] as const) {
      const term = createTranslator(lang).t(classificationLabel(SETTINGS.ny, iep.disability.classification));
      expect(classificationCells(compose(iep, 'ny', lang), lang)).toEqual([term]);
    }
  });

  it('prints one classification: secondary classifications stay off the form', () => {
    const body = compose(withClassification('learning-disability', ['speech-or-language-impairment']), 'ny');
    expect(classificationCells(body, 'en')).toEqual(['Learning disability']);
    expect(toString(body)).not.toContain('Speech or language impairment');
  });

  it('has a New York term for every classification of the model, in every language', () => {
    const missing = LANGUAGES.flatMap((lang) => {
      const tr = createTranslator(lang);
      return DISABILITIES.map((c) => classificationLabel(SETTINGS.ny, c)).filter((key) => !tr.hasOwn(key)).map((key) => `${lang} ${key}`);
    });
    expect(missing).toEqual([]);
  });
});

describe('transfer of rights at the age of majority is a profile property', () => {
  it('transfers rights at 18 under the federal profile and not under New York’s', () => {
    expect(SETTINGS.federal).toMatchObject({ rightsTransferAtMajority: true, ageOfMajority: 18 });
    expect(SETTINGS.ny.rightsTransferAtMajority).toBe(false);
  });

  /** A 17-year-old (born 2009-01-10, meeting 2026-05-14) who has been told of the rights that transfer at 18. */
  const seventeen = validated({
    ...rawIep(MINIMAL),
    student: { ...rawIep(MINIMAL).student, dateOfBirth: '2009-01-10', grade: '11' },
    transferOfRights: { ageOfMajority: 18, studentInformed: true, informedDate: '2026-05-14' },
  });
  const statement = (lang: Language) => createTranslator(lang).t('federal:transferOfRightsText', { age: '18' });

  it.each(['en', 'es'] as const)('the federal official copy (%s) states the 300.320(c) transfer, "if any"', (lang) => {
    const text = squash(toString(compose(seventeen, 'federal', lang)));
    expect(text).toContain(createTranslator(lang).t('federal:transferOfRights'));
    expect(text).toContain(statement(lang));
  });

  it('the federal statement says "if any", as 34 CFR 300.320(c) does', () => {
    expect(statement('en')).toContain('if any');
  });

  it.each(['en', 'es'] as const)('the NY official copy (%s) of a 17-year-old’s IEP states no transfer of rights', (lang) => {
    const tr = createTranslator(lang);
    const text = squash(toString(compose(seventeen, 'ny', lang)));
    expect(text).not.toContain(tr.t('federal:transferOfRights'));
    expect(text).not.toContain(statement(lang));
    if (lang === 'en') expect(text).not.toMatch(/age of majority|rights? .{0,40}transfer/i);
  });

  it.each(['en', 'es'] as const)('the family copy (%s) tells the family of the transfer under the federal profile only', (lang) => {
    const heading = createTranslator(lang).t('family:rightsTransfer');
    expect(squash(toString(compose(seventeen, 'federal', lang, 'family')))).toContain(heading);
    expect(squash(toString(compose(seventeen, 'ny', lang, 'family')))).not.toContain(heading);
  });

  it('Amira, 16 with a recorded transfer of rights, gets no transfer statement on the NY form', () => {
    const amira = loadExample('amira-saleh');
    expect(amira.transferOfRights).toBeDefined();
    expect(squash(toString(compose(amira, 'ny')))).not.toMatch(/age of majority/i);
    expect(squash(toString(compose(amira, 'federal')))).toContain(statement('en'));
  });
});
