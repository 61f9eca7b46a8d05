/**
 * Issue 16, the HTTP API over real HTTP on 127.0.0.1: each endpoint answers as docs/http-api.md says, and each
 * refusal (413, 415, 422 located by JSON path and line, 400 for a bad query) comes as `{ error }` or `{ diagnostics }`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MAX_IEP_BYTES } from '../../src/pipeline/index.js';
import { examplePath, http, post, serve, type Served } from './server-helpers.js';

const MAYA = readFileSync(examplePath(), 'utf8');
/** Maya's record with one invalid value, on line 20 of the YAML. */
const BAD_GRADE = MAYA.replace('  grade: "3"', '  grade: "thirteen"');

let served: Served;
beforeAll(async () => {
  served = await serve();
});
afterAll(async () => {
  await served.stop();
});

describe('health, schema and the OpenAPI document', () => {
  it('GET /api/health says ok and the package version', async () => {
    const answer = await http(served, '/api/health');
    expect(answer.status).toBe(200);
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(answer.json()).toEqual({ ok: true, version });
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('GET /api/schema is the IEP JSON Schema', async () => {
    const schema = (await http(served, '/api/schema')).json();
    expect(schema.properties.student.properties.firstName).toBeDefined();
    expect(schema.required).toContain('goals');
  });

  it('GET /api/openapi.json is OpenAPI 3.1 listing every API route with its parameters and refusals', async () => {
    const doc = (await http(served, '/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      ['/api/check', '/api/drafts/{name}', '/api/files', '/api/files/{name}', '/api/health', '/api/lint', '/api/openapi.json', '/api/preview', '/api/profiles', '/api/render', '/api/schema', '/api/validate', '/preview/{id}'].sort(),
    );
    const render = doc.paths['/api/render'].post;
    expect(render.parameters.map((p: { name: string }) => p.name)).toEqual(['layout', 'lang', 'format', 'profile', 'final']);
    expect(render.parameters.find((p: { name: string }) => p.name === 'format').schema.enum).toEqual(['docx', 'pdf', 'html']);
    expect(Object.keys(render.responses)).toEqual(expect.arrayContaining(['200', '403', '413', '415', '422', '429', '503']));
    expect(doc.paths['/api/files/{name}'].put.requestBody.content['application/json'].schema.required).toEqual(['text', 'etag']);
  });
});

describe('validate, check, lint', () => {
  it('POST /api/validate: a valid record', async () => {
    const answer = await post(served, '/api/validate', MAYA);
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({ valid: true });
  });

  it('POST /api/validate: an invalid value is located by JSON path and YAML line', async () => {
    const answer = await post(served, '/api/validate', BAD_GRADE, 'text/yaml');
    const result = answer.json();
    expect(result.valid).toBe(false);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'invalid-value', path: 'student.grade', line: 20 })]);
  });

  it('POST /api/validate: a JSON body is located by path and by its own line', async () => {
    const json = JSON.stringify(parse(BAD_GRADE), null, 2);
    const line = json.split('\n').findIndex((l) => l.includes('"thirteen"')) + 1;
    const result = (await post(served, '/api/validate', json, 'application/json')).json();
    expect(result.diagnostics).toEqual([expect.objectContaining({ path: 'student.grade', line })]);
  });

  it('POST /api/check?profile=federal: each finding is located and cites its regulation; an invalid record is a 422', async () => {
    const late = MAYA.replace('annualReviewDate: "2027-04-20"', 'annualReviewDate: "2028-04-20"');
    const answer = await post(served, '/api/check?profile=federal', late);
    expect(answer.status).toBe(200);
    expect(answer.json().diagnostics).toEqual([
      expect.objectContaining({ code: 'annual-review-late', severity: 'error', path: 'meeting.annualReviewDate', line: 47, source: '34 CFR 300.324(b)(1)(i)' }),
    ]);
    expect((await post(served, '/api/check', MAYA)).json()).toEqual({ diagnostics: [] });
    // An invalid record is not rule-checked: 422 with the validation diagnostics.
    const invalid = await post(served, '/api/check', BAD_GRADE);
    expect(invalid.status).toBe(422);
    expect(invalid.json().diagnostics).toEqual([expect.objectContaining({ path: 'student.grade', line: 20 })]);
  });

  it('POST /api/check with an unknown profile is a 400', async () => {
    const answer = await post(served, '/api/check?profile=texas', MAYA);
    expect(answer.status).toBe(400);
    expect(answer.json().error).toEqual({ code: 'bad-request', message: expect.stringContaining('profile') });
  });

  it('POST /api/lint: deficit wording is found at its path and line', async () => {
    const deficit = MAYA.replace('We are proud of how hard Maya works.', 'Maya suffers from dyslexia.');
    const answer = await post(served, '/api/lint', deficit);
    expect(answer.status).toBe(200);
    expect(answer.json().diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'deficit-wording', path: 'parentConcerns', line: 92, found: 'suffers from' })]));
    expect((await post(served, '/api/lint', BAD_GRADE)).status).toBe(422);
  });
});

