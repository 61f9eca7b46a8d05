/**
 * On Node 20 bin/iep.js runs the CLI from the bundle scripts/build-cli.mjs makes (the tests' global setup builds it
 * after tsc, as `npm run build` does), with the V8 code cache written beside it. Every CLI test goes through it; here:
 * that bin/iep.js will take it, that V8 accepts its cache, and that it holds no path of the folder it was built in
 * (a package built in one folder must run from any other).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { BUNDLE, bundleIsCurrent, loadCliBundle } = require('../../bin/load-cli-bundle.cjs') as {
  BUNDLE: string;
  bundleIsCurrent: () => boolean;
  loadCliBundle: () => { main: unknown; script: { cachedDataRejected?: boolean } };
};
const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the CLI bundle', () => {
  it('is newer than the compiled CLI, so bin/iep.js runs it on Node 20', () => {
    expect(bundleIsCurrent()).toBe(true);
  });

  it('loads with its code cache accepted and exports main', () => {
    const { main, script } = loadCliBundle();
    expect(script.cachedDataRejected).toBe(false);
    expect(typeof main).toBe('function');
  });

  it('holds no absolute path of the folder it was built in', () => {
    const source = readFileSync(BUNDLE, 'utf8');
    expect(source).not.toContain(root.replace(/\/$/, ''));
  });
});
