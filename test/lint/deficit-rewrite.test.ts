import { describe, expect, it } from 'vitest';
import { DEFICIT_TERMS, findDeficitWording, rewriteDeficit } from '../../src/lint/deficit-terms.js';
import { lintSource, minimalWith } from './lint-fixture.js';

const fixOf = (text: string) => {
  const [match] = findDeficitWording(text);
  return match ? rewriteDeficit(text, match) : undefined;
};
/** Reads as a sentence: a capital first, a full stop last, single spaces, no doubled word. */
const readsAsSentence = (text: string) => /^\p{Lu}/u.test(text) && /[.!?]$/.test(text) && !/\s{2}/.test(text) && !/\b(\w+)\s+\1\b/i.test(text);

describe('mechanical rewrites of deficit wording', () => {
  const rewrites = DEFICIT_TERMS.flatMap((term) => (term.rewrite ?? []).map((rewrite) => ({ term: term.term, ...rewrite })));

  it('exist for the terms where a rewrite reads well', () => {
    expect(new Set(rewrites.map((r) => r.term)).size).toBeGreaterThanOrEqual(15);
  });

  for (const rewrite of rewrites) {
    it(`${rewrite.term}: "${rewrite.sample}" is rewritten into a sentence no term trips`, () => {
      const [match] = findDeficitWording(rewrite.sample);
      expect(match?.term.term).toBe(rewrite.term);
      const fixed = rewriteDeficit(rewrite.sample, match!);
      expect(fixed, rewrite.sample).toBeDefined();
      expect(fixed).not.toBe(rewrite.sample);
      expect(findDeficitWording(fixed!), fixed).toEqual([]);
      expect(readsAsSentence(fixed!), fixed).toBe(true);
    });
  }

  it('rewrites the words around the finding and keeps the rest of the text', () => {
    expect(fixOf('Luis is unable to tie his shoes.')).toBe('Luis is learning to tie his shoes.');
    expect(fixOf('Jayden struggles with fractions. He enjoys geometry.')).toBe('Jayden is learning fractions. He enjoys geometry.');
    expect(fixOf('Is struggling with fractions.')).toBe('Is learning fractions.');
  });

  it('gives no rewrite where none reads well whatever the sentence (then the hint alone helps)', () => {
    expect(fixOf('Jayden refuses to write.')).toBeUndefined();
    expect(fixOf('He was unable, at first, to start.')).toBeUndefined();
    expect(fixOf('Maya is two years behind in reading.')).toBeUndefined();
  });
});

describe('deficit-wording diagnostics carry the fix', () => {
  it('the whole new English text of the field, at the field path', () => {
    const source = minimalWith((doc) => doc.setIn(['presentLevels', 'academic', 'description'], 'Ana reads grade 2 texts. She struggles with long words.'));
    const [d] = lintSource(source).filter((x) => x.code === 'deficit-wording');
    expect(d?.fix).toEqual({ path: 'presentLevels.academic.description', text: 'Ana reads grade 2 texts. She is learning long words.' });
  });

  it('in a translated text, the English at `.en`', () => {
    const source = minimalWith((doc) => doc.setIn(['presentLevels', 'academic', 'description'], { en: 'Ana is unable to decode long words.', es: 'Ana lee.' }));
    const [d] = lintSource(source).filter((x) => x.code === 'deficit-wording');
    expect(d?.fix).toEqual({ path: 'presentLevels.academic.description.en', text: 'Ana is learning to decode long words.' });
  });

  it('never for the voice fields (the student and the parents, quoted as said)', () => {
    const source = minimalWith((doc) => {
      doc.set('parentConcerns', 'She struggles with reading.');
      doc.set('studentVoice', 'I struggle with reading but I am unable to ask.');
      doc.setIn(['presentLevels', 'social', 'parentConcerns'], 'He is unable to make friends.');
    });
    const voice = lintSource(source).filter((x) => x.code === 'deficit-wording');
    expect(voice.length).toBeGreaterThanOrEqual(3);
    for (const d of voice) expect(d.fix, d.path).toBeUndefined();
  });
});
