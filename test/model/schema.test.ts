/**
 * The published JSON Schema (schema/iep.schema.json) checked on its own terms: every property documented, the
 * translation keys equal to the languages iepkit writes, and the fixtures and examples valid against it when read
 * by a plain Ajv, independent of iepkit's loader.
 */
import { Ajv, type AnySchemaObject } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LANGUAGES } from '../../src/model/languages.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const schema = JSON.parse(readFileSync(`${root}schema/iep.schema.json`, 'utf8')) as AnySchemaObject;
// ajv-formats is CommonJS with a default export that NodeNext types cannot call; require gives the function.
const addFormats = createRequire(import.meta.url)('ajv-formats') as (ajv: Ajv) => Ajv;

type Visit = (node: Record<string, unknown>, path: string) => void;

/** Calls `visit` on every schema object in the tree, with a readable path such as `student.guardians[].name`. */
function walk(node: unknown, path: string, visit: Visit): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}<${i}>`, visit));
  const schemaNode = node as Record<string, unknown>;
  visit(schemaNode, path);
  for (const [key, child] of Object.entries((schemaNode.properties ?? {}) as Record<string, unknown>)) walk(child, path ? `${path}.${key}` : key, visit);
  if (schemaNode.items) walk(schemaNode.items, `${path}[]`, visit);
  for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) if (schemaNode[keyword]) walk(schemaNode[keyword], path, visit);
}

function freshValidator() {
  // A plain validator for the draft the schema declares, with formats; nothing from src/.
  const draft = String(schema.$schema);
  const options = { allErrors: true, strict: true, allowUnionTypes: true };
  const ajv = draft.includes('draft-07') ? new Ajv(options) : draft.includes('2019-09') ? new Ajv2019(options) : undefined;
  if (!ajv) throw new Error(`schema/iep.schema.json declares an unexpected draft: ${draft}`);
  addFormats(ajv as Ajv);
  return ajv.compile(schema);
}

describe('schema/iep.schema.json', () => {
  it('declares draft-07 or 2019-09 and its own $id', () => {
    expect(schema.$schema).toMatch(/draft-07|2019-09/);
    expect(schema.$id).toBe('https://iepkit.dev/schema/iep.schema.json');
  });

  it('gives every property a description', () => {
    const undocumented: string[] = [];
    let properties = 0;
    walk(schema, '', (node, path) => {
      for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        properties++;
        if (typeof child.description !== 'string' || child.description.trim() === '') undocumented.push(path ? `${path}.${key}` : key);
      }
    });
    expect(properties).toBeGreaterThan(100);
    expect(undocumented, 'add a description to these properties in src/model/iep.ts, then run `npm run generate`').toEqual([]);
  });

  it('uses exactly the LANGUAGES of src/model/languages.ts as translation keys, with en required', () => {
    const translations: { path: string; keys: string[]; required: unknown }[] = [];
    walk(schema, '', (node, path) => {
      const properties = node.properties as Record<string, unknown> | undefined;
      if (properties && 'en' in properties) translations.push({ path, keys: Object.keys(properties), required: node.required });
    });
    expect(translations.length, 'the schema should contain translated text').toBeGreaterThan(10);
    for (const t of translations) {
      expect(t.keys, `translations at ${t.path}`).toEqual([...LANGUAGES]);
      expect(t.required, `translations at ${t.path}`).toEqual(['en']);
    }
  });

  it('compiles under a fresh Ajv in strict mode', () => {
    expect(() => freshValidator()).not.toThrow();
  });

  it('rejects data that breaks it (so the validity checks below can fail)', () => {
    const validate = freshValidator();
    const data = parse(readFileSync(`${root}test/fixtures/minimal.iep.yaml`, 'utf8')) as Record<string, any>;
    data.student.dateOfBirth = '2025-02-30';
    data.student.firstNme = 'Ana';
    expect(validate(data)).toBe(false);
    expect(validate.errors?.map((e) => e.keyword).sort()).toEqual(['additionalProperties', 'format']);
  });

  it('accepts test/fixtures/minimal.iep.yaml and every examples/*.iep.yaml', async () => {
    const examples = await glob('examples/*.iep.yaml', { cwd: root });
    expect(examples.length, 'examples/ should hold at least one *.iep.yaml').toBeGreaterThan(0);
    const validate = freshValidator();
    for (const file of ['test/fixtures/minimal.iep.yaml', ...examples.sort()]) {
      const data = parse(readFileSync(`${root}${file}`, 'utf8'));
      const valid = validate(data);
      expect(valid ? [] : validate.errors?.map((e) => `${e.instancePath} ${e.message}`), file).toEqual([]);
    }
  });
});
