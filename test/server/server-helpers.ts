/**
 * Helpers for the server tests: a served temporary folder holding copies of the examples, a real server on
 * 127.0.0.1 port 0, and raw HTTP requests (node:http, so that a test can send any Host or Origin header).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type StartedServer, type StartOptions } from '../../src/server/index.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLE = 'maya-thompson.iep.yaml';
export const examplePath = (name = EXAMPLE) => join(ROOT, 'examples', name);

export interface Served {
  server: StartedServer;
  /** The temporary folder: `folder` (served) and `app` (a stand-in for dist/app) inside it. */
  tmp: string;
  folder: string;
  host: string;
  stop(): Promise<void>;
}

/** Serves a temporary folder holding copies of two examples; `stop` closes the server and removes the folder. */
export async function serve(options: Partial<StartOptions> = {}): Promise<Served> {
  const tmp = mkdtempSync(join(tmpdir(), 'iepkit-server-'));
  const folder = join(tmp, 'folder');
  mkdirSync(folder);
  for (const name of [EXAMPLE, 'amira-saleh.iep.yaml']) copyFileSync(examplePath(name), join(folder, name));
  const appDir = join(tmp, 'app');
  mkdirSync(join(appDir, 'assets'), { recursive: true });
  writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>editor</title><script type="module" src="/app/main.js"></script>');
  writeFileSync(join(appDir, 'main.js'), 'console.log("editor");');
  writeFileSync(join(appDir, 'assets', 'app.css'), 'body{}');
  let server: StartedServer;
  try {
    server = await startServer({ folder, port: 0, appDir, ...options });
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  return {
    server,
    tmp,
    folder,
    host: `127.0.0.1:${server.port}`,
    stop: async () => {
      await server.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json(): any;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** One HTTP request to the server; Host defaults to the server's own address. */
export function http(served: Served, path: string, options: RequestOptions = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port: served.server.port, path, method: options.method ?? 'GET', headers: { host: served.host, ...options.headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = body.toString('utf8');
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body, text, json: () => JSON.parse(text) });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}

/** A state-changing request as the editor sends it (X-Iepkit: 1). */
export function post(served: Served, path: string, body: string, contentType = 'application/yaml', method = 'POST'): Promise<Answer> {
  return http(served, path, { method, body, headers: { 'content-type': contentType, 'x-iepkit': '1' } });
}

export const putJson = (served: Served, path: string, value: unknown) => post(served, path, JSON.stringify(value), 'application/json', 'PUT');
