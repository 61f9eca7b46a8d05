#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm install` (the package's prepare script).
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('iep: the compiled CLI is missing (dist/). Run `npm install` or `npm run build` in the iepkit folder.\n');
  process.exit(2);
}
// `iep ... | head` closes the pipe early; that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
// Node 22.1+ keeps V8's compiled code of iepkit and its dependencies on disk, so a cold start does not compile them
// again. Node 20 has no such cache: there the build's bundle of the CLI runs, with the code cache the build wrote for
// it (bin/load-cli-bundle.cjs), unless it is missing or older than dist/.
const bundle = module.enableCompileCache ? undefined : module.createRequire(import.meta.url)('./load-cli-bundle.cjs');
let main;
if (bundle?.bundleIsCurrent()) ({ main } = bundle.loadCliBundle());
else {
  module.enableCompileCache?.();
  ({ main } = await import(entry.href));
}
process.exitCode = await main(process.argv.slice(2));
