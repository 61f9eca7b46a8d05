#!/usr/bin/env node
/**
 * Bundles the compiled CLI (dist/cli/main.js and everything it loads, dependencies included) into one CommonJS file,
 * dist/cli/iep.cjs, and writes V8's compiled code of it to dist/cli/iep.cjs.v8-cache after a training run: a cold
 * `iep` command on Node 20 then reads bytecode instead of parsing and compiling some 800 modules (bin/iep.js and
 * bin/load-cli-bundle.cjs). Node 22+ keeps its own compile cache and runs dist/ as it is.
 *
 * - Each module's `import.meta.url` is written as its file's URL in dist/ or node_modules/, so templates, locales,
 *   fonts and the app are found where they always were.
 * - Dynamic imports become require() (a script compiled with a code cache cannot import() on Node 20); every
 *   dependency left outside the bundle is one that loads as CommonJS: native addons, tsx (outside rule files), BullMQ
 *   and ioredis (the queue).
 * - Training: `iep validate` and `iep render` of an example to PDF, DOCX and HTML in a temporary folder (without a
 *   browser, the PDF fails and its code is left out of the cache), then the cache is written from that process.
 *
 * Run by `npm run build` and `prepare` after tsc, and by test/global-setup.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const { BUNDLE, CACHE, loadCliBundle } = require('../bin/load-cli-bundle.cjs');
const EXAMPLE = path.join(root, 'examples', 'maya-thompson.iep.yaml');

export async function buildCli() {
  rmSync(CACHE, { force: true });
  await build({
    entryPoints: [path.join(root, 'dist', 'cli', 'main.js')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@resvg/resvg-js', 'tsx', 'tsx/*', 'bullmq', 'ioredis', 'fsevents'],
    supported: { 'dynamic-import': false },
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    plugins: [moduleUrls],
  });
  const trained = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--train'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (trained.status !== 0) throw new Error(`training the CLI's code cache failed:\n${trained.stderr}`);
}

/** `import.meta.url` of each module as the URL of its own file. */
const moduleUrls = {
  name: 'module-urls',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta')) return undefined;
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return {
        contents: source.replaceAll('import.meta.url', url).replaceAll('import.meta.resolve(', `(${resolveFrom.toString()})(${url}, `),
        loader: 'js',
      };
    });
  },
};

/** import.meta.resolve(specifier) of the module at `url`. */
function resolveFrom(url, specifier) {
  return require('node:url').pathToFileURL(require('node:module').createRequire(url).resolve(specifier)).href;
}

/** In a process of its own: run the commands a cold start runs, then write the compiled code of what they used. */
async function train() {
  const { main, script } = loadCliBundle({ cache: false });
  const out = mkdtempSync(path.join(os.tmpdir(), 'iepkit-train-'));
  const write = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = process.stderr.write = () => true;
  try {
    await main(['validate', EXAMPLE]);
    await main(['render', EXAMPLE, '--layout', 'student', '--format', 'pdf,docx,html', '--out', out]);
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeErr;
    rmSync(out, { recursive: true, force: true });
  }
  writeFileSync(CACHE, script.createCachedData());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--train') await train();
  else await buildCli();
}
