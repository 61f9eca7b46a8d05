/**
 * The family copy's glossary is plain prose from the locales. The special class definition explains a ratio
 * ("like 12:1+1"); unescaped, ":1" read as a Markdown directive and no IEP with a special class could be composed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { errorsOf, MINIMAL, rawIep, ROOT, squash, treeText, validated, type TreeNode } from '../e2e/helpers.js';

const glossary = (lang: string) =>
  JSON.parse(readFileSync(path.join(ROOT, 'locales', lang, 'glossary.json'), 'utf8')) as Record<string, { term: string; definition: string }>;

const withSpecialClass = () => {
  const data = rawIep(MINIMAL);
  data.services.specialEducation = [
    { program: 'special-class', ratio: '12:1+1', frequency: { times: 5, per: 'week' }, duration: { minutes: 90 }, location: 'special-education-classroom', beginDate: '2026-09-09', endDate: '2027-05-13' },
  ];
  return validated(data);
};

describe('family copy glossary', () => {
  it.each(['en', 'bn'] as const)('prints the special class definition, ratio and all, in %s', (lang) => {
    const definition = glossary(lang)['program-special-class']!.definition;
    expect(definition).toContain('12:1+1');
    const composed = composeDocument(withSpecialClass(), { layout: 'family', lang });
    expect(errorsOf(composed.diagnostics)).toEqual([]);
    expect(squash(treeText(composed.document!.body as TreeNode))).toContain(squash(definition));
  });
});
