/**
 * `iep serve --templates --locales`: `?profile=` takes any profile the server's folders hold (a pattern in the
 * OpenAPI document, not a list); one it does not have is a 400 with the profile-unknown diagnostic and its
 * did-you-mean, as a wrong value of any other parameter is a 400; overlay sections and labels reach the documents.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplePath, http, post, serve, type Served } from './server-helpers.js';

const MAYA = readFileSync(examplePath(), 'utf8');
const dirs = mkdtempSync(join(tmpdir(), 'iepkit-server-profiles-'));
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(dirs, path)), { recursive: true });
  writeFileSync(join(dirs, path), text);
};
write('templates/california/profile.yaml', 'id: california\nname: California\ndescription: California, on the federal layouts and rules.\nextends: federal\n');
write('templates/ny/official/sections/transportation.md', '## {{t "ny-form:transportation.heading"}}\n\nSERVED-OVERLAY\n');
write('locales/en/ny-form.json', JSON.stringify({ transportation: { heading: 'Getting to school' } }));

let served: Served;
beforeAll(async () => {
  served = await serve({ profiles: { templates: [join(dirs, 'templates')], locales: [join(dirs, 'locales')] } });
});
afterAll(async () => {
  await served.stop();
  rmSync(dirs, { recursive: true, force: true });
});

describe('?profile=', () => {
  it('takes a profile from the server\'s --templates folders', async () => {
    const answer = await post(served, '/api/check?profile=california', MAYA);
    expect(answer.status).toBe(200);
    expect(answer.json().diagnostics.filter((d: { code: string }) => d.code.startsWith('profile-'))).toEqual([]);
  });

  it('a profile the server does not have is 400 with profile-unknown and its did-you-mean, on every route that takes one', async () => {
    for (const route of ['/api/check', '/api/render', '/api/preview']) {
      const answer = await post(served, `${route}?profile=californa`, MAYA);
      expect(answer.status, route).toBe(400);
      const body = answer.json();
      expect(body.error.code).toBe('bad-request');
      expect(body.error.message).toContain('there is no profile "californa"');
      expect(body.diagnostics).toEqual([expect.objectContaining({ code: 'profile-unknown', severity: 'error', hint: 'did you mean `california`?' })]);
      // No path of the server's machine in the answer.
      expect(answer.text).not.toContain(dirs);
    }
  });

  it('a value that cannot be a profile name is refused by the route schema, as before', async () => {
    const answer = await post(served, '/api/check?profile=..%2Fetc', MAYA);
    expect(answer.status).toBe(400);
    expect(answer.json().error.message).toContain('querystring/profile');
  });

  it('the OpenAPI document gives the profile as a pattern, not a list', async () => {
    const doc = (await http(served, '/api/openapi.json')).json();
    const param = doc.paths['/api/render'].post.parameters.find((p: { name: string }) => p.name === 'profile');
    expect(param.schema.pattern).toBe('^[a-z][a-z0-9-]*$');
    expect(param.schema.enum).toBeUndefined();
    expect(Object.keys(doc.paths['/api/check'].post.responses)).toContain('400');
  });
});

describe('overlay folders', () => {
  it('a rendered document and a preview use the overlay section and label', async () => {
    const rendered = await post(served, '/api/render?layout=official&format=html', MAYA);
    expect(rendered.status).toBe(200);
    expect(rendered.text).toContain('SERVED-OVERLAY');
    expect(rendered.text).toContain('Getting to school');
    const preview = await post(served, '/api/preview?layout=official', MAYA);
    expect(preview.status).toBe(200);
    const page = await http(served, `/preview/${preview.json().id}`);
    expect(page.text).toContain('SERVED-OVERLAY');
  });
});
