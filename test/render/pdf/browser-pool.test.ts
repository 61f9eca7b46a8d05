/**
 * The browser pool with the real browser: one launch for many documents, pages and browsers recycled on their
 * limits, a crashed or hung browser replaced and the document retried, and no process left after close().
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BrowserPool, PdfRenderError, renderPdf, renderPdfWithReport, type PdfAsset } from '../../../src/render/pdf/index.js';
import { pdfInfo, pdfText, processesWith, simpleHtml } from './pdf-tools.js';

const pools: BrowserPool[] = [];
function newPool(options: ConstructorParameters<typeof BrowserPool>[0] = {}): BrowserPool {
  const pool = new BrowserPool(options);
  pools.push(pool);
  return pool;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const withImage = (text: string) =>
  simpleHtml(`<p>${text}</p><img src="https://iepkit.invalid/assets/slow.png" alt="" width="10" height="10">`);

/** Every user-data-dir the pool used, so we can look for processes still using it afterwards. */
function trackDirs(pool: BrowserPool): { dirs: Set<string>; stop: () => void } {
  const dirs = new Set<string>();
  const timer = setInterval(() => {
    if (pool.userDataDir) dirs.add(pool.userDataDir);
  }, 5);
  return { dirs, stop: () => clearInterval(timer) };
}

