/**
 * A profile is a folder with a profile.yaml, found by name in the templates folders (overlays first, then the
 * bundled ones). loadProfile resolves what a profile inherits through `extends`, and reports every mistake of a
 * profile.yaml as a located `profile-error`, an unknown name as `profile-unknown` with a did-you-mean: never a throw.
 * Each case writes a small templates folder of its own.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { availableProfiles, loadProfile } from '../../src/load/load-profile.js';
import { LOCALES_DIR, TEMPLATES_DIR } from '../../src/model/paths.js';
import { BUNDLED_PROFILES } from '../../src/model/profiles.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A templates folder holding the given files (path relative to the folder -> content). */
function folderWith(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'iepkit-profile-'));
  roots.push(root);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

const CA = `id: ca
name: California
description: A test profile.
extends: federal
settings:
  transitionAge: 16
`;

describe('the bundled profiles', () => {
  it.each([...BUNDLED_PROFILES])('%s loads without diagnostics', (id) => {
    const loaded = loadProfile(id);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.profile).toMatchObject({ id, chain: expect.arrayContaining([id]), templateRoots: [path.resolve(TEMPLATES_DIR)] });
  });

  it('states what differs in law: transition age, rights at majority, the form\'s classification terms', () => {
    expect(loadProfile('federal').profile!.settings).toMatchObject({ transitionAge: 16, rightsTransferAtMajority: true, ageOfMajority: 18, classification: { labels: 'common:disability' } });
    expect(loadProfile('ny').profile!.settings).toMatchObject({ transitionAge: 15, rightsTransferAtMajority: false, classification: { labels: 'ny:classification', terms: { 'visual-impairment': 'visual-impairment-including-blindness' } } });
    const ma = loadProfile('ma').profile!;
    expect(ma).toMatchObject({ chain: ['ma', 'federal'], ruleSet: 'federal', settings: { transitionAge: 14, schoolDayMinutes: 300 } });
    expect(ma.extensions).toMatchObject({ namespace: 'ma', file: path.join(path.resolve(TEMPLATES_DIR), 'ma', 'extensions.schema.json') });
    expect(ma.ruleFiles.map((f) => path.basename(f))).toEqual(['classification.js', 'transition.js']);
  });
});

