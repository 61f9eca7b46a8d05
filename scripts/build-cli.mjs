#!/usr/bin/env node
/**
 * Bundles the compiled CLI (dist/cli/main.js and everything it loads, dependencies included) into one CommonJS file,
 * dist/cli/iep.cjs, and writes V8's compiled code of it to dist/cli/iep.cjs.v8-cache after a training run: a cold
 * `iep` command on Node 20 then reads bytecode instead of parsing and compiling some 800 modules (bin/iep.js and
 * bin/load-cli-bundle.cjs). Node 22+ keeps its own compile cache and runs dist/ as it is.
 *
 * - Each module's `import.meta.url` is its file's URL in dist/, found from where the bundle is, so templates,
 *   locales, fonts and the app are found where they always were, whichever folder the package is in.
 * - Dynamic imports become require() (a script compiled with a code cache cannot import() on Node 20); every
 *   dependency left outside the bundle (EXTERNAL) is one that loads as CommonJS.
 * - Training: `iep validate` and `iep render` of an example to PDF, DOCX and HTML in dist/cli/.training-output
 *   (without a browser, the PDF fails and its code is left out of the cache), then the cache is written from that
 *   process.
 *
 * Run by `npm run build` and `prepare` after tsc, and by test/global-setup.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const { BUNDLE, CACHE, loadCliBundle } = require('../bin/load-cli-bundle.cjs');
const EXAMPLE = path.join(root, 'examples', 'maya-thompson.iep.yaml');
/**
 * Left outside the bundle and loaded as CommonJS: native addons, tsx (outside rule files), the queue's BullMQ and
 * ioredis, and the dependencies that read import.meta (yargs, fdir).
 */
const EXTERNAL = ['@resvg/resvg-js', 'tsx', 'tsx/*', 'bullmq', 'ioredis', 'fsevents', 'yargs', 'yargs/*', 'fdir'];

export async function buildCli() {
  rmSync(CACHE, { force: true });
  await build({
    entryPoints: [path.join(root, 'dist', 'cli', 'main.js')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: EXTERNAL,
    supported: { 'dynamic-import': false },
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    banner: { js: MODULE_URL_BANNER },
    plugins: [moduleUrls],
  });
  const trained = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--train'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (trained.status !== 0) throw new Error(`training the CLI's code cache failed:\n${trained.stderr}`);
}

/** Defined once at the top of the bundle, where `require` and `__dirname` are the bundle's own (a module may shadow them). */
const MODULE_URL = '__iepkitModuleUrl';
const MODULE_URL_BANNER = `"use strict";\nvar ${MODULE_URL} = (relative) => require("node:url").pathToFileURL(require("node:path").join(__dirname, relative)).href;`;

/**
 * `import.meta.url` of each of our modules as the URL of its file in dist/, found from the bundle's own place at run
 * time (`__filename` is the bundle's), so a package built in one folder runs from any other. A dependency that reads
 * `import.meta` stays outside the bundle (EXTERNAL, loaded as CommonJS): where it is installed is not known here.
 */
const moduleUrls = {
  name: 'module-urls',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta')) return undefined;
      const relative = path.relative(path.dirname(BUNDLE), args.path).split(path.sep).join('/');
      if (relative.includes('node_modules/')) {
        return { errors: [{ text: `${relative} reads import.meta: add its package to EXTERNAL in scripts/build-cli.mjs` }] };
      }
      return { contents: source.replaceAll('import.meta.url', `${MODULE_URL}(${JSON.stringify(relative)})`), loader: 'js' };
    });
  },
};

/** In a process of its own: run the commands a cold start runs, then write the compiled code of what they used. */
async function train() {
  const { main, script } = loadCliBundle({ cache: false });
  // Under dist/ rather than the temporary folder: a build killed here leaves nothing behind that the next does not remove.
  const out = path.join(path.dirname(BUNDLE), '.training-output');
  rmSync(out, { recursive: true, force: true });
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
