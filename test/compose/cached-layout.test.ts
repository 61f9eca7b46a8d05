import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedLayout } from '../../src/compose/cached-layout.js';
import { TEMPLATES_DIR } from '../../src/model/paths.js';
import { bundledProfile, profileIn } from '../helpers/profile-in.js';

const TEMPLATES = mkdtempSync(path.join(os.tmpdir(), 'iepkit-cached-layout-'));
cpSync(TEMPLATES_DIR, TEMPLATES, { recursive: true });
afterAll(() => rmSync(TEMPLATES, { recursive: true, force: true }));

describe('cachedLayout', () => {
  it('reads a layout once and gives the same one while its files are unchanged', () => {
    const first = cachedLayout(profileIn(TEMPLATES, 'ny'), 'family');
    expect(first.diagnostics).toEqual([]);
    expect(cachedLayout(profileIn(TEMPLATES, 'ny'), 'family').layout).toBe(first.layout);
    // Another folder, profile or layout is another layout.
    expect(cachedLayout(profileIn(TEMPLATES, 'ny'), 'official').layout).not.toBe(first.layout);
    expect(cachedLayout(bundledProfile('ny'), 'family').layout).not.toBe(first.layout);
  });

  it('reads the layout again when a template, the front matter or the partials folder changes', () => {
    const before = cachedLayout(profileIn(TEMPLATES, 'ny'), 'family').layout!;
    const section = before.sections[0]!;
    writeFileSync(section.file, `${readFileSync(section.file, 'utf8')}\nAn added line.\n`);
    const edited = cachedLayout(profileIn(TEMPLATES, 'ny'), 'family').layout!;
    expect(edited).not.toBe(before);
    expect(edited.sections[0]!.source).toContain('An added line.');

    writeFileSync(path.join(TEMPLATES, 'partials', 'a-new-partial.md'), 'New partial.\n');
    const withPartial = cachedLayout(profileIn(TEMPLATES, 'ny'), 'family').layout!;
    expect(withPartial.partials.map((p) => p.name)).toContain('a-new-partial');

    const layoutFile = path.join(withPartial.dir, 'layout.md');
    writeFileSync(layoutFile, readFileSync(layoutFile, 'utf8').replace(/^sections:\n(\s+- )(\S+)\n/m, 'sections:\n$1$2\n$1no-such-section\n'));
    expect(cachedLayout(profileIn(TEMPLATES, 'ny'), 'family').diagnostics.map((d) => d.code)).toContain('layout-error');
  });
});