describe('a profile from a templates folder', () => {
  it('inherits what it does not state from the profile it extends, and is looked for before the bundled ones', () => {
    const root = folderWith({ 'ca/profile.yaml': CA, 'ca/rules/district.js': 'export default [];\n', 'ca/locales/en/ca.json': '{ "title": "California IEP" }\n' });
    const { profile, diagnostics } = loadProfile('ca', { templates: [root], locales: ['/labels'] });
    expect(diagnostics).toEqual([]);
    expect(profile).toMatchObject({
      id: 'ca',
      name: 'California',
      chain: ['ca', 'federal'],
      ruleSet: 'federal',
      settings: { transitionAge: 16, rightsTransferAtMajority: true, ageOfMajority: 18, schoolDayMinutes: 300, classification: { labels: 'common:disability', terms: {} } },
      templateRoots: [root, path.resolve(TEMPLATES_DIR)],
      // --locales overlays, then the chain's locales/ folders, then the bundled labels.
      localeRoots: ['/labels', path.join(root, 'ca', 'locales'), path.resolve(LOCALES_DIR)],
      ruleFiles: [path.join(root, 'ca', 'rules', 'district.js')],
    });
    expect(availableProfiles({ templates: [root] })).toEqual(['ca', 'federal', 'ma', 'ny']);
  });

  it('answers an unknown name with the profiles there are and a did-you-mean', () => {
    const root = folderWith({ 'ca/profile.yaml': CA });
    expect(loadProfile('californa', { templates: [root] }).diagnostics).toEqual([
      expect.objectContaining({ code: 'profile-unknown', message: 'there is no profile "californa" (profiles: ca, federal, ma, ny)', hint: expect.stringContaining('--templates') }),
    ]);
    expect(loadProfile('fedreal').diagnostics).toEqual([expect.objectContaining({ code: 'profile-unknown', hint: 'did you mean `federal`?' })]);
  });

  it('never takes a path for a name', () => {
    for (const name of ['../ny', '/etc', 'ny/official', 'NY', '', 'a'.repeat(41)]) {
      expect(loadProfile(name).diagnostics, name).toEqual([expect.objectContaining({ code: 'profile-unknown', message: expect.stringContaining('is not a profile name') })]);
    }
    expect(loadProfile('NY').diagnostics[0]!.hint).toBe('did you mean `ny`?');
  });

  it('reports every mistake of a profile.yaml at its line, with a did-you-mean for a misspelled key', () => {
    const root = folderWith({ 'ca/profile.yaml': `id: ca\nname: California\ndescription: A test.\nextends: federal\nsetings:\n  transitionAge: 16\nruleSet: texas\n` });
    const file = path.join(root, 'ca', 'profile.yaml');
    expect(loadProfile('ca', { templates: [root] }).diagnostics).toEqual([
      expect.objectContaining({ code: 'profile-error', file, line: 5, path: 'setings', message: 'setings is not a key of profile.yaml', hint: 'did you mean `settings`?' }),
      expect.objectContaining({ code: 'profile-error', file, line: 7, path: 'ruleSet', message: expect.stringMatching(/^ruleSet must be one of: federal, ny; found "texas"/) }),
    ]);
  });

  it('asks for the settings no profile of the chain states', () => {
    const root = folderWith({ 'st/profile.yaml': 'id: st\nname: A state\ndescription: No extends.\nruleSet: federal\nsettings:\n  transitionAge: 16\n' });
    const paths = loadProfile('st', { templates: [root] }).diagnostics.map((d) => [d.code, d.path]);
    expect(paths).toEqual([
      ['profile-error', 'settings.rightsTransferAtMajority'],
      ['profile-error', 'settings.schoolDayMinutes'],
      ['profile-error', 'settings.classification'],
    ]);
  });

  it('refuses an id that is not its folder, an unknown extends, a circle of extends and YAML that does not parse', () => {
    const root = folderWith({
      'ca/profile.yaml': CA.replace('id: ca', 'id: cal'),
      'or/profile.yaml': CA.replace('id: ca', 'id: or').replace('extends: federal', 'extends: fedral'),
      'a/profile.yaml': CA.replace('id: ca', 'id: a').replace('extends: federal', 'extends: b'),
      'b/profile.yaml': CA.replace('id: ca', 'id: b').replace('extends: federal', 'extends: a'),
      'wa/profile.yaml': 'id: wa\nname: [unclosed\n',
    });
    const dirs = { templates: [root] };
    expect(loadProfile('ca', dirs).diagnostics).toEqual([expect.objectContaining({ code: 'profile-error', path: 'id', line: 1, message: 'id is "cal", but the profile\'s folder is "ca"' })]);
    expect(loadProfile('or', dirs).diagnostics).toEqual([expect.objectContaining({ code: 'profile-error', path: 'extends', line: 4, file: path.join(root, 'or', 'profile.yaml'), hint: 'did you mean `federal`?' })]);
    expect(loadProfile('a', dirs).diagnostics).toEqual([expect.objectContaining({ code: 'profile-error', path: 'extends', message: expect.stringContaining('a -> b -> a') })]);
    expect(loadProfile('wa', dirs).diagnostics).toEqual([expect.objectContaining({ code: 'profile-error', file: path.join(root, 'wa', 'profile.yaml'), message: expect.stringMatching(/not valid YAML/) })]);
  });

  it('reports an extensions schema that is missing or not JSON in the schema file', () => {
    const root = folderWith({
      'ca/profile.yaml': `${CA}extensions:\n  namespace: ca\n  schema: missing.json\n`,
      'or/profile.yaml': `${CA.replace('id: ca', 'id: or')}extensions:\n  namespace: or\n  schema: broken.json\n`,
      'or/broken.json': '{\n  "type": "object",\n  "properties": {,\n}\n',
    });
    expect(loadProfile('ca', { templates: [root] }).diagnostics).toEqual([expect.objectContaining({ code: 'profile-error', file: path.join(root, 'ca', 'missing.json'), message: expect.stringContaining('there is no such file') })]);
    expect(loadProfile('or', { templates: [root] }).diagnostics).toEqual([expect.objectContaining({ code: 'profile-error', file: path.join(root, 'or', 'broken.json'), line: 3 })]);
  });

  it('reads a profile.yaml again once it changed', () => {
    const root = folderWith({ 'ca/profile.yaml': CA });
    expect(loadProfile('ca', { templates: [root] }).profile!.settings.transitionAge).toBe(16);
    writeFileSync(path.join(root, 'ca', 'profile.yaml'), CA.replace('transitionAge: 16', 'transitionAge: 14\n  schoolDayMinutes: 330'));
    expect(loadProfile('ca', { templates: [root] }).profile!.settings).toMatchObject({ transitionAge: 14, schoolDayMinutes: 330 });
  });
});
