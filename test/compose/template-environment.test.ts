/**
 * Each layout expands its templates in a Handlebars environment of its own (src/compose/layout-environment.ts):
 * its partials are visible to it alone, and the environment is made once per layout, so composing a second
 * document with the same layout compiles nothing again. Each case writes its own templates folders and gives them
 * to composeDocument as `templatesDir`.
 */
import Handlebars from 'handlebars';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { TEMPLATES_DIR } from '../../src/model/paths.js';
import { errorsOf, MINIMAL, rawIep, validated } from '../e2e/helpers.js';

const iep = validated(rawIep(MINIMAL));
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const tempRoot = (): string => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'iepkit-environment-'));
  roots.push(root);
  return root;
};

/** A templates folder whose family layout has one section, `{{> note}}`-style text, and the given shared partials. */
function templatesWith(section: string, partials: Record<string, string>): string {
  const root = tempRoot();
  const dir = path.join(root, 'common', 'family');
  mkdirSync(path.join(dir, 'sections'), { recursive: true });
  mkdirSync(path.join(root, 'partials'));
  // A templates folder used instead of the bundled one holds the profile too (profiles are data).
  cpSync(path.join(TEMPLATES_DIR, 'ny'), path.join(root, 'ny'), { recursive: true, filter: (source) => !source.includes(`${path.sep}official`) });
  writeFileSync(
    path.join(dir, 'layout.md'),
    '---\nid: family\ntitle: family:title\nsubject: family:subject\ndescription: A test layout.\npage:\n  size: letter\n  margins: { top: 20, right: 20, bottom: 20, left: 20 }\ndomainParts: [strengths]\nsections: [main]\n---\n',
  );
  writeFileSync(path.join(dir, 'sections', 'main.md'), section);
  for (const [name, source] of Object.entries(partials)) writeFileSync(path.join(root, 'partials', `${name}.md`), source);
  return root;
}

describe('one Handlebars environment per layout', () => {
  it('gives two layouts with a partial of the same name each its own partial', () => {
    const a = templatesWith('{{> note}}\n', { note: 'Note of layout A.\n' });
    const b = templatesWith('{{> note}}\n', { note: 'Note of layout B.\n' });
    const markdown = (root: string) => composeDocument(iep, { layout: 'family', templatesDir: root }).markdown;
    expect(markdown(a)).toBe('Note of layout A.\n');
    expect(markdown(b)).toBe('Note of layout B.\n');
    expect(markdown(a)).toBe('Note of layout A.\n');
  });

  it("does not let a layout use a partial only another layout has", () => {
    const a = templatesWith('{{> extra}}\n', { extra: 'Only layout A has this.\n' });
    const b = templatesWith('{{> extra}}\n', {});
    expect(errorsOf(composeDocument(iep, { layout: 'family', templatesDir: a }).diagnostics)).toEqual([]);
    const composed = composeDocument(iep, { layout: 'family', templatesDir: b });
    expect(composed.document).toBeUndefined();
    expect(errorsOf(composed.diagnostics)).toMatchObject([{ code: 'template-error', file: path.join(b, 'common', 'family', 'sections', 'main.md'), message: expect.stringMatching(/partial extra could not be found/) }]);
  });

  it('makes the environment once and compiles nothing again when the same layout composes a second document', () => {
    const root = tempRoot();
    cpSync(TEMPLATES_DIR, root, { recursive: true });
    const create = Handlebars.create.bind(Handlebars);
    const compiles: ReturnType<typeof vi.fn>[] = [];
    vi.spyOn(Handlebars, 'create').mockImplementation(() => {
      const env = create();
      compiles.push(vi.spyOn(env, 'compile') as unknown as ReturnType<typeof vi.fn>);
      return env;
    });
    const compiled = () => compiles.reduce((n, spy) => n + spy.mock.calls.length, 0);

    expect(errorsOf(composeDocument(iep, { layout: 'official', profile: 'ny', templatesDir: root }).diagnostics)).toEqual([]);
    expect(compiles).toHaveLength(1);
    const first = compiled();
    expect(first).toBeGreaterThan(10);

    const data = rawIep(MINIMAL);
    data.student.firstName = 'Zelda';
    const other = validated(data);
    const second = composeDocument(other, { layout: 'official', profile: 'ny', templatesDir: root });
    expect(errorsOf(second.diagnostics)).toEqual([]);
    expect(second.markdown).toContain('Zelda');
    expect(compiles).toHaveLength(1);
    expect(compiled()).toBe(first);

    // Another layout gets an environment of its own.
    expect(errorsOf(composeDocument(iep, { layout: 'family', templatesDir: root }).diagnostics)).toEqual([]);
    expect(compiles).toHaveLength(2);
  });
});
