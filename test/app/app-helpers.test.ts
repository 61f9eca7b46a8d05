import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileNameFrom } from '../../src/app/file-name-from.js';
import { fileNameFor } from '../../src/app/file-name-for.js';
import { parseJsonPath, valueAt } from '../../src/app/json-path.js';
import { schemaLanguages } from '../../src/app/schema-languages.js';
import { changedSentences } from '../../src/app/changed-sentences.js';
import { familyLanguages } from '../../src/app/family-languages.js';

describe('the editor\'s small pieces', () => {
  it('takes the download name from Content-Disposition, the UTF-8 form first, never with folders', () => {
    expect(fileNameFrom(`attachment; filename="maya-official-en.pdf"`)).toBe('maya-official-en.pdf');
    expect(fileNameFrom(`attachment; filename="x.pdf"; filename*=UTF-8''Am%C3%ADra%20IEP.pdf`)).toBe('Amíra IEP.pdf');
    expect(fileNameFrom(`attachment; filename="../../etc/passwd"`)).toBe('passwd');
    expect(fileNameFrom(null)).toBeUndefined();
  });

  it('reads a diagnostic\'s JSON path as keys and indexes', () => {
    expect(parseJsonPath('goals[2].criteria')).toEqual(['goals', 2, 'criteria']);
    expect(parseJsonPath('presentLevels.academic.strengths[0].en')).toEqual(['presentLevels', 'academic', 'strengths', 0, 'en']);
    expect(parseJsonPath('a["odd key"].b')).toEqual(['a', 'odd key', 'b']);
    expect(valueAt({ goals: [{}, {}, { criteria: '4 of 5' }] }, ['goals', 2, 'criteria'])).toBe('4 of 5');
    expect(valueAt({ goals: [] }, ['goals', 2, 'criteria'])).toBeUndefined();
  });

  it('makes a file name from what the person typed', () => {
    expect(fileNameFor('Jordan Lee')).toBe('jordan-lee.iep.yaml');
    expect(fileNameFor('jordan.iep.yaml')).toBe('jordan.iep.yaml');
    expect(fileNameFor('  ??? ')).toBe('new-iep.iep.yaml');
  });

  it('finds the document languages in the published schema, English first', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schema/iep.schema.json', import.meta.url), 'utf8'));
    expect(schemaLanguages(schema)).toEqual(['en', 'es', 'zh-Hans', 'zh-Hant', 'ar', 'bn', 'ru', 'ko', 'fr', 'ht', 'ur']);
  });
});

describe('changedSentences', () => {
  it('shows only the sentence a rewrite changes', () => {
    const before = 'Maya is curious. Maya struggles with decoding. She loves octopuses.';
    const after = 'Maya is curious. Maya is learning decoding. She loves octopuses.';
    expect(changedSentences(before, after)).toEqual({ before: 'Maya struggles with decoding.', after: 'Maya is learning decoding.' });
  });

  it('gives the whole text when the change is in its only sentence', () => {
    expect(changedSentences('Ana is unable to add fractions', 'Ana is learning to add fractions')).toEqual({
      before: 'Ana is unable to add fractions',
      after: 'Ana is learning to add fractions',
    });
  });
});

describe('familyLanguages', () => {
  const available = ['en', 'es', 'zh-Hans', 'ar', 'bn'];
  it('gives the translation columns the record calls for, in the schema\'s order, never English', () => {
    const record = {
      student: { homeLanguage: 'bn', guardians: [{ preferredLanguage: 'es' }, { preferredLanguage: 'en' }] },
      parentConcerns: { en: 'We hope...', ar: '...' },
    };
    expect(familyLanguages(record, available)).toEqual(['es', 'ar', 'bn']);
  });

  it('gives none for an English-only record or one that does not parse', () => {
    expect(familyLanguages({ student: { homeLanguage: 'en', guardians: [{ preferredLanguage: 'en' }] } }, available)).toEqual([]);
    expect(familyLanguages(undefined, available)).toEqual([]);
  });
});
