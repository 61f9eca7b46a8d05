/**
 * Language names are printed in the copy's language (Intl.DisplayNames). ICU has no names in Haitian Creole and
 * answers in English, so a Haitian Creole copy names Haitian Creole by its own name from the locale.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { rawIep, ROOT, validated } from '../e2e/helpers.js';

const iep = validated(rawIep(path.join(ROOT, 'examples', 'ma', 'jonas-desir.iep.yaml')));
const markdown = (lang: 'ht' | 'es' | 'en') => composeDocument(iep, { profile: 'ma', layout: 'official', lang }).markdown ?? '';

describe('language names in a copy', () => {
  it('names Haitian Creole by its own name in a Haitian Creole copy, not in English', () => {
    expect(iep.student.guardians[0]!.preferredLanguage).toBe('ht');
    const parent = markdown('ht').split('\n').find((line) => line.includes('Nadège Désir'))!;
    expect(parent).toContain('Kreyòl ayisyen');
    expect(parent).not.toContain('Haitian Creole');
  });

  it('keeps the names ICU gives in the other languages', () => {
    expect(markdown('en').split('\n').find((line) => line.includes('Nadège Désir'))).toContain('Haitian Creole');
    expect(markdown('es').split('\n').find((line) => line.includes('Nadège Désir'))).toContain('criollo haitiano');
  });
});
