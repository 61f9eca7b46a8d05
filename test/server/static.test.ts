/**
 * Issue 16, the editor's files and fonts: GET / is dist/app/index.html, /app/* its assets (nothing outside), a
 * missing build is a page that says what to run, and fonts are served to the sandboxed preview (CORS *).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http, serve, type Served } from './server-helpers.js';

let served: Served;
beforeAll(async () => {
  served = await serve();
});
afterAll(async () => {
  await served.stop();
});

describe('the editor', () => {
  it('GET / is the built index.html', async () => {
    const answer = await http(served, '/');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.text).toContain('<title>editor</title>');
  });

  it('GET /app/<file> serves the bundled assets with their types', async () => {
    const js = await http(served, '/app/main.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.text).toBe('console.log("editor");');
    expect((await http(served, '/app/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('nothing outside dist/app, and no hidden files', async () => {
    for (const path of ['/app/..%2Ffolder%2Fmaya-thompson.iep.yaml', '/app/%2E%2E/folder/maya-thompson.iep.yaml', '/app/../folder/maya-thompson.iep.yaml', '/app/.env', '/app/missing.js', '/app/']) {
      const answer = await http(served, path);
      expect(answer.status, path).toBe(404);
      expect(answer.text).not.toContain('Maya');
    }
  });

  it('without a build, GET / is a 500 page saying to run npm run build', async () => {
    const bare = await serve({ appDir: join(served.tmp, 'no-such-app') });
    try {
      const answer = await http(bare, '/');
      expect(answer.status).toBe(500);
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.text).toContain('npm run build');
    } finally {
      await bare.stop();
    }
  });
});

describe('fonts', () => {
  it('serves a registered font with CORS for the opaque-origin preview frame', async () => {
    const answer = await http(served, '/fonts/noto-sans-latin-400-normal.woff2', { headers: { origin: 'null' } });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('font/woff2');
    expect(answer.headers['access-control-allow-origin']).toBe('*');
    expect(answer.body.subarray(0, 4).toString('latin1')).toBe('wOF2');
  });

  it('refuses names that are not font files of the registry', async () => {
    for (const name of ['..%2Fpackage.json', 'fonts.css', 'nothing.woff2', '%2Fetc%2Fpasswd']) {
      expect((await http(served, `/fonts/${name}`)).status, name).toBe(404);
    }
  });
});
