/**
 * The untranslated list names the fields a copy prints in English, no more, no fewer. It used to name every field
 * the view model localized: a Spanish family copy of an English-only IEP reported 156 fields (evaluations, domain
 * descriptions, services it never prints) and the student summary 153 where it prints about 30.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES_DIR } from '../../src/model/paths.js';
import { composeDocument } from '../../src/compose/compose-document.js';
import { textFields } from '../../src/model/text-fields.js';
import { formatJsonPath } from '../../src/model/diagnostic.js';
import { allNodes, examplePath, LAYOUT_CASES, loadExample, nodeText, rawIep, squash, validated, type TreeNode } from '../e2e/helpers.js';

const maya = loadExample('maya-thompson');
const englishOf = new Map(textFields(maya).map((f) => [formatJsonPath(f.fieldPath), squash(f.text)]));

describe.each(LAYOUT_CASES)('an English-only IEP in a Spanish $name copy', ({ layout, profile }) => {
  const composed = composeDocument(maya, { layout, profile, lang: 'es' });
  const nodes = allNodes(composed.document!.body as TreeNode);
  const markers = nodes.filter((n) => n.name === 'untranslated');
  const reported = composed.untranslated.map((u) => u.path);

  it('reports each field once', () => {
    expect(new Set(reported).size).toBe(reported.length);
  });

  it('reports exactly the fields whose English text it prints marked, or gives a signer as their role (marked too)', () => {
    const marked = new Set(markers.map((m) => m.attributes?.path));
    // A signer's role is an attribute printed as plain text, so its marker is part of the text.
    const note = JSON.parse(readFileSync(join(LOCALES_DIR, 'es', 'common.json'), 'utf8')).untranslated as string;
    const roles = new Set(nodes.filter((n) => n.name === 'signer').map((n) => n.attributes?.role));
    const expected = [...englishOf.keys()].filter((path) => marked.has(path) || (path.startsWith('team[') && roles.has(`${englishOf.get(path)} [${note}]`)));
    expect([...reported].sort()).toEqual(expected.sort());
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.length).toBeLessThan(englishOf.size + 1);
  });

  it("marks each field with its own English text", () => {
    for (const marker of markers) expect(nodeText(marker)).toBe(englishOf.get(marker.attributes!.path!));
  });
});

it('the student summary reports far fewer fields than the official IEP prints', () => {
  const count = (layout: 'official' | 'student') => composeDocument(maya, { layout, lang: 'es' }).untranslated.length;
  expect(count('student')).toBeLessThan(count('official') / 3);
});

it('a fully translated IEP reports nothing', () => {
  for (const c of LAYOUT_CASES) {
    const mateo = validated(rawIep(examplePath('mateo-almonte')));
    expect(composeDocument(mateo, { layout: c.layout, profile: c.profile, lang: 'es' }).untranslated, c.name).toEqual([]);
  }
});