describe('BrowserPool', () => {
  it('prints 5 documents through 2 pages with one browser, and leaves nothing behind', async () => {
    const pool = newPool({ concurrency: 2 });
    const pdfs = await Promise.all([1, 2, 3, 4, 5].map((n) => renderPdf(pool, simpleHtml(`<h1>Document ${n}</h1>`))));
    pdfs.forEach((pdf, i) => expect(pdfText(pdf)).toContain(`Document ${i + 1}`));
    expect(pool.stats.launches).toBe(1);
    expect(pool.stats.documents).toBe(5);
    expect(pool.stats.pagesCreated).toBe(2);
    const dir = pool.userDataDir!;
    expect(processesWith(dir).length).toBeGreaterThan(0);
    await pool.close();
    expect(processesWith(dir)).toEqual([]);
    expect(existsSync(dir)).toBe(false);
    await pool.close(); // idempotent
    await expect(renderPdf(pool, simpleHtml('<p>late</p>'))).rejects.toThrow(PdfRenderError);
  });

  it('launches lazily: a pool that printed nothing started nothing', async () => {
    const pool = newPool();
    expect(pool.browserPid).toBeUndefined();
    await pool.close();
    expect(pool.stats.launches).toBe(0);
  });

  it('warm() launches the browser ahead, and the first document prints in that browser', async () => {
    const pool = newPool();
    await pool.warm();
    expect(pool.browserPid).toBeDefined();
    expect(pool.stats.launches).toBe(1);
    const pid = pool.browserPid;
    // The page opened ahead already holds a document (the fonts' warm-up): the first one replaces it entirely.
    const first = pdfText(await renderPdf(pool, simpleHtml('<p>warmed</p>')));
    expect(first).toContain('warmed');
    expect(first).not.toMatch(/Aa/);
    expect(pool.stats.pagesCreated).toBe(1);
    expect(pool.browserPid).toBe(pid);
    expect(pool.stats.launches).toBe(1);
    await pool.warm(); // a browser is running: nothing more is started
    expect(pool.stats.launches).toBe(1);
  });

  it('a launch warm() started that failed is reported by the first document, not tried again for it', async () => {
    // A "browser" that counts its starts and fails each one.
    const dir = mkdtempSync(join(tmpdir(), 'iepkit-warm-'));
    try {
      const starts = join(dir, 'starts');
      const browser = join(dir, 'fails-to-start');
      writeFileSync(browser, `#!/bin/sh\necho start >> '${starts}'\nexit 1\n`);
      chmodSync(browser, 0o755);
      const pool = newPool({ executablePath: browser, launchTimeoutMs: 5000 });
      await pool.warm(); // resolves although the launch failed
      expect(readFileSync(starts, 'utf8').split('\n').filter(Boolean)).toHaveLength(1);
      const error = await renderPdf(pool, simpleHtml('<p>x</p>')).catch((e: unknown) => e);
      expect((error as PdfRenderError).code).toBe('browser-launch-failed');
      expect(readFileSync(starts, 'utf8').split('\n').filter(Boolean)).toHaveLength(1);
      // The next document tries to launch again, as it did before warm() existed.
      await renderPdf(pool, simpleHtml('<p>y</p>')).catch(() => undefined);
      expect(readFileSync(starts, 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('replaces pages after pageMaxDocuments and the browser after browserMaxDocuments', async () => {
    const pool = newPool({ concurrency: 1, pageMaxDocuments: 2, browserMaxDocuments: 3 });
    const track = trackDirs(pool);
    for (let n = 1; n <= 5; n++) await renderPdf(pool, simpleHtml(`<p>${n}</p>`));
    track.stop();
    expect(pool.stats.launches).toBe(2);
    expect(pool.stats.browserRecycles).toBe(1);
    expect(pool.stats.pageRecycles).toBeGreaterThanOrEqual(1);
    const [first] = [...track.dirs];
    await delay(200); // the retired browser shuts down in the background
    expect(processesWith(first!)).toEqual([]);
    await pool.close();
    for (const dir of track.dirs) expect(processesWith(dir)).toEqual([]);
  });

  it('replaces the browser when it grows past browserMaxMemoryMb', async () => {
    const pool = newPool({ concurrency: 1, browserMaxMemoryMb: 1, memoryCheckEvery: 1 });
    await renderPdf(pool, simpleHtml('<p>1</p>'));
    await renderPdf(pool, simpleHtml('<p>2</p>'));
    expect(pool.stats.lastMemoryBytes).toBeGreaterThan(1024 * 1024);
    expect(pool.stats.browserRecycles).toBe(2);
    expect(pool.stats.launches).toBe(2);
  });

  it('retries a document whose browser was killed mid-render, in a new browser', async () => {
    const pool = newPool();
    await renderPdf(pool, simpleHtml('<p>warm up</p>'));
    const firstDir = pool.userDataDir!;
    const firstPid = pool.browserPid!;
    // The image answers after 1.5 s, so the document is still loading when the browser dies.
    const slow: Promise<PdfAsset> = delay(1500).then(() => ({ contentType: 'image/png', body: PNG }));
    const rendering = renderPdfWithReport(pool, withImage('Survived a crash'), { assets: { 'slow.png': slow } });
    await delay(400);
    process.kill(firstPid, 'SIGKILL');
    const result = await rendering;
    expect(result.attempts).toBe(2);
    expect(pdfText(result.pdf)).toContain('Survived a crash');
    expect(pool.stats.crashes).toBe(1);
    expect(pool.stats.launches).toBe(2);
    expect(pool.browserPid).not.toBe(firstPid);
    await delay(200);
    expect(processesWith(firstDir)).toEqual([]);
    expect(existsSync(firstDir)).toBe(false);
  });

  it('gives render-failed for a document that never finishes, after one retry, and keeps working', async () => {
    const pool = newPool();
    const never = new Promise<PdfAsset>(() => undefined);
    const started = Date.now();
    const error = await renderPdf(pool, withImage('Never'), { timeoutMs: 1500, assets: { 'slow.png': never } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfRenderError);
    const diagnostic = (error as PdfRenderError).diagnostics[0]!;
    expect(diagnostic.code).toBe('render-failed');
    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.message).toContain('did not finish within 1500 ms');
    expect(diagnostic.hint).toBeTruthy();
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000); // two attempts
    expect(pool.stats.failedAttempts).toBe(2);
    // The browser itself was fine: it was kept, and the next document prints.
    expect(pdfInfo(await renderPdf(pool, simpleHtml('<p>after</p>'))).Tagged).toBe('yes');
    expect(pool.stats.launches).toBe(1);
  });

  it('throws an error that comes after the print as it is, without printing again', async () => {
    const pool = newPool();
    const bug = new Error('a bug after the print');
    let calls = 0;
    const error = await renderPdf(pool, simpleHtml('<p>Printed once</p>'), {
      onPrinted: () => {
        calls++;
        throw bug;
      },
    }).catch((e: unknown) => e);
    // The error itself, not a render-failed that blames the browser after a second print.
    expect(error).toBe(bug);
    expect(calls).toBe(1);
    expect(pool.stats.documents).toBe(1);
    expect(pool.stats.failedAttempts).toBe(0);
    // The page went back to the pool whole: the next document prints on it.
    expect(pdfText(await renderPdf(pool, simpleHtml('<p>after</p>')))).toContain('after');
    expect(pool.stats.pagesCreated).toBe(1);
  });

  it('reports browser-not-found without retrying when the named browser does not exist', async () => {
    const pool = newPool({ executablePath: '/nonexistent/chromium' });
    const error = await renderPdf(pool, simpleHtml('<p>x</p>')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfRenderError);
    expect((error as PdfRenderError).code).toBe('browser-not-found');
    expect((error as PdfRenderError).diagnostics[0]!.hint).toContain('apt-get install -y chromium');
    expect(pool.stats.failedAttempts).toBe(0);
  });

  it('reports browser-launch-failed for something that is not a browser', async () => {
    const pool = newPool({ executablePath: '/bin/false', launchTimeoutMs: 5000 });
    const error = await renderPdf(pool, simpleHtml('<p>x</p>')).catch((e: unknown) => e);
    expect((error as PdfRenderError).code).toBe('browser-launch-failed');
  });

  it('kills everything at once with killNow()', async () => {
    const pool = newPool();
    await renderPdf(pool, simpleHtml('<p>x</p>'));
    const dir = pool.userDataDir!;
    pool.killNow();
    await delay(100);
    expect(processesWith(dir)).toEqual([]);
    expect(existsSync(dir)).toBe(false);
  });
});
