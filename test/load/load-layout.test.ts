/**
 * A layout's front matter is checked against LayoutConfigSchema (src/model/layout-config.ts). Every problem of the
 * file is a `layout-error` diagnostic naming layout.md, the line of the offending key or value, its JSON path and
 * a hint (a did-you-mean for a misspelled key or value); nothing is thrown. Each case writes a small templates
 * folder of its own and gives it to the loader as its root.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { BUNDLED_PROFILES, LAYOUTS, loadLayout } from '../../src/load/load-layout.js';
import { bundledProfile, profileIn } from '../helpers/profile-in.js';
import { LAYOUT_CASES, MINIMAL, rawIep, validated } from '../e2e/helpers.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A templates folder with templates/common/family/layout.md holding `frontMatter`, and the sections it names. */
function templatesWith(frontMatter: string, sections: string[] = ['welcome']): { root: string; file: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'iepkit-layout-'));
  roots.push(root);
  const dir = path.join(root, 'common', 'family');
  mkdirSync(path.join(dir, 'sections'), { recursive: true });
  for (const name of sections) writeFileSync(path.join(dir, 'sections', `${name}.md`), `# {{t "family:welcomeHeading"}}\n`);
  const file = path.join(dir, 'layout.md');
  writeFileSync(file, frontMatter);
  return { root, file };
}

const VALID = `---
id: family
title: family:title
subject: family:subject
description: A test layout.
page:
  size: letter
  margins: { top: 24, right: 20, bottom: 20, left: 20 }
domainParts: [strengths, interests]
sections: [welcome]
---
Body text is not front matter.
`;

describe('the bundled layouts', () => {
  it.each(BUNDLED_PROFILES.flatMap((profile) => LAYOUTS.map((layout) => ({ profile, layout }))))('$profile $layout loads without diagnostics', ({ profile, layout }) => {
    const loaded = loadLayout(bundledProfile(profile), layout);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.layout?.config.sections.length).toBeGreaterThan(0);
  });
});

describe('layout front matter', () => {
  it('reads a valid front matter as the layout config', () => {
    const { root } = templatesWith(VALID);
    const loaded = loadLayout(profileIn(root, 'ny'), 'family');
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.layout?.config).toEqual({
      id: 'family',
      title: 'family:title',
      subject: 'family:subject',
      description: 'A test layout.',
      page: { size: 'letter', margins: { top: 24, right: 20, bottom: 20, left: 20 } },
      domainParts: ['strengths', 'interests'],
      sections: ['welcome'],
    });
  });

  it('reports every problem of the file, each with its line, path and a hint', () => {
    const { root, file } = templatesWith(
      [
        '---', //                                                  1
        'id: family', //                                           2
        'titel: family:title', //                                  3: misspelled key, so title is missing
        'subject: family:subject', //                              4
        'description: A test layout.', //                          5
        'page:', //                                                6
        '  size: leter', //                                        7: misspelled value
        '  margins: { top: 24mm, right: 20, bottom: 20 }', //      8: text for a number, no left margin
        'domainParts: [strengths, interests, strenghts]', //       9: misspelled value
        'sections: [welcome, nowhere]', //                        10: no template for nowhere
        'limits: { goal: 4 }', //                                 11: misspelled list
        '---',
        '',
      ].join('\n'),
    );
    const loaded = loadLayout(profileIn(root, 'ny'), 'family');
    expect(loaded.layout).toBeUndefined();
    for (const d of loaded.diagnostics) expect(d).toMatchObject({ code: 'layout-error', severity: 'error', file });
    const found = loaded.diagnostics.map((d) => ({ path: d.path, line: d.line, message: d.message, hint: d.hint }));
    expect(found).toEqual(
      expect.arrayContaining([
        { path: 'titel', line: 3, message: 'titel is not a key of the front matter', hint: 'did you mean `title`?' },
        { path: 'title', line: 2, message: expect.stringMatching(/^title is required: the locale key/), hint: 'add `title:` to the front matter' },
        { path: 'page.size', line: 7, message: 'page.size must be one of: letter, a4; found "leter"', hint: 'did you mean `letter`?' },
        { path: 'page.margins.top', line: 8, message: 'page.margins.top must be a number, but it is "24mm"', hint: expect.stringMatching(/millimetres/) },
        { path: 'page.margins.left', line: 8, message: expect.stringMatching(/^page\.margins\.left is required/), hint: 'add `left:` under page.margins' },
        { path: 'domainParts[2]', line: 9, message: expect.stringMatching(/^domainParts\[2\] must be one of: description, strengths, .*; found "strenghts"$/), hint: 'did you mean `strengths`?' },
        { path: 'sections[1]', line: 10, message: expect.stringMatching(/^section "nowhere" has no template/), hint: expect.stringMatching(/sections\/nowhere\.md/) },
        { path: 'limits.goal', line: 11, message: 'limits.goal is not a key of limits', hint: 'did you mean `goals`?' },
      ]),
    );
    expect(found).toHaveLength(8);
  });

  it('reports YAML that does not parse at its line in layout.md', () => {
    const { root, file } = templatesWith('---\nid: family\npage: { size: letter\n---\n');
    const [d, ...rest] = loadLayout(profileIn(root, 'ny'), 'family').diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'layout-error', file, message: expect.stringMatching(/not valid YAML/) });
    expect(d!.line).toBeGreaterThanOrEqual(3);
  });

  it('reports a layout.md without front matter, and one whose front matter is never closed', () => {
    expect(loadLayout(profileIn(templatesWith('# Just a heading\n').root, 'ny'), 'family').diagnostics).toMatchObject([{ code: 'layout-error', line: 1, message: expect.stringMatching(/does not start with front matter/) }]);
    expect(loadLayout(profileIn(templatesWith('---\nid: family\n').root, 'ny'), 'family').diagnostics).toMatchObject([{ code: 'layout-error', message: expect.stringMatching(/never closed/) }]);
  });

  it('reports front matter that is not a mapping', () => {
    expect(loadLayout(profileIn(templatesWith('---\n- a list\n---\n').root, 'ny'), 'family').diagnostics).toMatchObject([{ code: 'layout-error', path: '', line: 2, message: 'the front matter must be a mapping, but it is a list' }]);
  });

  it('reports a layout that does not exist for the profile', () => {
    const { root } = templatesWith(VALID);
    expect(loadLayout(profileIn(root, 'ny'), 'student').diagnostics).toMatchObject([{ code: 'layout-error', message: 'no layout "student" for profile "ny"' }]);
  });
});

describe('composeDocument with a broken layout', () => {
  it('returns the layout errors as diagnostics instead of throwing', () => {
    const { root, file } = templatesWith(VALID.replace('size: letter', 'size: legal').replace('domainParts: [strengths, interests]', 'domainParts: strengths'));
    const iep = validated(rawIep(MINIMAL));
    let composed: ReturnType<typeof composeDocument> | undefined;
    expect(() => (composed = composeDocument(iep, { layout: LAYOUT_CASES[2].layout, profile: profileIn(root, 'ny') }))).not.toThrow();
    expect(composed!.document).toBeUndefined();
    expect(composed!.diagnostics.map((d) => [d.code, d.file, d.path, d.line])).toEqual([
      ['layout-error', file, 'page.size', 7],
      ['layout-error', file, 'domainParts', 9],
    ]);
  });
});
