/**
 * Compiles src/ to dist/ once before the suite (with the IEP validator and its code cache: scripts/build-validator.mjs),
 * so the CLI tests (which spawn the real `node bin/iep.js`) run the code under test and not a stale build; bundles
 * the editor web app into dist/app/ (esbuild, well under a second) for the app's browser tests (test/app/); and
 * bundles the CLI with its code cache (scripts/build-cli.mjs), which bin/iep.js runs on Node 20.
 *
 * A failed build does not abort the whole suite (type errors are reported by `npm run typecheck`, and tsc still
 * writes dist/): it is handed to the tests as `buildError`, and the CLI tests fail with it, because they would
 * otherwise be testing whatever dist/ happened to hold.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Empty when `tsc -p tsconfig.build.json` succeeded; otherwise its output. */
    buildError: string;
    /** Empty when `node scripts/build-app.mjs` succeeded; otherwise its output. */
    appBuildError: string;
  }
}

export default function setup(project: TestProject): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  /** '' when the step succeeded; otherwise what it printed. */
  const step = (command: string, args: string[]): string => {
    try {
      execFileSync(command, args, { cwd: root, stdio: 'pipe', encoding: 'utf8' });
      return '';
    } catch (error) {
      const { stdout = '', stderr = '', message } = error as { stdout?: string; stderr?: string; message: string };
      return `${command === 'npx' ? 'npx' : 'node'} ${args.join(' ')} failed:\n${stdout}${stderr.replace(/^npm warn.*\n/gm, '') || message}`;
    }
  };
  const node = process.execPath;
  // The IEP validator's CommonJS file (tsc does not copy it) and its code cache, as `npm run build` makes them; then
  // the CLI as bin/iep.js runs it on Node 20: one bundle with its code cache.
  const buildError =
    step('npx', ['tsc', '-p', 'tsconfig.build.json']) + step(node, ['scripts/build-validator.mjs']) + step(node, ['scripts/build-cli.mjs']);
  project.provide('buildError', buildError);
  project.provide('appBuildError', step(node, ['scripts/build-app.mjs']));
}