describe('refusals of the body', () => {
  it('413 for a body larger than the IEP size limit', async () => {
    const answer = await post(served, '/api/validate', `# ${'x'.repeat(MAX_IEP_BYTES)}\n`);
    expect(answer.status).toBe(413);
    expect(answer.json().error.code).toBe('too-large');
  });

  it('415 for a content type the API does not take', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const answer = await post(served, '/api/validate', 'a=b', type);
      expect(answer.status, type).toBe(415);
      expect(answer.json().error.code).toBe('unsupported-media-type');
    }
    // And with no body at all.
    const empty = await http(served, '/api/validate', { method: 'POST', headers: { 'x-iepkit': '1' } });
    expect(empty.status).toBe(415);
  });

  it('422 for a render of an invalid record, with the located diagnostics', async () => {
    const answer = await post(served, '/api/render?format=html', BAD_GRADE);
    expect(answer.status).toBe(422);
    expect(answer.json().diagnostics).toEqual([expect.objectContaining({ path: 'student.grade', line: 20, severity: 'error' })]);
  });

  it('422 for final=1 on a draft (the --final policy)', async () => {
    const draft = MAYA.replace('  status: final', '  status: draft');
    const answer = await post(served, '/api/render?format=html&final=1', draft);
    expect(answer.status).toBe(422);
    expect(answer.json().diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'final-from-draft', path: 'document.status', line: 9 })]));
  });
});

describe('render and preview', () => {
  it('renders DOCX and HTML as attachments named by the pipeline', async () => {
    const docx = await post(served, '/api/render?layout=family&lang=es&format=docx', MAYA);
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.headers['content-disposition']).toContain('filename="209345671-family-es-v1.docx"');
    expect(docx.body.subarray(0, 2).toString()).toBe('PK');
    const html = await post(served, '/api/render?layout=student&format=html', MAYA);
    expect(html.headers['content-disposition']).toContain('209345671-student-en-v1.html');
    expect(html.text).toContain('Maya');
    expect(html.headers['content-security-policy']).toMatch(/; sandbox$/);
  });

  it('renders a PDF that pdfinfo accepts', async () => {
    const answer = await post(served, '/api/render?layout=student&format=pdf', MAYA);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'iepkit-server-pdf-'));
    try {
      writeFileSync(join(dir, 'out.pdf'), answer.body);
      const info = execFileSync('pdfinfo', [join(dir, 'out.pdf')], { encoding: 'utf8' });
      expect(info).toMatch(/Pages:\s+1\b/);
      expect(info).toContain("Maya Thompson");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('previews a record: an id, then the page under its own sandboxed CSP', async () => {
    const answer = await post(served, '/api/preview?layout=family&lang=en', MAYA);
    expect(answer.status).toBe(200);
    const { id, draft, diagnostics } = answer.json();
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(draft).toBe(false);
    expect(Array.isArray(diagnostics)).toBe(true);
    const page = await http(served, `/preview/${id}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    // No script (default-src 'none', and a sandbox without allow-scripts); the sandbox keeps the editor's origin so
    // the editor can keep the reader's place (test/app/editor.test.ts proves nothing in the page runs).
    expect(page.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; font-src 'self'; img-src data:; frame-ancestors 'self'; sandbox allow-same-origin");
    expect(page.text).toContain('Maya');
    expect((await http(served, `/preview/${'0'.repeat(32)}`)).status).toBe(404);
    // The same question again is answered with the same page, not computed again; another text or copy is not.
    expect((await post(served, '/api/preview?layout=family&lang=en', MAYA)).json()).toEqual({ id, draft, diagnostics });
    expect((await post(served, '/api/preview?layout=family&lang=en', `${MAYA}\n# edited\n`)).json().id).not.toBe(id);
    expect((await post(served, '/api/preview?layout=student&lang=en', MAYA)).json().id).not.toBe(id);
  });
});
