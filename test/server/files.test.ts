/**
 * Issue 16, the served folder's files over real HTTP: list, open, save atomically with the etag, 409 with the
 * disk's text when the file changed meanwhile, autosaved drafts (removed on save), new files from the starter;
 * names only inside the folder (no traversal, no symlink out, only IEP extensions), nothing written elsewhere.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/index.js';
import { EXAMPLE, http, post, putJson, serve, type Served } from './server-helpers.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let served: Served;
let maya: string;
beforeAll(async () => {
  served = await serve();
  maya = readFileSync(join(served.folder, EXAMPLE), 'utf8');
});
afterAll(async () => {
  await served.stop();
});

/** Everything under the temporary folder, outside the served folder. */
function outsideFiles(): string[] {
  return readdirSync(served.tmp, { recursive: true, encoding: 'utf8' }).filter((p) => !p.startsWith('folder'));
}

describe('listing and opening', () => {
  it('GET /api/files lists the IEP files with etag, time and student', async () => {
    writeFileSync(join(served.folder, 'notes.txt'), 'not an IEP');
    const { files } = (await http(served, '/api/files')).json();
    expect(files.map((f: { name: string }) => f.name)).toEqual(['amira-saleh.iep.yaml', 'maya-thompson.iep.yaml']);
    expect(files[1]).toEqual({ name: EXAMPLE, etag: sha256(maya), modified: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), student: 'Maya Thompson' });
  });

  it('GET /api/files names the student by the parts of the name that are written, never by starter text', async () => {
    const partly = maya.replace(/^( {2}lastName: ).*$/m, '$1"TO WRITE: last name"');
    expect(partly).not.toBe(maya);
    writeFileSync(join(served.folder, 'partly.iep.yaml'), partly);
    writeFileSync(join(served.folder, 'unnamed.iep.yaml'), partly.replace(/^( {2}firstName: ).*$/m, '$1"TO WRITE: first name"'));
    try {
      const { files } = (await http(served, '/api/files')).json();
      const byName = new Map(files.map((f: { name: string; student?: string }) => [f.name, f]));
      expect(byName.get('partly.iep.yaml')).toMatchObject({ student: 'Maya' });
      expect(byName.get('unnamed.iep.yaml')).not.toHaveProperty('student');
    } finally {
      rmSync(join(served.folder, 'partly.iep.yaml'));
      rmSync(join(served.folder, 'unnamed.iep.yaml'));
    }
  });

  it('GET /api/files/<name> answers the text and its etag (sha256 of the bytes)', async () => {
    const file = (await http(served, `/api/files/${EXAMPLE}`)).json();
    expect(file).toEqual({ name: EXAMPLE, text: maya, etag: sha256(maya) });
  });

  it('names that leave the folder or are not IEP files are 404', async () => {
    writeFileSync(join(served.tmp, 'secret.iep.yaml'), 'student: outside');
    symlinkSync(join(served.tmp, 'secret.iep.yaml'), join(served.folder, 'link-out.iep.yaml'));
    mkdirSync(join(served.folder, 'sub'), { recursive: true });
    writeFileSync(join(served.folder, 'sub', 'inner.iep.yaml'), 'x');
    for (const name of ['..%2Fsecret.iep.yaml', '%2E%2E%2Fsecret.iep.yaml', '..%5Csecret.iep.yaml', 'sub%2Finner.iep.yaml', 'link-out.iep.yaml', 'notes.txt', '.iepkit', '%2Fetc%2Fpasswd']) {
      const answer = await http(served, `/api/files/${name}`);
      expect(answer.status, name).toBe(404);
      expect(answer.text).not.toContain('outside');
    }
    expect((await http(served, '/api/files/../secret.iep.yaml')).status).toBe(404);
    const { files } = (await http(served, '/api/files')).json();
    expect(files.map((f: { name: string }) => f.name)).not.toContain('link-out.iep.yaml');
  });

  it('a save through a traversal name writes nothing anywhere', async () => {
    const answer = await putJson(served, '/api/files/..%2Fescape.iep.yaml', { text: 'x', etag: sha256('') });
    expect(answer.status).toBe(404);
    const draft = await putJson(served, '/api/drafts/..%2Fescape.iep.yaml', { text: 'x' });
    expect(draft.status).toBe(404);
    expect(existsSync(join(served.tmp, 'escape.iep.yaml'))).toBe(false);
  });
});

describe('saving', () => {
  it('PUT saves atomically with the etag it was opened with and answers the new etag', async () => {
    const text = maya.replace('Maya Thompson, grade 3', 'Maya Thompson, grade 3 (edited)');
    const answer = await putJson(served, `/api/files/${EXAMPLE}`, { text, etag: sha256(maya) });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ etag: sha256(text) });
    expect(readFileSync(join(served.folder, EXAMPLE), 'utf8')).toBe(text);
    expect(readdirSync(served.folder).filter((n) => n.endsWith('.partial'))).toEqual([]);
    maya = text;
  });

  it('409 with the disk\'s text and etag when the file changed on disk since it was opened; the file is kept', async () => {
    const opened = (await http(served, `/api/files/${EXAMPLE}`)).json();
    const onDisk = `${maya}# changed in another editor\n`;
    writeFileSync(join(served.folder, EXAMPLE), onDisk);
    const answer = await putJson(served, `/api/files/${EXAMPLE}`, { text: 'typed in the browser', etag: opened.etag });
    expect(answer.status).toBe(409);
    expect(answer.json()).toMatchObject({ error: { code: 'conflict' }, text: onDisk, etag: sha256(onDisk) });
    expect(readFileSync(join(served.folder, EXAMPLE), 'utf8')).toBe(onDisk);
    maya = onDisk;
  });

  it('PUT of a file that does not exist is 404, and a body without etag is 400', async () => {
    expect((await putJson(served, '/api/files/nobody.iep.yaml', { text: 'x', etag: sha256('x') })).status).toBe(404);
    const answer = await putJson(served, `/api/files/${EXAMPLE}`, { text: 'x' });
    expect(answer.status).toBe(400);
    expect(answer.json().error.message).toContain('etag');
  });

  it('PUT with a YAML body is 415: files take JSON', async () => {
    expect((await post(served, `/api/files/${EXAMPLE}`, 'text: x', 'application/yaml', 'PUT')).status).toBe(415);
  });
});

