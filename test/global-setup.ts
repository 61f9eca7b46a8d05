/**
 * Compiles src/ to dist/ once before the suite (with the IEP validator and its code cache: scripts/build-validator.mjs),
 * so the CLI tests (which spawn the real `node bin/iep.js`) run the code under test and not a stale build; and
 * bundles the editor web app into dist/app/ (esbuild, well under a second) for the app's browser tests (test/app/).
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
  let buildError = '';
  try {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const { stdout = '', stderr = '', message } = error as { stdout?: string; stderr?: string; message: string };
    buildError = `npx tsc -p tsconfig.build.json failed:\n${stdout}${stderr.replace(/^npm warn.*\n/gm, '') || message}`;
  }
  // The IEP validator's CommonJS file (tsc does not copy it) and its code cache, as `npm run build` makes them.
  try {
    execFileSync(process.execPath, ['scripts/build-validator.mjs'], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const { stdout = '', stderr = '', message } = error as { stdout?: string; stderr?: string; message: string };
    buildError += `node scripts/build-validator.mjs failed:\n${stdout}${stderr || message}`;
  }
  project.provide('buildError', buildError);
  let appBuildError = '';
  try {
    execFileSync(process.execPath, ['scripts/build-app.mjs'], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const { stdout = '', stderr = '', message } = error as { stdout?: string; stderr?: string; message: string };
    appBuildError = `node scripts/build-app.mjs failed:\n${stdout}${stderr || message}`;
  }
  project.provide('appBuildError', appBuildError);
}
