#!/usr/bin/env node
/**
 * Bundles the editor web app (src/app) into dist/app/: app.js (every dependency bundled: nothing is loaded from
 * outside the server), app.css and index.html. `iep serve` answers GET / with index.html and /app/<file> with the
 * rest; fonts come from the server's /fonts/ (the same Noto files the documents use), so they are left as URLs.
 *
 * Run by `npm run build` and `prepare` (so `npm ci` on a fresh clone builds it) and by test/global-setup.ts.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = path.join(root, 'src', 'app');
const out = path.join(root, 'dist', 'app');

export async function buildApp() {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [
      { in: path.join(src, 'main.ts'), out: 'app' },
      { in: path.join(src, 'app.css'), out: 'app' },
    ],
    outdir: out,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'firefox115', 'safari16'],
    minify: true,
    // No source maps: they would triple what the package installs (about 3 MB) for no use to the person writing.
    legalComments: 'linked',
    // The fonts are the server's (GET /fonts/<file>.woff2), not files to bundle.
    external: ['/fonts/*'],
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  copyFileSync(path.join(src, 'index.html'), path.join(out, 'index.html'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await buildApp();
  } catch (error) {
    // esbuild has already printed the located errors; no stack on the terminal.
    if (!error?.errors) console.error(`build-app: ${error?.message ?? error}`);
    process.exitCode = 1;
  }
}
