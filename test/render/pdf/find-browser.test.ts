import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../../src/render/pdf/index.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'iepkit-find-browser-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function fakeExecutable(...parts: string[]): string {
  const file = path.join(tmp, ...parts);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '#!/bin/sh\n');
  chmodSync(file, 0o755);
  return file;
}

const emptyHome = path.join(tmp, 'home-without-cache');

describe('findBrowser', () => {
  it('uses the explicit option first, then IEPKIT_CHROMIUM, then PUPPETEER_EXECUTABLE_PATH', () => {
    const a = fakeExecutable('a', 'chrome');
    const b = fakeExecutable('b', 'chrome');
    const c = fakeExecutable('c', 'chrome');
    const env = { IEPKIT_CHROMIUM: b, PUPPETEER_EXECUTABLE_PATH: c };
    expect(findBrowser({ executablePath: a, env })).toEqual({ found: true, executablePath: a, source: 'option' });
    expect(findBrowser({ env })).toEqual({ found: true, executablePath: b, source: 'IEPKIT_CHROMIUM' });
    expect(findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: c } })).toEqual({ found: true, executablePath: c, source: 'PUPPETEER_EXECUTABLE_PATH' });
  });

  it('reports a named browser that does not exist instead of silently using another', () => {
    const result = findBrowser({ env: { IEPKIT_CHROMIUM: '/nonexistent/chrome' }, candidates: [fakeExecutable('d', 'chrome')] });
    expect(result.found).toBe(false);
    if (result.found) return;
    expect(result.diagnostic.code).toBe('browser-not-found');
    expect(result.diagnostic.message).toContain('IEPKIT_CHROMIUM');
    expect(result.diagnostic.message).toContain('/nonexistent/chrome');
  });

  it('searches the usual install locations, then puppeteer’s cache', () => {
    const installed = fakeExecutable('usr', 'bin', 'chromium');
    expect(findBrowser({ env: {}, candidates: ['/nonexistent', installed], homedir: emptyHome })).toMatchObject({
      executablePath: installed,
      source: 'install-location',
    });
    const home = path.join(tmp, 'home');
    fakeExecutable('home', '.cache', 'puppeteer', 'chrome-headless-shell', 'linux-120.0.1', 'chrome-headless-shell-linux64', 'chrome-headless-shell');
    const newest = fakeExecutable('home', '.cache', 'puppeteer', 'chrome-headless-shell', 'linux-131.0.2', 'chrome-headless-shell-linux64', 'chrome-headless-shell');
    expect(findBrowser({ env: {}, candidates: [], homedir: home, platform: 'linux' })).toEqual({
      found: true,
      executablePath: newest,
      source: 'puppeteer-cache',
    });
  });

  it('says exactly how to get a browser when there is none', () => {
    const result = findBrowser({ env: {}, candidates: [], homedir: emptyHome });
    expect(result.found).toBe(false);
    if (result.found) return;
    expect(result.diagnostic).toMatchObject({ code: 'browser-not-found', severity: 'error' });
    expect(result.diagnostic.hint).toContain('sudo apt-get install -y chromium');
    expect(result.diagnostic.hint).toContain('npx @puppeteer/browsers install chrome-headless-shell@stable');
    expect(result.diagnostic.hint).toContain('IEPKIT_CHROMIUM=');
  });

  it('finds this machine’s browser', () => {
    expect(findBrowser().found).toBe(true);
  });
});
