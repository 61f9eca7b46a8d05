/**
 * The IEP schema's validator: ajv's standalone code (validate-iep-schema.generated.cjs, `npm run generate`), compiled
 * with a V8 code cache when the build wrote one beside it (scripts/build-validator.mjs, run by `npm run build`).
 *
 * The validator is one function of about 5 MB of JavaScript, the schema's translatable Text checked inline at each
 * of its hundred places. Parsing it and compiling it at its first call took about 140 ms of every cold `iep` command;
 * from the cache, V8 reads the compiled bytecode in about 25 ms. Node 20 has no compile cache for modules (Node 22's
 * module.enableCompileCache), hence vm.Script with `cachedData`. A cache V8 does not accept (another Node version,
 * other flags) is ignored: the code is compiled as usual, with the same result.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';
import type { ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
const VALIDATOR_FILE = require.resolve('./validate-iep-schema.generated.cjs');
/** Where the build writes the code cache (absent when running from src/). */
const VALIDATOR_CACHE_FILE = VALIDATOR_FILE.replace(/\.cjs$/, '.v8-cache');

/**
 * The generated file run as Node runs a CommonJS file (the same wrapper, require and file name), compiled with
 * `cachedData` when given. The script is returned too: the build asks it for the cache after a few validations.
 */
export function compileIepValidator(cachedData?: Buffer): { script: vm.Script; validate: ValidateFunction } {
  const source = readFileSync(VALIDATOR_FILE, 'utf8');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: VALIDATOR_FILE, cachedData });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, VALIDATOR_FILE, dirname(VALIDATOR_FILE));
  return { script, validate: module.exports as ValidateFunction };
}

export const validateIepSchema: ValidateFunction = existsSync(VALIDATOR_CACHE_FILE)
  ? compileIepValidator(readFileSync(VALIDATOR_CACHE_FILE)).validate
  : (require(VALIDATOR_FILE) as ValidateFunction);
