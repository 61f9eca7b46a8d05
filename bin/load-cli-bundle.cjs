// Loads dist/cli/iep.cjs, the CLI bundled into one CommonJS file (scripts/build-cli.mjs), with the V8 code cache
// written beside it at build time, so that a cold `iep` command reads compiled bytecode instead of parsing and
// compiling every module it loads (about a third of the CPU of a cold `iep render` on Node 20, which has no compile
// cache of its own). A cache V8 does not accept is ignored: the code is compiled as usual, with the same result.
'use strict';
const { existsSync, readFileSync, statSync } = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const BUNDLE = path.join(__dirname, '..', 'dist', 'cli', 'iep.cjs');
const CACHE = BUNDLE + '.v8-cache';
const COMPILED = path.join(__dirname, '..', 'dist', 'cli', 'main.js');

/** Whether the bundle was made from the compiled CLI as it is now (tsc run after it leaves it stale). */
function bundleIsCurrent() {
  try {
    return statSync(BUNDLE).mtimeMs >= statSync(COMPILED).mtimeMs;
  } catch {
    return false;
  }
}

/** The bundle run as Node runs a CommonJS file; `cache: false` compiles it without the cache (to write a new one). */
function loadCliBundle({ cache = true } = {}) {
  const source = readFileSync(BUNDLE, 'utf8');
  const cachedData = cache && existsSync(CACHE) ? readFileSync(CACHE) : undefined;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, BUNDLE, path.dirname(BUNDLE));
  return { main: module.exports.main, script };
}

module.exports = { BUNDLE, CACHE, bundleIsCurrent, loadCliBundle };
