/**
 * Issue 16, `iep serve` as a person runs it (the built CLI in its own process): it prints the address to open and
 * answers there; another interface without a token is refused (exit 2); a busy port is an environment failure
 * (exit 5) with a message; SIGTERM stops it cleanly (143, no browser profile left); --help says all of that.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { EXIT } from '../../src/model/diagnostic-catalog.js';
import { ROOT, runIep } from '../helpers/run-iep.js';

const tmp = mkdtempSync(join(tmpdir(), 'iepkit-serve-cli-'));
copyFileSync(join(ROOT, 'examples', 'maya-thompson.iep.yaml'), join(tmp, 'maya-thompson.iep.yaml'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('iep serve', () => {
  it('the build is current', () => {
    expect(inject('buildError')).toBe('');
  });

  it('refuses --host 0.0.0.0 without a token: exit 2 and why', async () => {
    const run = await runIep(['serve', tmp, '--host', '0.0.0.0', '--port', '0'], { IEP_SERVE_TOKEN: '' });
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain('give an access token with --token or IEP_SERVE_TOKEN');
    expect(run.stdout).toBe('');
  });

  it('a port in use is exit 5 with a message naming the port', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = await runIep(['serve', tmp, '--port', String(port)]);
      expect(run.code).toBe(EXIT.environment);
      expect(run.stderr).toContain(`port ${port} is already in use`);
      expect(run.stderr).not.toMatch(/\bat \w|bug in iepkit/);
    } finally {
      blocker.close();
    }
  });

  it('a folder that does not exist is exit 5', async () => {
    const run = await runIep(['serve', join(tmp, 'missing'), '--port', '0']);
    expect(run.code).toBe(EXIT.environment);
    expect(run.stderr).toContain('no such folder');
  });

  /** Starts `iep serve` in its own process and waits for the address it prints. */
  async function start(args: string[]) {
    const child = spawn(process.execPath, ['bin/iep.js', 'serve', tmp, '--port', '0', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    while (!/Open (\S+)/.test(output)) {
      if (child.exitCode !== null) throw new Error(`iep serve exited: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { child, exited, url: /Open (\S+)/.exec(output)![1]!, output: () => output };
  }

  it('prints the URL, answers there, logs no student data, and stops on SIGTERM with 143 leaving no browser profile', async () => {
    const { child, exited, url, output } = await start([]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const files = (await (await fetch(new URL('/api/files', url))).json()) as { files: { name: string }[] };
    expect(files.files.map((f) => f.name)).toEqual(['maya-thompson.iep.yaml']);
    const record = readFileSync(join(tmp, 'maya-thompson.iep.yaml'), 'utf8');
    const validated = await fetch(new URL('/api/validate', url), { method: 'POST', body: record, headers: { 'content-type': 'application/yaml', 'x-iepkit': '1' } });
    expect(validated.status).toBe(200);
    // A PDF starts the browser, whose temporary profile must be gone once the server has stopped.
    const pdf = await fetch(new URL('/api/render?layout=student&format=pdf', url), { method: 'POST', body: record, headers: { 'content-type': 'application/yaml', 'x-iepkit': '1' } });
    expect(pdf.status).toBe(200);
    const profiles = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`iepkit-chromium-${child.pid}-`));
    expect(profiles()).toHaveLength(1);
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(output()).toContain('iep serve: stopped');
    expect(output()).not.toMatch(/Maya|Thompson|209345671/);
    expect(readdirSync(tmp)).toEqual(['maya-thompson.iep.yaml']);
    expect(profiles()).toEqual([]);
  });

  it('with a token, the printed URL carries it once and a request without it is refused', async () => {
    const { child, exited, url } = await start(['--token', 's3cret-token']);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=s3cret-token$/);
    expect((await fetch(new URL('/api/health', url))).status).toBe(401);
    expect((await fetch(new URL('/api/health', url), { headers: { authorization: 'Bearer s3cret-token' } })).status).toBe(200);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
  });

  it('--help describes the options, the token and the exit codes', async () => {
    const run = await runIep(['serve', '--help']);
    expect(run.code).toBe(0);
    for (const text of ['--port <port>', '--host <address>', '--token <token>', 'IEP_SERVE_TOKEN', 'Authorization: Bearer', 'X-Iepkit: 1', 'docs/http-api.md', '2 usage error']) {
      expect(run.stdout).toContain(text);
    }
  });
});
