/**
 * PDF engine benchmark: prints figures, asserts nothing.
 *
 *   npx tsx bench/pdf-engine.ts [documents=40]
 *
 * Measures browser launch, PDFs per second printing the 5-page English fixture sequentially (1 page) and with 2
 * pages, p50/p95 per document, the same HTML printed by plain puppeteer without the lockdown (fonts from a loopback
 * HTTP server, JavaScript on, no interception), a Chinese and a Korean document (their fonts come in 20-40 subset
 * files), and the glyph-coverage check. Figures depend on the machine's load: run it on a quiet machine.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import puppeteer from 'puppeteer-core';
import { BrowserPool, browserArgs, findBrowser, renderPdf } from '../src/render/pdf/index.js';
import { checkGlyphCoverage, FONT_URL_PREFIX, readFontAsset } from '../src/render/fonts/index.js';
import { FIXTURES, fixtureHtml } from '../test/render/pdf/pdf-tools.js';

const documents = Number(process.argv[2] ?? 40);
const html = fixtureHtml(FIXTURES.en!);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function report(label: string, times: number[], wallMs: number): void {
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `${label.padEnd(44)} ${(times.length / (wallMs / 1000)).toFixed(1).padStart(5)} PDFs/s   ` +
      `p50 ${percentile(sorted, 50).toFixed(0).padStart(4)} ms   p95 ${percentile(sorted, 95).toFixed(0).padStart(4)} ms`,
  );
}

async function run(label: string, concurrency: number, print: () => Promise<unknown>): Promise<void> {
  await print(); // warm-up
  const times: number[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < documents) {
        const t = performance.now();
        await print();
        times.push(performance.now() - t);
      }
    }),
  );
  report(label, times, performance.now() - started);
}

async function cjk(): Promise<void> {
  const pool = new BrowserPool({ concurrency: 1 });
  try {
    const chinese = fixtureHtml(FIXTURES['zh-Hans']!);
    const korean = fixtureHtml(FIXTURES.ko!); // links the full 590 kB font stylesheet instead of inlining a subset
    await run('iepkit pool, 1 page, zh-Hans fixture (2 pages)', 1, () => renderPdf(pool, chinese));
    await run('iepkit pool, 1 page, ko fixture, full font CSS', 1, () => renderPdf(pool, korean));
  } finally {
    await pool.close();
  }
}

async function ours(concurrency: number): Promise<void> {
  const pool = new BrowserPool({ concurrency, memoryCheckEvery: 10 });
  try {
    const t = performance.now();
    await renderPdf(pool, html);
    console.log(`first PDF with launch (concurrency ${concurrency}): ${(performance.now() - t).toFixed(0)} ms, launch ${pool.stats.lastLaunchMs} ms`);
    await run(`iepkit pool, ${concurrency} page(s), locked down`, concurrency, () => renderPdf(pool, html));
    console.log(
      `  pool: launches ${pool.stats.launches}, pages ${pool.stats.pagesCreated}, documents ${pool.stats.documents}, ` +
        `browser memory ${pool.stats.lastMemoryBytes ? `${(pool.stats.lastMemoryBytes / 2 ** 20).toFixed(0)} MiB PSS` : 'n/a'}`,
    );
  } finally {
    await pool.close();
  }
}

async function plain(concurrency: number): Promise<void> {
  const server = http.createServer((req, res) => {
    if (req.url === '/document.html') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(plainHtml);
      return;
    }
    const bytes = readFontAsset(`${FONT_URL_PREFIX}${(req.url ?? '').replace(/^\/fonts\//, '')}`);
    res.statusCode = bytes ? 200 : 404;
    res.end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const plainHtml = html.replaceAll(FONT_URL_PREFIX, `${origin}/fonts/`);
  const found = findBrowser();
  if (!found.found) throw new Error(found.diagnostic.message);
  const browser = await puppeteer.launch({
    executablePath: found.executablePath,
    headless: true,
    pipe: true,
    args: browserArgs(process.getuid?.() === 0).filter((a) => !/proxy|host-resolver/.test(a)),
  });
  try {
    const pages = await Promise.all(Array.from({ length: concurrency }, () => browser.newPage()));
    const free = [...pages];
    await run(`plain puppeteer, ${concurrency} page(s), no lockdown`, concurrency, async () => {
      const page = free.pop()!;
      try {
        await page.goto(`${origin}/document.html`, { waitUntil: 'load' });
        await page.pdf({ format: 'letter', preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
      } finally {
        free.push(page);
      }
    });
  } finally {
    await browser.close();
    server.close();
  }
}

function glyphCheck(): void {
  const text = readFileSync(new URL('../test/fixtures/pdf/en-long.html', import.meta.url), 'utf8').replace(/<[^>]+>/g, ' ');
  const others = ['ar', 'bn', 'zh-Hans', 'zh-Hant', 'ko', 'ur'].map((f) =>
    readFileSync(new URL(`../test/fixtures/pdf/${f}.html`, import.meta.url), 'utf8').replace(/<[^>]+>/g, ' '),
  );
  const strings = [text, ...others].flatMap((t, i) => t.split('\n').map((line, j) => ({ text: line, path: `f${i}[${j}]` })));
  const chars = strings.reduce((n, s) => n + s.text.length, 0);
  let t = performance.now();
  checkGlyphCoverage(strings);
  const cold = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < 10; i++) checkGlyphCoverage(strings);
  const warm = (performance.now() - t) / 10;
  console.log(`glyph check, ${chars} characters in 7 languages: cold ${cold.toFixed(0)} ms (loads the fonts), warm ${warm.toFixed(2)} ms`);
}

console.log(`${documents} documents of ${FIXTURES.en!.file} (5 pages, letter, tagged, outline), HTML ${(html.length / 1024).toFixed(0)} kB`);
glyphCheck();
await ours(1);
await ours(2);
await plain(1);
await plain(2);
await cjk();
