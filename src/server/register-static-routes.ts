import { readFile, realpath } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { FONT_URL_PREFIX, readFontAsset } from '../pipeline/index.js';
import { HttpError } from './http-error.js';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** A path below dist/app: plain segments only (no `..`, no hidden files, no backslashes). */
const ASSET_PATH = /^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>iepkit: the editor is not built</title></head>
<body><h1>The editor is not built</h1><p>This copy of iepkit has no <code>dist/app/</code>. Run <code>npm run build</code> in the iepkit folder, then reload this page.</p></body></html>
`;

const hidden = { openapi: { responses: {}, hidden: true } };

/** The editor (dist/app, built by scripts/build-app.mjs) and the fonts its preview uses. */
export function registerStaticRoutes(app: FastifyInstance, appDir: string): void {
  app.get('/', { config: hidden }, async (_request, reply) => {
    const html = await readFile(join(appDir, 'index.html')).catch(() => undefined);
    if (html === undefined) return reply.code(500).type('text/html; charset=utf-8').send(NOT_BUILT);
    return reply.type(MIME['.html']!).header('cache-control', 'no-cache').send(html);
  });

  app.get<{ Params: { '*': string } }>('/app/*', { config: hidden }, async (request, reply) => {
    const path = request.params['*'];
    const notFound = new HttpError(404, 'not-found', 'no such file');
    if (!ASSET_PATH.test(path) || path.split('/').includes('..')) throw notFound;
    let real: string;
    let root: string;
    try {
      root = await realpath(appDir);
      real = await realpath(join(appDir, path));
    } catch {
      throw notFound;
    }
    if (!real.startsWith(root + sep)) throw notFound;
    const bytes = await readFile(real).catch(() => undefined);
    if (bytes === undefined) throw notFound;
    return reply.type(MIME[extname(real)] ?? 'application/octet-stream').header('cache-control', 'no-cache').send(bytes);
  });

  // Fonts carry no student data and are the same for everyone: cacheable, and readable by the sandboxed preview
  // frame, whose origin is opaque (so it fetches them cross-origin).
  app.get<{ Params: { name: string } }>('/fonts/:name', { config: hidden }, async (request, reply) => {
    const name = request.params.name;
    const bytes = /^[A-Za-z0-9][A-Za-z0-9._-]*\.woff2$/.test(name) ? readFontAsset(FONT_URL_PREFIX + name) : undefined;
    if (bytes === undefined) throw new HttpError(404, 'not-found', 'no such font');
    return reply
      .type('font/woff2')
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('cache-control', 'public, max-age=86400')
      .send(bytes);
  });
}
