/**
 * A profile's own data: `extensions.<namespace>` of a record checked against the JSON Schema the profile declares,
 * each problem located by JSON path and line as the model's own errors are.
 */
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/load/load-profile.js';
import { loadIep } from '../../src/validate/load-iep.js';
import { validateIep } from '../../src/validate/validate-iep.js';
import { checkExtensions, validateExtensions } from '../../src/validate/validate-extensions.js';
import { ROOT, examplePath, rawIep } from '../e2e/helpers.js';
import { extensionsProfileRoot } from '../helpers/extensions-profile.js';

const made = extensionsProfileRoot();
afterAll(() => made.remove());
const profile = loadProfile('st', { templates: [made.root] }).profile!;
const base = readFileSync(examplePath('maya-thompson'), 'utf8');
const baseLines = base.split('\n').length - (base.endsWith('\n') ? 1 : 0);

/** The example with `extra` appended (YAML lines), loaded with positions, then checked against the profile. */
function check(extra: string, against = profile) {
  const loaded = loadIep(base + extra, { file: 'maya.iep.yaml' });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return validateExtensions(loaded.iep, against, { file: 'maya.iep.yaml', sourceMap: loaded.sourceMap });
}

describe('extensions against the profile schema', () => {
  it('the profile reads its schema', () => {
    expect(profile.extensions?.namespace).toBe('st');
  });

  it('valid data: no diagnostic', () => {
    const found = check(`extensions:\n  st:\n    districtCode: "07-113"\n    visits: 2\n    vision:\n      en: I want to read chapter books.\n      es: Quiero leer libros por capítulos.\n    supports:\n      - { name: Bus aide, minutes: 30 }\n`);
    expect(found).toEqual([]);
  });

  it('a record without extensions: no diagnostic, and the model accepts it without a profile', () => {
    const loaded = loadIep(base);
    expect(validateExtensions(loaded.iep, profile)).toEqual([]);
  });

  it('a wrong type is extension-invalid at its line, with what to type', () => {
    const found = check(`extensions:\n  st:\n    districtCode: "07-113"\n    visits: two\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'extension-invalid', severity: 'error', file: 'maya.iep.yaml', path: 'extensions.st.visits', line: baseLines + 4, column: 13 });
    expect(found[0]!.message).toBe('extensions.st.visits must be a whole number, but it is "two"');
    expect(found[0]!.hint).toBe('Home visits this year.');
  });

  it('a misspelled key: did you mean, at the key', () => {
    const found = check(`extensions:\n  st:\n    districtCode: "07-113"\n    interpeter: true\n`);
    expect(found).toMatchObject([{ code: 'extension-invalid', path: 'extensions.st.interpeter', line: baseLines + 4, column: 5, hint: 'did you mean `interpreter`?' }]);
    expect(found[0]!.message).toBe('extensions.st.interpeter is not a field of extensions.st');
  });

  it('a missing required field: located at the namespace, saying what to add', () => {
    const found = check(`extensions:\n  st:\n    visits: 2\n`);
    expect(found).toMatchObject([{ code: 'extension-invalid', path: 'extensions.st.districtCode', line: baseLines + 3 }]);
    expect(found[0]!.message).toBe('extensions.st.districtCode is required: the district code the state assigns');
    expect(found[0]!.hint).toBe('add `districtCode:` under extensions.st');
  });

  it('translatable text takes the model\'s languages and limits: an unknown language is a did-you-mean, a number says to quote', () => {
    const found = check(`extensions:\n  st:\n    districtCode: "07-113"\n    vision:\n      en: I want to read.\n      ess: Quiero leer.\n    supports:\n      - { name: 5 }\n`);
    expect(found.map((d) => d.path).sort()).toEqual(['extensions.st.supports[0].name', 'extensions.st.vision.ess']);
    const language = found.find((d) => d.path === 'extensions.st.vision.ess')!;
    expect(language).toMatchObject({ code: 'extension-invalid', line: baseLines + 6, hint: 'did you mean `es`?' });
    // Too long: refused when the record is read, as any text of the model is, before any profile is known.
    const long = loadIep(base + `extensions:\n  st:\n    districtCode: "07-113"\n    vision:\n      en: ${'a'.repeat(10_001)}\n`);
    expect(long.diagnostics).toMatchObject([{ code: 'text-too-long', path: 'extensions.st.vision.en', line: baseLines + 5 }]);
  });

  it('a namespace the profile does not declare is an extension-unknown warning at its key', () => {
    const found = check(`extensions:\n  st:\n    districtCode: "07-113"\n  ma:\n    visionHighSchool: I want to build robots.\n`);
    expect(found).toMatchObject([{ code: 'extension-unknown', severity: 'warning', path: 'extensions.ma', line: baseLines + 4, column: 3 }]);
    const federal = loadProfile('federal').profile!;
    expect(check(`extensions:\n  st:\n    districtCode: "07-113"\n`, federal)).toMatchObject([{ code: 'extension-unknown', severity: 'warning', path: 'extensions.st' }]);
  });

  it('checkExtensions resolves the profile by name; an unknown profile is reported only when asked', () => {
    const loaded = loadIep(base + `extensions:\n  st:\n    visits: -1\n`);
    const found = checkExtensions(loaded.iep, { profile: 'st', templates: [made.root], sourceMap: loaded.sourceMap });
    expect(found.map((d) => d.path).sort()).toEqual(['extensions.st.districtCode', 'extensions.st.visits']);
    expect(checkExtensions(loaded.iep, { profile: 'sx', templates: [made.root] })).toEqual([]);
    expect(checkExtensions(loaded.iep, { profile: 'sx', templates: [made.root], reportProfile: true })).toMatchObject([{ code: 'profile-unknown', hint: 'did you mean `st`?' }]);
  });
});

describe('the data model bounds extensions whatever the profile', () => {
  const record = () => rawIep(examplePath('maya-thompson'));

  it('a namespace must be lowercase letters, digits and hyphens', () => {
    const data = { ...record(), extensions: { MA: { a: 1 } } };
    const result = validateIep(data);
    expect(result.iep).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ path: 'extensions.MA', code: 'unknown-field' }]);
    expect(result.diagnostics[0]!.hint).toContain('lowercase letters, digits and hyphens');
  });

  it('a namespace must be a mapping', () => {
    const result = validateIep({ ...record(), extensions: { st: 'text' } });
    expect(result.diagnostics).toMatchObject([{ path: 'extensions.st', code: 'wrong-type' }]);
  });

  it('a prototype key at any depth is refused (a record made with JSON.parse can hold one)', () => {
    const data = JSON.parse(JSON.stringify({ ...record(), extensions: { st: { list: [{ ok: 1 }] } } }).replace('{"ok":1}', '{"__proto__":{"polluted":true}}'));
    const result = validateIep(data);
    expect(result.diagnostics).toMatchObject([{ code: 'forbidden-key', path: 'extensions.st.list[0].__proto__' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A file with one is refused by the loader, at the key's line.
    const loaded = loadIep(`${base}extensions:\n  st:\n    constructor: 1\n`);
    expect(loaded.diagnostics).toMatchObject([{ code: 'forbidden-key', line: baseLines + 3 }]);
  });

  it('text anywhere under extensions is bounded as narrative text is', () => {
    const result = validateIep({ ...record(), extensions: { st: { deep: { list: ['x'.repeat(10_001)] } } } });
    expect(result.diagnostics).toMatchObject([{ code: 'text-too-long', path: 'extensions.st.deep.list[0]' }]);
  });
});

describe('a schema that cannot be used is a profile-error naming the file', () => {
  it('an unknown keyword, located in the schema file', () => {
    const broken = extensionsProfileRoot({ schema: '{\n  "type": "object",\n  "properties": {\n    "vision": { "type": "string", "maxLenght": 5 }\n  }\n}\n' });
    try {
      const st = loadProfile('st', { templates: [broken.root] }).profile!;
      const found = validateExtensions(loadIep(base).iep, st);
      expect(found).toMatchObject([{ code: 'profile-error', severity: 'error', file: join(broken.root, 'st', 'st.schema.json'), line: 4, column: 35 }]);
      expect(found[0]!.message).toContain('maxLenght');
    } finally {
      broken.remove();
    }
  });

  it('a wrong type name and an unknown x-iep kind', () => {
    const wrongType = extensionsProfileRoot({ schema: JSON.stringify({ type: 'object', properties: { a: { type: 'text' } } }, null, 2) });
    const unknownKind = extensionsProfileRoot({ schema: JSON.stringify({ type: 'object', properties: { a: { 'x-iep': 'date' } } }, null, 2) });
    try {
      const one = validateExtensions({}, loadProfile('st', { templates: [wrongType.root] }).profile!);
      expect(one).toMatchObject([{ code: 'profile-error', path: 'properties.a.type', line: 5 }]);
      const two = validateExtensions({}, loadProfile('st', { templates: [unknownKind.root] }).profile!);
      expect(two).toMatchObject([{ code: 'profile-error', path: 'properties.a.x-iep', line: 5 }]);
      expect(two[0]!.hint).toContain('"x-iep": "text"');
    } finally {
      wrongType.remove();
      unknownKind.remove();
    }
  });

  it('an edit to the schema file is seen at the next check (compiled once per file and modification time)', () => {
    const edited = extensionsProfileRoot();
    try {
      const file = join(edited.root, 'st', 'st.schema.json');
      expect(validateExtensions({ extensions: { st: { districtCode: 'x' } } }, loadProfile('st', { templates: [edited.root] }).profile!)).toEqual([]);
      writeFileSync(file, JSON.stringify({ type: 'object', required: ['other'] }));
      utimesSync(file, new Date(), new Date(Date.now() + 5000));
      const after = validateExtensions({ extensions: { st: { districtCode: 'x' } } }, loadProfile('st', { templates: [edited.root] }).profile!);
      expect(after).toMatchObject([{ code: 'extension-invalid', path: 'extensions.st.other' }]);
    } finally {
      edited.remove();
    }
  });
});

describe('the Massachusetts example', () => {
  const example = join(ROOT, 'examples', 'ma', 'jonas-desir.iep.yaml');
  it.skipIf(!existsSync(example))('validates against the ma profile\'s extensions schema', () => {
    const loaded = loadIep(readFileSync(example), { file: example });
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.iep?.extensions?.ma).toBeDefined();
    expect(checkExtensions(loaded.iep, { profile: 'ma', reportProfile: true, file: example, sourceMap: loaded.sourceMap })).toEqual([]);
  });
});
