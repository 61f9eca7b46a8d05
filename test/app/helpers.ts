/**
 * The editor's browser tests: a real server (`iep serve` in-process, on a free loopback port) over a temporary
 * folder holding copies of the examples, and a real Chromium (puppeteer-core) with a temporary profile. Both
 * folders are removed when the session closes. The editor must have been built (dist/app: the test global setup
 * builds it and hands over its errors as `appBuildError`; scripts/app-screenshots.ts builds it first).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { startServer, type StartedServer } from '../../src/server/index.js';
import { ROOT } from '../e2e/helpers.js';

export interface EditorSession {
  server: StartedServer;
  browser: Browser;
  page: Page;
  /** The served folder (copies of the examples). */
  folder: string;
  /** Where the browser's downloads go. */
  downloads: string;
  /** Every URL the page requested, to prove nothing came from outside the server. */
  requests: string[];
  /** Errors thrown in the page or printed to its console as errors. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** `profile`: the server's default profile (iep serve --profile); the examples of its folder (examples/<profile>/) are served too. */
export async function startEditorSession(options: { viewport?: { width: number; height: number }; bypassCSP?: boolean; profile?: string } = {}): Promise<EditorSession> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'iepkit-app-test-'));
  const folder = path.join(tmp, 'folder');
  const downloads = path.join(tmp, 'downloads');
  for (const name of readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.iep.yaml'))) {
    cpSync(path.join(ROOT, 'examples', name), path.join(folder, name));
  }
  const ownExamples = options.profile ? path.join(ROOT, 'examples', options.profile) : undefined;
  if (ownExamples && existsSync(ownExamples)) {
    for (const name of readdirSync(ownExamples).filter((f) => f.endsWith('.iep.yaml'))) cpSync(path.join(ownExamples, name), path.join(folder, name));
  }
  let server: StartedServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startServer({ folder, port: 0, appDir: path.join(ROOT, 'dist', 'app'), ...(options.profile ? { profiles: { profile: options.profile } } : {}) });
    browser = await puppeteer.launch({
      executablePath: process.env.IEPKIT_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      pipe: true,
      userDataDir: path.join(tmp, 'profile'),
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-extensions'],
    });
    const page = await browser.newPage();
    if (options.bypassCSP) await page.setBypassCSP(true);
    await page.setViewport(options.viewport ?? { width: 1280, height: 800 });
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true });
    const requests: string[] = [];
    const pageErrors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    // Leaving with unsaved changes asks first (beforeunload); the tests that leave mean to.
    page.on('dialog', (dialog) => void dialog.accept());
    page.on('pageerror', (error) => pageErrors.push(String((error as Error).message ?? error)));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    const started = server;
    const launched = browser;
    return {
      server: started,
      browser: launched,
      page,
      folder,
      downloads,
      requests,
      pageErrors,
      async close() {
        await launched.close().catch(() => undefined);
        await started.close().catch(() => undefined);
        rmSync(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}

/** Loads the editor afresh (not a same-page jump to another #file=) on a file of the folder; waits for its preview. */
export async function openEditor(session: EditorSession, file?: string): Promise<void> {
  await session.page.goto('about:blank');
  await session.page.goto(`${session.server.origin}/${file ? `#file=${encodeURIComponent(file)}` : ''}`, { waitUntil: 'load' });
  if (file) await waitForPreview(session.page);
}

/** The preview frame shown now (the newest that has loaded). */
export async function previewFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe.preview-frame.is-ready:last-of-type', { timeout: 30_000 });
  const frame = await handle!.contentFrame();
  if (!frame) throw new Error('the preview frame has no document');
  return frame;
}

/** Waits until the preview is idle and shown. */
export async function waitForPreview(page: Page): Promise<void> {
  await page.waitForFunction("document.querySelector('#preview-state')?.textContent === '' && document.querySelector('iframe.preview-frame.is-ready') !== null", { timeout: 30_000 });
}

/** Waits until the shown preview's text satisfies `test`. */
export async function waitForPreviewText(page: Page, test: (text: string) => boolean, timeout = 20_000): Promise<string> {
  const until = Date.now() + timeout;
  let text = '';
  while (Date.now() < until) {
    try {
      const frame = await previewFrame(page);
      text = String(await frame.evaluate('document.body.innerText'));
      if (test(text)) return text;
    } catch {
      // the frame was swapped while being read: read the new one
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the preview never showed what was expected; it shows:\n${text.slice(0, 2000)}`);
}

/** An element by its accessible name and role (puppeteer's ARIA query), the way a person finds it. */
export async function byRole(page: Page, role: string, name: string) {
  const handle = await page.waitForSelector(`::-p-aria([name="${name}"][role="${role}"])`, { timeout: 10_000 });
  if (!handle) throw new Error(`no ${role} named ${name}`);
  return handle;
}

/** The text of the status line (aria-live). */
export const statusText = (page: Page) => page.$eval('#status', (el) => el.textContent ?? '');