describe('drafts', () => {
  it('autosave keeps the text under .iepkit/drafts/, GET returns it while newer, and save removes it', async () => {
    const typed = `${maya}# typed but not saved\n`;
    const answer = await putJson(served, `/api/drafts/${EXAMPLE}`, { text: typed });
    expect(answer.status).toBe(200);
    const { saved } = answer.json();
    expect(saved).toMatch(/^\d{4}-\d\d-\d\dT/);
    const draftFile = join(served.folder, '.iepkit', 'drafts', EXAMPLE);
    expect(readFileSync(draftFile, 'utf8')).toBe(typed);
    // The draft is newer than the file (file times set back, so the test does not depend on the clock's resolution).
    utimesSync(join(served.folder, EXAMPLE), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const opened = (await http(served, `/api/files/${EXAMPLE}`)).json();
    expect(opened.text).toBe(maya);
    expect(opened.draft).toEqual({ text: typed, saved });
    // Saving the file removes the draft.
    await putJson(served, `/api/files/${EXAMPLE}`, { text: typed, etag: opened.etag });
    expect(existsSync(draftFile)).toBe(false);
    expect((await http(served, `/api/files/${EXAMPLE}`)).json().draft).toBeUndefined();
    maya = typed;
  });

  it('a draft older than the file is not offered', async () => {
    await putJson(served, `/api/drafts/${EXAMPLE}`, { text: 'old typing' });
    const draftFile = join(served.folder, '.iepkit', 'drafts', EXAMPLE);
    utimesSync(draftFile, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    expect((await http(served, `/api/files/${EXAMPLE}`)).json().draft).toBeUndefined();
  });

  it('a draft for a file that does not exist is 404', async () => {
    expect((await putJson(served, '/api/drafts/nobody.iep.yaml', { text: 'x' })).status).toBe(404);
  });
});

describe('new files', () => {
  it('POST /api/files creates a file from the starter (201) that validates; a second time is 409', async () => {
    const answer = await post(served, '/api/files', JSON.stringify({ name: 'new-student.iep.yaml', lang: 'es' }), 'application/json');
    expect(answer.status).toBe(201);
    const created = answer.json();
    expect(created.name).toBe('new-student.iep.yaml');
    expect(created.etag).toBe(sha256(created.text));
    expect(readFileSync(join(served.folder, 'new-student.iep.yaml'), 'utf8')).toBe(created.text);
    expect((await post(served, '/api/validate', created.text)).json().valid).toBe(true);
    // Listed without a student: the starter's "TO WRITE: first name TO WRITE: last name" is not a name.
    const { files } = (await http(served, '/api/files')).json();
    expect(files.find((f: { name: string }) => f.name === 'new-student.iep.yaml')).toEqual({ name: 'new-student.iep.yaml', etag: created.etag, modified: expect.any(String) });
    const again = await post(served, '/api/files', JSON.stringify({ name: 'new-student.iep.yaml' }), 'application/json');
    expect(again.status).toBe(409);
    expect(readFileSync(join(served.folder, 'new-student.iep.yaml'), 'utf8')).toBe(created.text);
  });

  it('refuses a name that is not a plain IEP file name (400) and an unknown language (400)', async () => {
    for (const name of ['../up.iep.yaml', 'sub/x.iep.yaml', '.hidden.iep.yaml', 'notes.txt']) {
      const answer = await post(served, '/api/files', JSON.stringify({ name }), 'application/json');
      expect(answer.status, name).toBe(400);
    }
    expect((await post(served, '/api/files', JSON.stringify({ name: 'x.iep.yaml', lang: 'xx' }), 'application/json')).status).toBe(400);
    expect(outsideFiles().filter((p) => !p.startsWith('app') && p !== 'secret.iep.yaml')).toEqual([]);
  });
});

describe('starting', () => {
  it('removes the half-written temporary files a killed server left in the folder and its drafts', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'iepkit-server-stale-'));
    const drafts = join(tmp, '.iepkit', 'drafts');
    mkdirSync(drafts, { recursive: true });
    // pid 999999999 is above any pid Linux hands out: that writer is gone.
    const stale = [join(tmp, `${EXAMPLE}.999999999-abcd1234.partial`), join(drafts, `${EXAMPLE}.999999999-abcd1234.partial`)];
    for (const file of stale) writeFileSync(file, 'half a record');
    writeFileSync(join(tmp, EXAMPLE), 'kept');
    const server = await startServer({ folder: tmp, port: 0 });
    try {
      expect(stale.filter((file) => existsSync(file))).toEqual([]);
      expect(readFileSync(join(tmp, EXAMPLE), 'utf8')).toBe('kept');
    } finally {
      await server.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
