/**
 * Issue 16, the security model over real HTTP: a foreign Host (DNS rebinding) or Origin (cross-site) is refused
 * with 403 on every route; a state-changing request without X-Iepkit: 1 or a bearer token is refused (CSRF); with
 * an access token nothing is answered without it; every answer carries the strict headers; no answer ever holds a
 * stack trace, even for an internal error.
 */
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplePath, http, post, serve, type Served } from './server-helpers.js';

const MAYA = readFileSync(examplePath(), 'utf8');
const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; frame-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

describe('on loopback without a token', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serve();
  });
  afterAll(async () => {
    await served.stop();
  });

  it('answers the names of loopback with its port', async () => {
    for (const host of [`127.0.0.1:${served.server.port}`, `localhost:${served.server.port}`, `[::1]:${served.server.port}`]) {
      expect((await http(served, '/api/health', { headers: { host } })).status, host).toBe(200);
    }
  });

  it('refuses a foreign Host with 403 (DNS rebinding), on the API, the editor and the files', async () => {
    for (const host of ['evil.example', `evil.example:${served.server.port}`, '127.0.0.1', `127.0.0.1:${served.server.port + 1}`]) {
      for (const path of ['/api/health', '/', '/api/files', `/api/files/maya-thompson.iep.yaml`]) {
        const answer = await http(served, path, { headers: { host } });
        expect(answer.status, `${host} ${path}`).toBe(403);
        expect(answer.json().error.code).toBe('forbidden');
      }
    }
  });

  it('refuses a foreign Origin with 403 (cross-site), reads and writes alike', async () => {
    const origin = 'http://evil.example';
    expect((await http(served, '/api/files', { headers: { origin } })).status).toBe(403);
    const write = await http(served, '/api/validate', { method: 'POST', body: MAYA, headers: { origin, 'content-type': 'application/yaml', 'x-iepkit': '1' } });
    expect(write.status).toBe(403);
    // An opaque origin is foreign too, except for fonts (the sandboxed preview loads them).
    expect((await http(served, '/api/files', { headers: { origin: 'null' } })).status).toBe(403);
  });

  it('refuses what a browser marks as coming from another site even without Origin (a cross-site <script src>)', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const answer = await http(served, '/api/files', { headers: { 'sec-fetch-site': site, 'sec-fetch-mode': 'no-cors' } });
      expect(answer.status, site).toBe(403);
    }
    // Following a link to the editor from elsewhere is fine; so is the preview frame fetching fonts.
    expect((await http(served, '/', { headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' } })).status).toBe(200);
    const font = await http(served, '/fonts/noto-sans-latin-400-normal.woff2', { headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors', origin: 'null' } });
    expect(font.status).toBe(200);
    expect((await http(served, '/api/files', { headers: { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' } })).status).toBe(200);
  });

  it('accepts its own Origin', async () => {
    const answer = await http(served, '/api/validate', { method: 'POST', body: MAYA, headers: { origin: `http://${served.host}`, 'content-type': 'application/yaml', 'x-iepkit': '1' } });
    expect(answer.status).toBe(200);
  });

  it('refuses a state-changing request without X-Iepkit: 1 (what a cross-site form sends) with 403', async () => {
    for (const [method, path, type, body] of [
      ['POST', '/api/validate', 'application/yaml', MAYA],
      ['POST', '/api/render?format=html', 'application/yaml', MAYA],
      ['PUT', '/api/files/maya-thompson.iep.yaml', 'application/json', JSON.stringify({ text: 'x', etag: 'y' })],
      ['PUT', '/api/drafts/maya-thompson.iep.yaml', 'application/json', JSON.stringify({ text: 'x' })],
      ['POST', '/api/files', 'application/json', JSON.stringify({ name: 'new.iep.yaml' })],
    ]) {
      const answer = await http(served, path!, { method, body, headers: { 'content-type': type! } });
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(answer.json().error.message).toContain('X-Iepkit');
    }
    expect(readFileSync(`${served.folder}/maya-thompson.iep.yaml`, 'utf8')).toBe(MAYA);
  });

  it('puts the strict CSP, nosniff and no-referrer on every answer, and no-store on data', async () => {
    for (const path of ['/', '/api/health', '/api/files', '/app/main.js', '/nothing-here']) {
      const answer = await http(served, path);
      expect(answer.headers['content-security-policy'], path).toBe(APP_CSP);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
      expect(answer.headers['x-frame-options']).toBe('DENY');
    }
    expect((await http(served, '/api/files')).headers['cache-control']).toBe('no-store');
  });

  it('answers unknown routes with a JSON 404', async () => {
    const answer = await http(served, '/api/nothing');
    expect(answer.status).toBe(404);
    expect(answer.json()).toEqual({ error: { code: 'not-found', message: expect.any(String) } });
  });
});

describe('with an access token', () => {
  const token = 'correct-horse-battery-staple';
  let served: Served;
  beforeAll(async () => {
    served = await serve({ token });
  });
  afterAll(async () => {
    await served.stop();
  });

  it('prints a URL that carries the token once', () => {
    expect(served.server.url).toBe(`http://127.0.0.1:${served.server.port}/?token=${token}`);
  });

  it('refuses a request without the token with 401', async () => {
    for (const path of ['/', '/api/health', '/api/files', '/app/main.js']) {
      const answer = await http(served, path);
      expect(answer.status, path).toBe(401);
      expect(answer.json().error.code).toBe('unauthorized');
    }
    expect((await http(served, '/api/health', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await http(served, '/?token=wrong')).status).toBe(401);
  });

  it('?token= sets an HttpOnly SameSite=Strict cookie and redirects to the same page without it; the cookie then works', async () => {
    const first = await http(served, `/?token=${token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = first.headers['set-cookie']![0]!;
    expect(cookie).toBe(`iepkit_token=${token}; HttpOnly; SameSite=Strict; Path=/`);
    const next = await http(served, '/api/files', { headers: { cookie: cookie.split(';')[0]! } });
    expect(next.status).toBe(200);
  });

  it('an API client sends Authorization: Bearer, which also stands for X-Iepkit on writes', async () => {
    const answer = await http(served, '/api/validate', { method: 'POST', body: MAYA, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/yaml' } });
    expect(answer.status).toBe(200);
    expect(answer.json().valid).toBe(true);
  });

  it('the cookie alone does not make a write: X-Iepkit: 1 or the bearer token is still needed', async () => {
    const cookie = `iepkit_token=${token}`;
    const refused = await http(served, '/api/validate', { method: 'POST', body: MAYA, headers: { cookie, 'content-type': 'application/yaml' } });
    expect(refused.status).toBe(403);
    const wrongBearer = await http(served, '/api/validate', { method: 'POST', body: MAYA, headers: { cookie, authorization: 'Bearer wrong', 'content-type': 'application/yaml' } });
    expect(wrongBearer.status).toBe(403);
    const allowed = await http(served, '/api/validate', { method: 'POST', body: MAYA, headers: { cookie, 'content-type': 'application/yaml', 'x-iepkit': '1' } });
    expect(allowed.status).toBe(200);
  });
});

describe('binding beyond loopback', () => {
  it('is refused without a token', async () => {
    await expect(serve({ host: '0.0.0.0' })).rejects.toThrow(/access token/);
  });
});

describe('errors', () => {
  it('an internal error is a bare 500 with no stack, path or detail', async () => {
    const served = await serve();
    try {
      // The folder disappears under the running server: reading it fails inside a route.
      rmSync(served.folder, { recursive: true, force: true });
      const answer = await http(served, '/api/files');
      expect(answer.status).toBe(500);
      expect(answer.json()).toEqual({ error: { code: 'internal', message: 'internal error: the request could not be completed' } });
      expect(answer.text).not.toMatch(/ENOENT|\bat \w|\.ts:|\/tmp\//);
    } finally {
      await served.stop();
    }
  });

  it('a body that is not JSON is a 400 without the parser\'s words', async () => {
    const served = await serve();
    try {
      const answer = await http(served, '/api/files', { method: 'POST', body: '{"name": ', headers: { 'content-type': 'application/json', 'x-iepkit': '1' } });
      expect(answer.status).toBe(400);
      expect(answer.json()).toEqual({ error: { code: 'bad-request', message: 'the body is not valid JSON' } });
    } finally {
      await served.stop();
    }
  });
});
