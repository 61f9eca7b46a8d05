/**
 * What the editor builds itself from, over real HTTP: `GET /api/profiles` (the profiles the server can use, its
 * default, the layouts each has) and `GET /api/schema?profile=` (the record's schema with the profile's own fields
 * under extensions.<namespace>, its texts as the model's narrative text), read by a plain Ajv as a client would.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { iepJsonSchema } from '../../src/model/iep.js';
import { http, post, ROOT, serve, type Served } from './server-helpers.js';

const addFormats = createRequire(import.meta.url)('ajv-formats') as (ajv: Ajv) => Ajv;
const JONAS = readFileSync(join(ROOT, 'examples/ma/jonas-desir.iep.yaml'), 'utf8');
const dirs = mkdtempSync(join(tmpdir(), 'iepkit-server-profile-list-'));
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(dirs, path)), { recursive: true });
  writeFileSync(join(dirs, path), text);
};
write('templates/california/profile.yaml', 'id: california\nname: California\ndescription: California, on the federal layouts and rules.\nextends: federal\n');
// A broken profile in the folder is left out of the list (naming it reports its problems), never a 500.
write('templates/broken/profile.yaml', 'id: broken\nname: [\n');

let plain: Served;
let ma: Served;
beforeAll(async () => {
  plain = await serve({ profiles: { templates: [join(dirs, 'templates')] } });
  ma = await serve({ profiles: { profile: 'ma' } });
});
afterAll(async () => {
  await plain.stop();
  await ma.stop();
  rmSync(dirs, { recursive: true, force: true });
});

const validatorFor = (schema: object) => {
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  addFormats(ajv);
  return ajv.compile(schema);
};

describe('GET /api/profiles', () => {
  it('lists the bundled profiles and those of the --templates folders, with the server\'s default and their layouts', async () => {
    const answer = await http(plain, '/api/profiles');
    expect(answer.status).toBe(200);
    const body = answer.json() as { default: string; profiles: { id: string; name: string; description: string; layouts: string[]; extensions?: { namespace: string } }[] };
    expect(body.default).toBe('ny');
    expect(body.profiles.map((p) => p.id)).toEqual(['california', 'federal', 'ma', 'ny']);
    const byId = Object.fromEntries(body.profiles.map((p) => [p.id, p]));
    expect(byId.ma).toMatchObject({ name: 'Massachusetts', extensions: { namespace: 'ma' } });
    expect(byId.ma!.description).toMatch(/603 CMR 28/);
    expect(byId.ny!.extensions).toBeUndefined();
    // Every profile has the common layouts; California, with no official layout of its own, has federal's.
    for (const profile of body.profiles) expect(profile.layouts, profile.id).toEqual(['official', 'family', 'student', 'bilingual', 'progress', 'progress-official', 'changes']);
    expect(byId.california!.name).toBe('California');
    // Never where the files are.
    expect(answer.text).not.toContain(dirs);
    expect(answer.text).not.toContain(ROOT);
  });

  it('names the server\'s own default profile (iep serve --profile ma)', async () => {
    expect((await http(ma, '/api/profiles')).json().default).toBe('ma');
  });

  it('is in the OpenAPI document, with its answer\'s schema; /api/schema takes ?profile=', async () => {
    const doc = (await http(plain, '/api/openapi.json')).json();
    const route = doc.paths['/api/profiles'].get;
    expect(route.summary).toMatch(/profiles the server can use/);
    expect(route.responses['200'].content['application/json'].schema.properties.profiles.items.required).toEqual(['id', 'name', 'description', 'layouts']);
    const schemaRoute = doc.paths['/api/schema'].get;
    expect(schemaRoute.parameters.map((p: { name: string }) => p.name)).toEqual(['profile']);
    expect(Object.keys(schemaRoute.responses)).toContain('400');
  });
});

describe('GET /api/schema?profile=', () => {
  it('without a profile answers the data model\'s schema as before', async () => {
    const answer = await http(plain, '/api/schema');
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual(iepJsonSchema());
    expect(answer.json().properties.extensions.properties).toBeUndefined();
  });

  it('with ma: the Massachusetts fields under extensions.properties.ma, texts as the model\'s narrative text', async () => {
    const schema = (await http(plain, '/api/schema?profile=ma')).json();
    const ns = schema.properties.extensions.properties.ma;
    expect(ns.title).toBe('Massachusetts');
    expect(ns.additionalProperties).toBe(false);
    const vision = ns.properties.visionEducation;
    // x-iep: text became the model's text: a string, or a map of translations, with the field's own description.
    expect(vision['x-iep']).toBeUndefined();
    expect(vision.anyOf.map((b: { type: string }) => b.type)).toEqual(['string', 'object']);
    expect(Object.keys(vision.anyOf[1].properties)).toContain('ht');
    expect(vision.description).toMatch(/my education or training plans are/);
    expect(ns.properties.visionSchoolLevel.enum).toEqual(['elementary', 'middle-school']);
    // The rest of the record's schema is the model's.
    const { extensions: _a, ...rest } = schema.properties;
    const { extensions: _b, ...model } = (iepJsonSchema() as { properties: Record<string, unknown> }).properties;
    expect(rest).toEqual(model);

    // A client's own Ajv accepts the Massachusetts example and refuses a wrong value of a Massachusetts field.
    const validate = validatorFor(schema);
    const jonas = parse(JONAS);
    expect(validate(jonas), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...jonas, extensions: { ma: { ...jonas.extensions.ma, visionSchoolLevel: 'high-school' } } })).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toContain('/extensions/ma/visionSchoolLevel');
  });

  it('with a profile that declares no fields of its own, the model\'s schema; with the server\'s default ma, ma\'s', async () => {
    expect((await http(plain, '/api/schema?profile=california')).json()).toEqual(iepJsonSchema());
    expect((await http(ma, '/api/schema?profile=ma')).json().properties.extensions.properties.ma.title).toBe('Massachusetts');
  });

  it('a profile the server does not have is the 400 of the other routes, with profile-unknown and its did-you-mean', async () => {
    const answer = await http(plain, '/api/schema?profile=mass');
    expect(answer.status).toBe(400);
    expect(answer.json().error.message).toContain('there is no profile "mass"');
    expect(answer.json().diagnostics).toEqual([expect.objectContaining({ code: 'profile-unknown', hint: 'did you mean `ma`?' })]);
    expect((await http(plain, '/api/schema?profile=..%2Fma')).status).toBe(400);
  });
});

describe('a new IEP file from the editor (POST /api/files)', () => {
  it('holds the fields of the server\'s default profile', async () => {
    const created = await http(ma, '/api/files', { method: 'POST', headers: { 'content-type': 'application/json', 'x-iepkit': '1' }, body: JSON.stringify({ name: 'new-ma.iep.yaml' }) });
    expect(created.status).toBe(201);
    expect(created.json().text).toContain('visionThisYear: "TO WRITE: vision this year."');
    const checked = await post(ma, '/api/validate?profile=ma', created.json().text);
    expect(checked.json().valid).toBe(true);
    const other = await http(plain, '/api/files', { method: 'POST', headers: { 'content-type': 'application/json', 'x-iepkit': '1' }, body: JSON.stringify({ name: 'new-ny.iep.yaml' }) });
    expect(other.json().text).not.toContain('extensions');
  });
});
