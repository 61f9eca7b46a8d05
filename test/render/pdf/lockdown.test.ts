/**
 * The lockdown: HTML that tries every way a page can reach out (images, styles, imports, fonts, frames, objects,
 * media, prefetch, scripts, meta refresh, base URL, file: and data: frames) prints without one request or
 * connection reaching a listener on this machine and without reading a local file.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool, renderPdfWithReport } from '../../../src/render/pdf/index.js';
import { pdfText, simpleHtml } from './pdf-tools.js';

let server: http.Server;
let base: string;
let port: number;
const hits: string[] = [];
let connections = 0;
let pool: BrowserPool;
let tmp: string;
let secretFile: string;
const SECRET = `secret-${Math.random().toString(36).slice(2)}`;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('body { background: red }');
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  tmp = mkdtempSync(path.join(os.tmpdir(), 'iepkit-lockdown-'));
  secretFile = path.join(tmp, 'secret.txt');
  writeFileSync(secretFile, SECRET);
  pool = new BrowserPool();
});

afterAll(async () => {
  await pool.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(tmp, { recursive: true, force: true });
});

function hostileHtml(): string {
  const body = `
<p>Visible text stays.</p>
<img src="${base}/x" alt="">
<img srcset="${base}/srcset 2x" alt="">
<picture><source srcset="${base}/picture"><img src="${base}/picture-img" alt=""></picture>
<iframe src="file:///etc/hostname"></iframe>
<iframe src="file://${secretFile}"></iframe>
<iframe src="${base}/frame"></iframe>
<iframe src="data:text/html,<img src='${base}/data-frame-img'>"></iframe>
<iframe src="ws://127.0.0.1:${port}/ws"></iframe>
<iframe src="https://iepkit.invalid/document.html"></iframe>
<script>fetch('${base}/s')</script>
<script src="${base}/script.js"></script>
<object data="${base}/o"></object>
<embed src="${base}/e">
<video poster="${base}/v" src="${base}/video"></video>
<audio src="${base}/a" preload="auto"></audio>
<svg width="10" height="10"><image href="${base}/svg-image" width="10" height="10"/></svg>
<a href="${base}/link" ping="${base}/ping">a link</a>
<form action="${base}/form"><input type="image" src="${base}/input-image" alt="x"></form>
<img src="relative-to-base.png" alt="">
<img src="https://iepkit.invalid/fonts/../../../etc/passwd" alt="">
<img src="https://iepkit.invalid/assets/not-given.png" alt="">
<img src="http://localhost:${port}/localhost" alt="">
<div style="background:url(${base}/b); width: 10px; height: 10px"></div>
<ul style="list-style-image: url(${base}/list)"><li>item</li></ul>
<p class="fancy">fancy font</p>`;
  const head = `
<meta http-equiv="refresh" content="0;url=${base}/r">
<base href="${base}/base/">
<link rel="stylesheet" href="${base}/c.css">
<link rel="prefetch" href="${base}/p">
<link rel="preload" as="image" href="${base}/preload">
<link rel="preconnect" href="${base}">
<link rel="dns-prefetch" href="//leak.example">
<link rel="icon" href="${base}/icon.png">
<link rel="manifest" href="${base}/manifest.json">
<style>
  @import url(${base}/i.css);
  @font-face { font-family: Leak; src: url(${base}/font.woff2); }
  .fancy { font-family: Leak; border-image: url(${base}/border) 30; }
  p::after { content: url(${base}/content); }
</style>`;
  return simpleHtml(body, 'Lockdown').replace('<head>', `<head>${head}`);
}

describe('lockdown', () => {
  it('prints hostile HTML without reaching the network or a local file', async () => {
    const result = await renderPdfWithReport(pool, hostileHtml());
    expect(hits).toEqual([]);
    expect(connections).toBe(0);
    const text = pdfText(result.pdf);
    expect(text).toContain('Visible text stays.');
    expect(text).not.toContain(SECRET);
    if (existsSync('/etc/hostname')) {
      const hostname = readFileSync('/etc/hostname', 'utf8').trim();
      if (hostname.length >= 3) expect(text).not.toContain(hostname);
    }
    // The meta refresh was refused and the document stayed (the CSP stops the rest before they are even asked for).
    expect(result.blockedRequests).toContain(`${base}/r`);
  });

  it('holds with the interceptor alone (no Content-Security-Policy), and reports what it refused', async () => {
    const result = await renderPdfWithReport(pool, hostileHtml(), { csp: false });
    expect(hits).toEqual([]);
    expect(connections).toBe(0);
    const text = pdfText(result.pdf);
    expect(text).toContain('Visible text stays.');
    expect(text).not.toContain(SECRET);
    for (const url of [`${base}/x`, `${base}/c.css`, `${base}/i.css`, `${base}/b`, `${base}/r`, `${base}/frame`]) {
      expect(result.blockedRequests).toContain(url);
    }
    // Only the document itself was served from the private origin; nothing outside the registry was.
    expect(result.blockedRequests).toContain('https://iepkit.invalid/etc/passwd');
    expect(result.blockedRequests).toContain('https://iepkit.invalid/assets/not-given.png');
    expect(result.blockedRequests.some((u) => u.startsWith('file:'))).toBe(false); // never even requested
    expect(pool.stats.blockedRequests).toBeGreaterThanOrEqual(result.blockedRequests.length);
  });

  it('writes the next document into the page instead of navigating, and the lockdown holds the same there', async () => {
    // A mark on the page's window survives document.open, not a navigation: the second document was written in.
    await renderPdfWithReport(pool, simpleHtml('<p>First student.</p>'));
    await pool.withPage((slot) => slot.page.evaluate('window.__iepkitMark = 1'));
    const second = await renderPdfWithReport(pool, simpleHtml('<p>Second student.</p>'));
    expect(await pool.withPage((slot) => slot.page.evaluate('window.__iepkitMark'))).toBe(1);
    expect(pdfText(second.pdf)).toContain('Second student.');
    expect(pdfText(second.pdf)).not.toContain('First student.');

    for (const csp of [true, false]) {
      await renderPdfWithReport(pool, simpleHtml('<p>Before.</p>'), { csp });
      const result = await renderPdfWithReport(pool, hostileHtml(), { csp });
      expect(hits).toEqual([]);
      expect(connections).toBe(0);
      const text = pdfText(result.pdf);
      expect(text).toContain('Visible text stays.');
      expect(text).not.toContain('Before.');
      expect(text).not.toContain(SECRET);
      expect(result.blockedRequests).toContain(`${base}/r`);
      if (!csp) for (const url of [`${base}/x`, `${base}/c.css`, `${base}/i.css`, `${base}/b`, `${base}/frame`]) expect(result.blockedRequests).toContain(url);
      // Its refresh and policies stay with that document: the next one is a fresh navigation and prints whole.
      const after = await renderPdfWithReport(pool, simpleHtml('<p>After.</p>'), { csp });
      expect(pdfText(after.pdf)).toContain('After.');
      expect(after.blockedRequests).toEqual([]);
    }
  });

  it('serves assets the caller gives, and only those', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const html = simpleHtml('<p>Logo: <img src="https://iepkit.invalid/assets/logo.png" alt="District logo" width="20" height="20"></p>');
    const result = await renderPdfWithReport(pool, html, { assets: { 'logo.png': { contentType: 'image/png', body: png } } });
    expect(result.blockedRequests).toEqual([]);
    expect(pdfText(result.pdf)).toContain('Logo:');
  });
});
