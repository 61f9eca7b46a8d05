#!/usr/bin/env node
/**
 * Puts the IEP schema's validator into dist/validate/ with a V8 code cache beside it (see
 * src/validate/iep-schema-validator.ts): copies the generated CommonJS file, which tsc does not, then compiles it,
 * validates every example record with it (so the functions V8 compiles lazily are compiled too) and writes the
 * compiled code to validate-iep-schema.generated.v8-cache.
 *
 * Run by `npm run build` and `prepare` after tsc, and by test/global-setup.ts. The cache is for the Node version
 * that wrote it: another one ignores it and compiles the validator as usual.
 */
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const NAME = 'validate-iep-schema.generated';

export async function buildValidator() {
  const out = path.join(root, 'dist', 'validate');
  const cache = path.join(out, `${NAME}.v8-cache`);
  rmSync(cache, { force: true });
  copyFileSync(path.join(root, 'src', 'validate', `${NAME}.cjs`), path.join(out, `${NAME}.cjs`));
  const { compileIepValidator } = await import(path.join(out, 'iep-schema-validator.js'));
  const { script, validate } = compileIepValidator();
  const examples = readdirSync(path.join(root, 'examples'), { recursive: true }).filter((f) => /\.iep\.(ya?ml|json)$/.test(f)).map((f) => path.join('examples', f));
  if (examples.length === 0) throw new Error('no example records to warm the validator with');
  for (const file of examples) validate(parse(readFileSync(path.join(root, file), 'utf8')));
  writeFileSync(cache, script.createCachedData());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildValidator();
