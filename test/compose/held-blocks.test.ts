/**
 * Compose parses each run of blocks of held Markdown once and remembers it (src/compose/held-blocks.ts): the tree must
 * be the very tree the escaped Markdown gives, positions included, the first time and from what it remembered, for
 * every example, layout and language, for one student after another, after an edit and for random data.
 */
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { forgetParsedRuns, parsedRuns } from '../../src/compose/held-blocks.js';
import { parseMarkdown } from '../../src/compose/parse-markdown.js';
import { completeDraft } from '../../src/validate/complete-draft.js';
import type { Iep } from '../../src/model/iep.js';
import { EXAMPLES, LAYOUT_CASES, loadExample } from '../e2e/helpers.js';

/** The composed body and the tree its returned (escaped) Markdown parses to. */
function bodyAndReference(iep: Iep, options: Parameters<typeof composeDocument>[1]) {
  const composed = composeDocument(iep, options);
  expect(composed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { body: composed.document!.body, reference: parseMarkdown(composed.markdown!) };
}

describe('composing from remembered runs gives the tree of the escaped Markdown', () => {
  for (const example of EXAMPLES) {
    it(example, () => {
      const iep = loadExample(example);
      for (const c of LAYOUT_CASES) {
        for (const lang of ['en', 'es', 'ar'] as const) {
          const options = { layout: c.layout, profile: c.profile, lang };
          forgetParsedRuns();
          const first = bodyAndReference(iep, options);
          const again = bodyAndReference(iep, options);
          expect(first.body, `${c.name} ${lang}`).toEqual(first.reference);
          expect(again.body, `${c.name} ${lang} (remembered)`).toEqual(first.reference);
        }
      }
    });
  }

  it('for one student after another, each from the runs the others left', () => {
    forgetParsedRuns();
    for (const c of LAYOUT_CASES) {
      for (const example of [...EXAMPLES, ...EXAMPLES]) {
        const { body, reference } = bodyAndReference(loadExample(example), { layout: c.layout, profile: c.profile, lang: 'es' });
        expect(body, `${example} ${c.name}`).toEqual(reference);
      }
    }
  });

  it('parses nothing again after an edit of narrative text', () => {
    const iep = loadExample('rayhan-chowdhury');
    composeDocument(iep, { layout: 'official' });
    const edited = structuredClone(iep);
    edited.presentLevels.effectOnProgress = { en: `${(iep.presentLevels.effectOnProgress as { en: string }).en} He asks when he is not sure.` };
    const before = parsedRuns().parsed;
    const { body, reference } = bodyAndReference(edited, { layout: 'official' });
    expect(parsedRuns().parsed).toBe(before);
    expect(body).toEqual(reference);
    expect(JSON.stringify(body)).toContain('He asks when he is not sure.');
  });

  it('for a draft with placeholders', () => {
    const { data, placeholders } = completeDraft({ student: { firstName: 'Ana' } });
    const iep = data as unknown as Iep;
    forgetParsedRuns();
    const whole = composeDocument(iep, { layout: 'official', placeholders });
    const again = composeDocument(iep, { layout: 'official', placeholders });
    expect(again.document).toEqual(whole.document);
    expect(JSON.stringify(whole.document)).toContain('[to be written');
  });

  it('keeps what it remembers bounded', () => {
    forgetParsedRuns();
    for (const example of EXAMPLES) for (const lang of ['en', 'es', 'zh-Hans', 'ar', 'bn', 'ru'] as const) composeDocument(loadExample(example), { layout: 'official', lang });
    const { remembered, rememberedLength } = parsedRuns();
    expect(remembered).toBeGreaterThan(0);
    expect(rememberedLength).toBeLessThanOrEqual(1_000_000);
  });
});

describe('composing random data from remembered runs', () => {
  // Pieces of text that probe every construct next to and inside a value: classes of first and last characters,
  // numbers, Markdown and template syntax, entities, directives, scripts of other languages, private-use characters.
  const PIECES = ['a', 'Z', 'x', '7', '2024', '15', '1.', '1)', ' ', '  ', '*', '**', '_', '~', '~~', '`', '\\', '[', ']', '(', ')', '<', '>', '&', '&amp;', '&#60;', ';', ':', ':::', ':name', '#', '|', '!', '-', '+', '=', '"', "'", '«', '»', '¿', '—', '“', '。', '،', '😀', '中文', 'العربية', 'é', '\u00a0', '\u200b', '\t', '\n', '\n\n', 'http://x.y/', '{{x}}', '__proto__', '\uE002', '\uE000', '\uE100\uE110\uE101', 'word'];
  const NARRATIVE = new Set(['text', 'baseline', 'goal', 'criteria', 'method', 'schedule', 'focus', 'studentVersion', 'school', 'preferredName', 'firstName', 'lastName', 'deliveryRecommendations', 'activity', 'responsible', 'effectOnProgress', 'en', 'es']);

  it('gives the tree of the escaped Markdown for 80 records with random narrative text', () => {
    let seed = 20261205;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const text = () => Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(PIECES)).join('');
    const mutate = (value: unknown, key: string): unknown => {
      if (typeof value === 'string') return NARRATIVE.has(key) && random() < 0.6 ? text() : value;
      if (Array.isArray(value)) return value.map((item) => mutate(item, key));
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mutate(v, k)]));
      return value;
    };
    const ieps = EXAMPLES.map(loadExample);
    forgetParsedRuns();
    let composedCount = 0;
    for (let i = 0; i < 80; i++) {
      const iep = mutate(pick(ieps), '') as Iep;
      const c = pick(LAYOUT_CASES);
      const lang = pick(['en', 'es', 'ar'] as const);
      const composed = composeDocument(iep, { layout: c.layout, profile: c.profile, lang });
      if (!composed.document) continue; // a random name can leave a required attribute empty: compose says so
      expect(composed.document.body, `record ${i}, ${c.name} ${lang}`).toEqual(parseMarkdown(composed.markdown!));
      composedCount++;
    }
    expect(composedCount).toBeGreaterThan(60);
  });
});
