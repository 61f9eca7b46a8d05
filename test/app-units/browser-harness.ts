/**
 * For the browser tests of src/app's parts: a bundle of a tiny entry (esbuild, into a temporary folder) and the
 * Debian Chromium with a profile in that folder; `close` removes both.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT } from '../e2e/helpers.js';

export interface Harness {
  browser: Browser;
  page: Page;
  /** The bundled entry, to inject with page.addScriptTag({ content }). */
  bundle: string;
  close(): Promise<void>;
}

/** `entry`: TypeScript resolved from test/app-units/ (so `../../src/app/...`), bundled as a classic script. */
export async function openHarness(entry: string): Promise<Harness> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'iepkit-app-units-'));
  let browser: Browser | undefined;
  try {
    const outfile = path.join(dir, 'harness.js');
    await build({
      stdin: { contents: entry, resolveDir: path.join(ROOT, 'test', 'app-units'), loader: 'ts' },
      bundle: true,
      format: 'iife',
      outfile,
      logLevel: 'silent',
    });
    browser = await puppeteer.launch({
      executablePath: process.env.IEPKIT_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      pipe: true,
      userDataDir: path.join(dir, 'profile'),
      args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    });
    const page = await browser.newPage();
    const opened = browser;
    return {
      browser,
      page,
      bundle: readFileSync(outfile, 'utf8'),
      async close() {
        await opened.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** A page with the language, title and landmark axe-core asks of a whole page. */
export function harnessPage(body: string, css = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harness</title><style>${css}</style></head><body><main><h1>IEP</h1>${body}</main></body></html>`;
}

export const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
