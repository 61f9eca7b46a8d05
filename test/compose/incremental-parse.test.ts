/**
 * The live preview composes with `reuseParses` (each section parsed on its own and remembered): the tree must be the
 * very tree the whole document's parse gives, positions included, for every example, layout and a translated copy,
 * the first time and from what it remembered.
 */
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { completeDraft } from '../../src/validate/complete-draft.js';
import type { Iep } from '../../src/model/iep.js';
import { EXAMPLES, LAYOUT_CASES, loadExample } from '../e2e/helpers.js';

describe('composing with reuseParses gives the same tree', () => {
  for (const example of EXAMPLES) {
    it(example, () => {
      const iep = loadExample(example);
      for (const c of LAYOUT_CASES) {
        for (const lang of ['en', 'es'] as const) {
          const options = { layout: c.layout, profile: c.profile, lang };
          const whole = composeDocument(iep, options);
          const first = composeDocument(iep, { ...options, reuseParses: true });
          const again = composeDocument(iep, { ...options, reuseParses: true });
          expect(first.document, `${c.name} ${lang}`).toEqual(whole.document);
          expect(again.document, `${c.name} ${lang} (remembered)`).toEqual(whole.document);
        }
      }
    });
  }

  it('after an edit in one field, with the other sections remembered', () => {
    const iep = loadExample('rayhan-chowdhury');
    composeDocument(iep, { layout: 'official', reuseParses: true });
    const edited = structuredClone(iep);
    edited.presentLevels.effectOnProgress = { en: `${(iep.presentLevels.effectOnProgress as { en: string }).en} He asks when he is not sure.` };
    expect(composeDocument(edited, { layout: 'official', reuseParses: true }).document).toEqual(composeDocument(edited, { layout: 'official' }).document);
  });

  it('for a draft with placeholders', () => {
    const { data, placeholders } = completeDraft({ student: { firstName: 'Ana' } });
    const iep = data as unknown as Iep;
    const whole = composeDocument(iep, { layout: 'official', placeholders });
    expect(composeDocument(iep, { layout: 'official', placeholders, reuseParses: true }).document).toEqual(whole.document);
  });
});
