/**
 * `npm run bench`: how fast iepkit renders, and how that compares with printing the same HTML in raw Chromium.
 *
 *   npm run bench                  the full set: 12 synthetic IEPs (5-40 goals x 1-3 languages, 24 documents), 3 rounds
 *   npm run bench -- --quick       a subset, under a minute
 *   npm run bench -- --docs 10000  adds a long pipeline run of that many PDFs for memory growth (document N/10 to the end)
 *
 * Options: --concurrency <n> (default 2), --layout <official|family|student> (default official), --rounds <n>,
 * --cold-runs <n> (cold `iep render` repetitions, default 5; 3 with --quick).
 *
 * Phases, each on the same documents:
 *   DOCX        renderIep(formats: docx), one document at a time; renderDocx alone on the composed tree; the
 *               ten-page IEP in a process pinned to one CPU (bench/lib/docx-one-core.ts), and in 1 and 2 worker
 *               threads (alternating), beside what 2 threads give this machine for plain arithmetic and for an
 *               allocating loop (bench/lib/thread-scaling.ts); and Pandoc on its composed Markdown, one process per
 *               document. Each DOCX run is timed after a warm-up as long as
 *               itself (V8 is still optimizing after hundreds of documents; bench/lib/docx-workers.ts).
 *   compose     a bundled student's official IEP with nothing remembered, after the three other students, and
 *               remembered (bench/lib/compose-unseen.ts): compose parses each run of template blocks once, and the
 *               synthetic IEPs all share one shape, so the phases below compose mostly from remembered runs.
 *   PDF         renderIep(formats: pdf) with one shared BrowserPool of `concurrency` pages: the real pipeline
 *               (compose, glyph check, HTML, locked-down page, print, post-print stage), with as many documents in
 *               progress as `iep batch` keeps (pool.documentsInFlight: twice the pages, so that composing one
 *               document and finishing another overlap the printing of a third; Chromium still prints at most
 *               `concurrency` at once, as raw does).
 *   raw         the same HTML (renderHtml of the composed tree, composed beforehand and not timed) printed by
 *               puppeteer-core in the same browser binary with the same flags and PDF options, at the same
 *               concurrency, one reused page per worker: page.setContent + page.pdf, no lockdown, no pipeline. The
 *               HTML's font URLs are answered from the bundled font files (nothing else is intercepted), so raw
 *               Chromium prints the same document with the same fonts.
 *   print       the pipeline's print stage alone: the same precomposed HTML through renderPdf and the pool (lockdown,
 *               served fonts, post-print stage), to tell the cost of composing from the cost of printing.
 *   print, no post-print  the same with the post-print stage skipped (onPrinted returns false): the most that any
 *               speed-up of that stage could give.
 *   raw, fonts not served (full mode only): the same without the fonts; every font request fails at the dead proxy
 *               the flags set and Chromium falls back to system fonts: a different, not a cheaper, document.
 *   The PDF, raw and print phases run in alternating rounds, so that a change in machine load hits them all.
 *   cold        `node bin/iep.js render examples/maya-thompson.iep.yaml --layout student --format pdf`, repeated.
 *
 * Human-readable lines first; the results are saved to bench/results/<timestamp>.json; the LAST line printed is one
 * JSON object with the headline figures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer, { type Browser, type Page, type PDFOptions } from 'puppeteer-core';
import { composeDocument } from '../src/compose/compose-document.js';
import type { LayoutName } from '../src/load/load-layout.js';
import type { DocumentTree } from '../src/model/document.js';
import type { Iep } from '../src/model/iep.js';
import type { Language } from '../src/model/languages.js';
import { renderDocx } from '../src/render/docx/render-docx.js';
import { fontAssetContentType, FONT_URL_PREFIX, readFontAsset } from '../src/render/fonts/index.js';
import { renderHtml } from '../src/render/html/render-html.js';
import { BrowserPool, browserArgs, findBrowser, renderPdf } from '../src/render/pdf/index.js';
import { pdfPageCount } from '../src/render/pdf/page-count.js';
import { renderIep } from '../src/pipeline/render-iep.js';
import { memoryGrowth, sampleMemory, type MemorySample } from './lib/memory.js';
import { docxWorkerThroughput, renderDocxJob } from './lib/docx-workers.js';
import { docxOnOneCore } from './lib/docx-one-core.js';
import { threadScaling } from './lib/thread-scaling.js';
import { composeUnseen } from './lib/compose-unseen.js';
import { findPandoc, runPandoc, type PandocRun } from './lib/pandoc.js';
import { mean, median, mib, percentile, round, runConcurrently } from './lib/stats.js';
import { generateSynthetic, GOAL_COUNTS, LANGUAGE_SETS, type SyntheticSpec } from './lib/synthetic.js';

const root = fileURLToPath(new URL('../', import.meta.url));

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    docs: { type: 'string' },
    concurrency: { type: 'string', default: '2' },
    layout: { type: 'string', default: 'official' },
    rounds: { type: 'string' },
    'cold-runs': { type: 'string' },
  },
  allowPositionals: false,
});

const quick = Boolean(args.quick);
const concurrency = Math.max(1, Number(args.concurrency));
const layout = args.layout as LayoutName;
const rounds = Math.max(1, Number(args.rounds ?? (quick ? 1 : 3)));
const longDocs = args.docs !== undefined ? Math.max(10, Number(args.docs)) : undefined;
const coldRuns = Math.max(1, Number(args['cold-runs'] ?? (quick ? 3 : 5)));

const log = (line = '') => process.stdout.write(line + '\n');

interface Doc {
  name: string;
  iep: Iep;
  lang: Language;
  goals: number;
  tree: DocumentTree;
  html: string;
  pages?: number;
  /** Pages of the raw Chromium print of the same HTML (fonts served): the same document, so the same count. */
  rawPages?: number;
}

interface PhaseResult {
  docs: number;
  wallMs: number;
  latencies: number[];
  docsPerS: number;
  p50: number;
  p95: number;
}

function phase(latencies: number[], wallMs: number): PhaseResult {
  return { docs: latencies.length, wallMs, latencies, docsPerS: latencies.length / (wallMs / 1000), p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

function merge(parts: readonly { latencies: number[]; wallMs: number }[]): PhaseResult {
  return phase(
    parts.flatMap((p) => p.latencies),
    parts.reduce((sum, p) => sum + p.wallMs, 0),
  );
}

const fmt = (p: PhaseResult) => `${round(p.docsPerS, 2)} docs/s, p50 ${Math.round(p.p50)} ms, p95 ${Math.round(p.p95)} ms (${p.docs} documents in ${round(p.wallMs / 1000, 1)} s)`;

const PDF_OPTIONS = (doc: Doc): PDFOptions => ({
  format: doc.tree.meta.page.size,
  preferCSSPageSize: true,
  printBackground: true,
  displayHeaderFooter: false,
  tagged: true,
  outline: true,
  waitForFonts: true,
});

async function main(): Promise<void> {
  const started = performance.now();
  const loadavgStart = os.loadavg();
  const work = mkdtempSync(path.join(os.tmpdir(), 'iepkit-bench-'));
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(work, { recursive: true, force: true })];
  const cleanup = async () => {
    for (const c of cleanups.splice(0).reverse()) await Promise.resolve(c()).catch(() => undefined);
  };
  process.once('SIGINT', () => {
    interrupted = true;
    void cleanup().then(() => process.exit(130));
  });

  try {
    // ---- documents -------------------------------------------------------------------------------------------
    const specs: SyntheticSpec[] = quick
      ? [
          { goals: 5, languages: ['en'] },
          { goals: 10, languages: ['en', 'es'] },
          { goals: 40, languages: ['en'] },
        ]
      : GOAL_COUNTS.flatMap((goals) => LANGUAGE_SETS.map((languages) => ({ goals, languages })));
    const synthetic = generateSynthetic(path.join(work, 'in'), specs);
    const docs: Doc[] = [];
    for (const s of synthetic) {
      for (const lang of s.spec.languages) {
        const composed = composeDocument(s.iep, { layout, lang, profile: 'ny' });
        if (!composed.document || !composed.layout) throw new Error(`${s.name} ${lang} did not compose: ${composed.diagnostics[0]?.message}`);
        docs.push({ name: `${s.name}/${lang}`, iep: s.iep, lang, goals: s.spec.goals, tree: composed.document, html: renderHtml(composed.document, { css: composed.layout.css }) });
      }
    }
    // The DOCX target is stated for a ten-page IEP: the family copy of a 15-goal IEP prints on 10 pages.
    const [tenPageIep] = generateSynthetic(path.join(work, 'ten-page'), [{ goals: 15, languages: ['en'] }]);
    const tenPageComposed = composeDocument(tenPageIep!.iep, { layout: 'family', lang: 'en', profile: 'ny' });
    const tenPage: Doc = { name: 'g15-l1/en/family', iep: tenPageIep!.iep, lang: 'en', goals: 15, tree: tenPageComposed.document!, html: '' };
    const browserFound = findBrowser();
    if (!browserFound.found) throw new Error(browserFound.diagnostic.message);

    log(`iepkit benchmark${quick ? ' (--quick)' : ''}: ${docs.length} documents (${layout} layout) from ${synthetic.length} synthetic IEPs, ` +
      `${specs.map((s) => `${s.goals} goals/${s.languages.length} lang`).join(', ')}`);
    log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${round(os.totalmem() / 1024 ** 3, 1)} GiB, Node ${process.version}, ` +
      `load average ${loadavgStart.map((l) => l.toFixed(1)).join(' ')}`);

    // ---- DOCX: one document at a time, one core --------------------------------------------------------------
    // Whole passes over the documents (so every size weighs the same) until the time is up.
    const docxMinMs = quick ? 1500 : 8000;
    // Warm-up before each timed DOCX run, as long as the run: V8 optimizes the functions run once per document only
    // after hundreds of documents (bench/lib/docx-workers.ts), and a worker that renders all day has done that.
    const docxWarmMs = quick ? 1000 : 8000;
    const docxRun = async (list: readonly Doc[], render: (doc: Doc) => Promise<void>) => {
      const w0 = performance.now();
      do for (const doc of list) await render(doc);
      while (performance.now() - w0 < docxWarmMs);
      const latencies: number[] = [];
      const t0 = performance.now();
      while (performance.now() - t0 < docxMinMs || latencies.length < list.length) {
        for (const doc of list) {
          const d0 = performance.now();
          await render(doc);
          latencies.push(performance.now() - d0);
        }
      }
      return phase(latencies, performance.now() - t0);
    };
    const docxPipeline = (lay: LayoutName) => (doc: Doc) => renderDocxJob({ iep: doc.iep, layout: lay, lang: doc.lang }, doc.name);
    const docx = await docxRun([tenPage], docxPipeline('family'));
    const docxWriter = await docxRun([tenPage], async (doc) => void (await renderDocx(doc.tree)));
    const docxOfficial = await docxRun(docs, docxPipeline(layout));
    log(`DOCX      ten-page IEP, renderIep:   ${fmt(docx)}`);
    log(`DOCX      ten-page IEP, renderDocx:  ${fmt(docxWriter)} (the composed tree to DOCX bytes only)`);
    log(`DOCX      ${layout} documents:       ${fmt(docxOfficial)}`);
    // The same ten-page document in 1 and 2 worker threads, alternating (a busy machine hits both).
    const workerRuns = await docxWorkerThroughput([{ iep: tenPage.iep, layout: 'family', lang: 'en' }], {
      workers: quick ? [1, 2] : [1, 2, 1, 2],
      durationMs: docxMinMs,
      warmMs: docxWarmMs,
    });
    const byWorkers = (n: number) => {
      const runs = workerRuns.filter((r) => r.workers === n);
      return { docsPerS: mean(runs.map((r) => r.docsPerS)), cpuCores: mean(runs.map((r) => r.cpuCores)), docsPerCpuS: mean(runs.map((r) => r.docsPerCpuS)) };
    };
    const oneWorker = byWorkers(1);
    const twoWorkers = byWorkers(2);
    log(`DOCX      ten-page IEP, 1 worker:    ${round(oneWorker.docsPerS, 1)} docs/s (${round(oneWorker.cpuCores, 2)} cores of CPU used)`);
    log(`DOCX      ten-page IEP, 2 workers:   ${round(twoWorkers.docsPerS, 1)} docs/s (${round(twoWorkers.cpuCores, 2)} cores of CPU used): ` +
      `${round(twoWorkers.docsPerS / oneWorker.docsPerS, 2)}x one; per CPU-second ${round(oneWorker.docsPerCpuS, 1)} and ${round(twoWorkers.docsPerCpuS, 1)} documents`);
    // The one-at-a-time figure on one core strictly: a process pinned to one CPU, V8's helper threads on it too.
    const oneCore = docxOnOneCore(tenPageIep!.file, { warmMs: docxWarmMs, durationMs: docxMinMs });
    if ('run' in oneCore) {
      log(`DOCX      ten-page IEP, one core:    ${round(oneCore.run.docsPerS, 1)} docs/s (renderIep in a process pinned to one CPU with taskset, ` +
        `${oneCore.run.cores.toFixed(2)} cores used; V8's helper threads share it)`);
    } else log(`DOCX      one-core run skipped: ${oneCore.skipped}`);
    // What two threads can give on this machine at all (see bench/lib/thread-scaling.ts).
    const scaling = await threadScaling(quick ? 1000 : 2000);
    log(`machine   2 threads vs 1:            ${round(scaling.computeRatio, 2)}x for arithmetic, ${round(scaling.allocateRatio, 2)}x for a loop that allocates ` +
      `(one such thread keeps ${round(scaling.allocateOneThreadCores, 2)} cores busy: V8 collects garbage on helper threads)`);
    // Pandoc on the same ten-page document's composed Markdown, one process per document (it does not compose).
    let pandoc: (PandocRun & { docsPerS: number }) | undefined;
    let pandocSkipped: string | undefined;
    const pandocFound = findPandoc();
    if (pandocFound.found) {
      const run = runPandoc(tenPageComposed.markdown!, work, docxMinMs, quick ? 5 : 20);
      pandoc = { ...run, docsPerS: run.latencies.length / (run.wallMs / 1000) };
      log(`DOCX      ten-page IEP, pandoc:      ${fmt(phase(run.latencies, run.wallMs))} (${run.version}, a process per document, ` +
        `the composed Markdown only)`);
      log(`DOCX      iepkit / pandoc:           ${round(docx.docsPerS / pandoc.docsPerS, 2)}x (iepkit composes too; pandoc converts Markdown already composed)`);
    } else {
      pandocSkipped = pandocFound.reason;
      log(`DOCX      pandoc comparison skipped: ${pandocSkipped}`);
    }

    // ---- compose: a student not seen before (the synthetic IEPs share one shape) --------------------------------
    const unseen = composeUnseen('official', quick ? 3 : 10);
    log(`compose   official IEP of a bundled student: ${round(unseen.coldMs, 1)} ms with nothing remembered, ${round(unseen.unseenMs, 1)} ms after the other three ` +
      `(${Math.round(unseen.unseenNewRunsPct)}% of its runs parsed), ${round(unseen.rememberedMs, 1)} ms remembered (medians)`);

    // ---- PDF: pipeline vs raw Chromium, alternating rounds ----------------------------------------------------
    const pool = new BrowserPool({ concurrency });
    cleanups.push(() => pool.close());
    const rawDir = mkdtempSync(path.join(work, 'raw-chromium-'));
    const raw = await puppeteer.launch({
      executablePath: browserFound.executablePath,
      headless: true,
      pipe: true,
      userDataDir: rawDir,
      args: browserArgs(pool.options.noSandbox),
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      defaultViewport: null,
    });
    cleanups.push(() => raw.close());
    const chromiumVersion = await raw.version();
    const rawPages = await Promise.all(Array.from({ length: concurrency }, () => fontServingPage(raw)));
    const noFontPages = quick ? [] : await Promise.all(Array.from({ length: concurrency }, () => raw.newPage()));

    // Memory is sampled between rounds, outside the timed runs: reading /proc/<pid>/smaps_rollup for every browser
    // process takes tens of milliseconds on a busy machine.
    const samples: MemorySample[] = [];
    const pipelineOne = async (doc: Doc) => {
      const r = await renderIep(doc.iep, { layout, lang: doc.lang, formats: ['pdf'], browserPool: pool });
      const pdf = r.outputs.find((o) => o.format === 'pdf');
      if (!pdf) throw new Error(`${doc.name}: no PDF (${r.diagnostics.find((d) => d.severity === 'error')?.message})`);
      doc.pages ??= pdfPageCount(pdf.data);
    };
    // The pipeline's print stage alone: the precomposed HTML through renderPdf (locked-down page, fonts, post-print
    // stage); with `postPrint` false, onPrinted's false skips that stage: what any speed-up of it could reach.
    const printOne = (postPrint: boolean) => async (doc: Doc) => {
      const { meta } = doc.tree;
      await renderPdf(pool, doc.html, { title: meta.title, lang: meta.lang, pageSize: meta.page.size, onPrinted: () => postPrint });
    };
    const rawOne = (pages: Page[]) => async (doc: Doc, _i: number, worker: number) => {
      const page = pages[worker]!;
      await page.setContent(doc.html, { waitUntil: 'load' });
      const pdf = await page.pdf(PDF_OPTIONS(doc));
      if (pdf.length < 1000) throw new Error(`${doc.name}: raw PDF too small`);
      if (pages === rawPages) doc.rawPages ??= pdfPageCount(pdf);
    };
    // Warm-up: launch, first pages, font files read once.
    await runConcurrently(docs.slice(0, concurrency), concurrency, async (doc) => void (await renderIep(doc.iep, { layout, lang: doc.lang, formats: ['pdf'], browserPool: pool })));
    await runConcurrently(docs.slice(0, concurrency), concurrency, rawOne(rawPages));
    if (!quick) await runConcurrently(docs.slice(0, concurrency), concurrency, rawOne(noFontPages));
    const launchMs = pool.stats.lastLaunchMs;
    const tenPagePdf = await renderIep(tenPage.iep, { layout: 'family', lang: 'en', formats: ['pdf'], browserPool: pool });
    tenPage.pages = tenPagePdf.outputs[0] ? pdfPageCount(tenPagePdf.outputs[0].data) : undefined;
    samples.push(sampleMemory(concurrency, pool.browserPid));

    type Part = { latencies: number[]; wallMs: number };
    const variants: Record<string, { parts: Part[]; run: () => Promise<Part> }> = {
      pipeline: { parts: [], run: () => runConcurrently(docs, pool.documentsInFlight, pipelineOne) },
      raw: { parts: [], run: () => runConcurrently(docs, concurrency, rawOne(rawPages)) },
      print: { parts: [], run: () => runConcurrently(docs, pool.documentsInFlight, printOne(true)) },
      printOnly: { parts: [], run: () => runConcurrently(docs, pool.documentsInFlight, printOne(false)) },
      ...(quick ? {} : { rawNoFonts: { parts: [], run: () => runConcurrently(docs, concurrency, rawOne(noFontPages)) } }),
    };
    const order = Object.keys(variants);
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < order.length; k++) {
        const name = order[(k + r) % order.length]!;
        variants[name]!.parts.push(await variants[name]!.run());
        if (name === 'pipeline') samples.push(sampleMemory(concurrency + (r + 1) * docs.length, pool.browserPid));
      }
    }
    const pdf = merge(variants.pipeline!.parts);
    const rawPdf = merge(variants.raw!.parts);
    const rawNoFonts = variants.rawNoFonts ? merge(variants.rawNoFonts.parts) : undefined;
    const print = merge(variants.print!.parts);
    const printOnly = merge(variants.printOnly!.parts);
    log(`PDF       pipeline (renderIep):      ${fmt(pdf)}`);
    log(`PDF       raw Chromium:              ${fmt(rawPdf)}`);
    log(`PDF       print stage (renderPdf):   ${fmt(print)}   ${round(print.docsPerS / rawPdf.docsPerS, 2)}x raw (lockdown and all; no compose)`);
    log(`PDF       print, no post-print:      ${fmt(printOnly)}   ${round(printOnly.docsPerS / rawPdf.docsPerS, 2)}x raw (the most a faster post-print stage could give)`);
    if (rawNoFonts) log(`PDF       raw, fonts not served:     ${fmt(rawNoFonts)}`);
    log(`PDF       pipeline / raw:            ${round(pdf.docsPerS / rawPdf.docsPerS, 2)}x`);
    const pages = docs.map((d) => d.pages ?? NaN);
    log(`          pages per document:        ${pages.join(', ')} (mean ${round(mean(pages), 1)}); ` +
      (docs.every((d) => d.rawPages === d.pages) ? 'raw Chromium printed the same page counts' : `raw Chromium printed ${docs.map((d) => d.rawPages).join(', ')}`));
    log(`DOCX      the ten-page IEP (${tenPage.name}) has ${tenPage.pages} pages as a PDF`);

    // ---- long run: memory over many documents ---------------------------------------------------------------
    let memoryRun = { docs: concurrency + rounds * docs.length, samples, docsPerS: pdf.docsPerS };
    if (longDocs !== undefined) {
      const longSamples: MemorySample[] = [];
      const every = Math.max(1, Math.floor(longDocs / 200));
      const list = Array.from({ length: longDocs }, (_, i) => docs[i % docs.length]!);
      let done = 0;
      let lastPrint = performance.now();
      const t0Long = performance.now();
      log(`long run: ${longDocs} PDFs through the pipeline (memory sampled every ${every} documents)`);
      const result = await runConcurrently(list, pool.documentsInFlight, async (doc) => {
        const r = await renderIep(doc.iep, { layout, lang: doc.lang, formats: ['pdf'], browserPool: pool });
        if (!r.outputs.some((o) => o.format === 'pdf')) throw new Error(`${doc.name}: no PDF in the long run`);
        done++;
        if (done % every === 0 || done === longDocs) longSamples.push(sampleMemory(done, pool.browserPid));
        if (performance.now() - lastPrint > 30_000) {
          lastPrint = performance.now();
          const last = longSamples.at(-1);
          log(`  ${done}/${longDocs} ${round(done / ((performance.now() - t0Long) / 1000), 2)} docs/s, node ${mib(last?.nodeRss ?? 0)} MiB, browser ${mib(last?.browser ?? 0)} MiB`);
        }
      });
      memoryRun = { docs: longDocs, samples: longSamples, docsPerS: longDocs / (result.wallMs / 1000) };
    }
    const memory = memoryGrowth(memoryRun.samples, memoryRun.docs);
    const poolStats = { ...pool.stats };
    log(`memory    over ${memoryRun.docs} pipeline PDFs: total (node RSS + browser PSS) ${mib(memory.atTenthBytes)} MiB at document ${Math.round(memoryRun.docs / 10)} -> ` +
      `${mib(memory.atEndBytes)} MiB at the end: ${round(memory.growthPct, 1)}% (node ${round(memory.nodeGrowthPct, 1)}%, browser ${round(memory.browserGrowthPct, 1)}%)`);
    log(`          peak: node ${mib(memory.peakNodeBytes)} MiB, browser ${mib(memory.peakBrowserBytes)} MiB, together ${mib(memory.peakTotalBytes)} MiB; ` +
      `pool: ${poolStats.pagesCreated} pages opened, ${poolStats.pageRecycles} page recycles, ${poolStats.browserRecycles} browser recycles, ${poolStats.launches} launches`);
    // Both browsers end before the cold runs start their own.
    await pool.close();
    await raw.close().catch(() => undefined);

    // ---- cold render of one PDF -----------------------------------------------------------------------------
    let coldError: string | undefined;
    let cold: ReturnType<typeof coldRender>;
    try {
      cold = coldRender(coldRuns, work);
    } catch (error) {
      coldError = String((error as Error).message).split('\n').slice(0, 3).join(' ');
      log(`cold      failed: ${coldError}`);
    }
    if (cold) log(`cold      iep render (student, PDF): ${cold.runs.map((ms) => Math.round(ms)).join(', ')} ms; median ${Math.round(cold.median)} ms (node + imports alone: ${Math.round(cold.startupMs)} ms)`);

    const loadavgEnd = os.loadavg();
    const summary = {
      mode: longDocs !== undefined ? 'long' : quick ? 'quick' : 'full',
      layout,
      concurrency,
      documents: docs.length,
      rounds,
      pdf_docs_per_s: round(pdf.docsPerS, 2),
      raw_chromium_docs_per_s: round(rawPdf.docsPerS, 2),
      pdf_ratio: round(pdf.docsPerS / rawPdf.docsPerS, 3),
      print_stage_docs_per_s: round(print.docsPerS, 2),
      print_stage_ratio: round(print.docsPerS / rawPdf.docsPerS, 3),
      print_without_post_print_ratio: round(printOnly.docsPerS / rawPdf.docsPerS, 3),
      ...(rawNoFonts ? { raw_chromium_no_fonts_docs_per_s: round(rawNoFonts.docsPerS, 2) } : {}),
      pdf_p50_ms: Math.round(pdf.p50),
      pdf_p95_ms: Math.round(pdf.p95),
      raw_p50_ms: Math.round(rawPdf.p50),
      raw_p95_ms: Math.round(rawPdf.p95),
      pages_mean: round(mean(pages), 1),
      // A ten-page IEP (docx_pages), renderIep with formats: ['docx'], one at a time.
      docx_docs_per_s: round(docx.docsPerS, 1),
      docx_p50_ms: round(docx.p50, 1),
      docx_p95_ms: round(docx.p95, 1),
      docx_pages: tenPage.pages ?? null,
      docx_writer_docs_per_s: round(docxWriter.docsPerS, 1),
      docx_official_docs_per_s: round(docxOfficial.docsPerS, 1),
      docx_one_core_docs_per_s: 'run' in oneCore ? round(oneCore.run.docsPerS, 1) : null,
      docx_1_worker_docs_per_s: round(oneWorker.docsPerS, 1),
      docx_2_workers_docs_per_s: round(twoWorkers.docsPerS, 1),
      docx_2_workers_ratio: round(twoWorkers.docsPerS / oneWorker.docsPerS, 2),
      docx_2_workers_cpu_cores: round(twoWorkers.cpuCores, 2),
      docx_1_worker_cpu_cores: round(oneWorker.cpuCores, 2),
      machine_2_threads_compute_ratio: round(scaling.computeRatio, 2),
      machine_2_threads_allocate_ratio: round(scaling.allocateRatio, 2),
      // Compose of a bundled student's official IEP: nothing remembered, after the other three, remembered (ms).
      compose_cold_ms: round(unseen.coldMs, 1),
      compose_unseen_ms: round(unseen.unseenMs, 1),
      compose_unseen_new_runs_pct: Math.round(unseen.unseenNewRunsPct),
      compose_remembered_ms: round(unseen.rememberedMs, 1),
      pandoc_docs_per_s: pandoc ? round(pandoc.docsPerS, 2) : null,
      docx_vs_pandoc: pandoc ? round(docx.docsPerS / pandoc.docsPerS, 2) : null,
      ...(pandoc ? { pandoc_version: pandoc.version } : { pandoc_skipped: pandocSkipped }),
      rss_growth_pct: round(memory.growthPct, 1),
      rss_growth_docs: memoryRun.docs,
      node_rss_growth_pct: round(memory.nodeGrowthPct, 1),
      browser_growth_pct: round(memory.browserGrowthPct, 1),
      peak_rss_mb: mib(memory.peakTotalBytes),
      // The kernel's high-water mark for this process (sampling can miss the peak).
      peak_node_rss_mb: mib(Math.max(memory.peakNodeBytes, process.resourceUsage().maxRSS * 1024)),
      peak_browser_mb: mib(memory.peakBrowserBytes),
      ...(longDocs !== undefined ? { long_pdf_docs_per_s: round(memoryRun.docsPerS, 2) } : {}),
      browser_launch_ms: launchMs,
      cold_render_ms: cold ? Math.round(cold.median) : null,
      cold_render_runs_ms: cold ? cold.runs.map(Math.round) : null,
      cold_node_startup_ms: cold ? Math.round(cold.startupMs) : null,
      ...(coldError ? { cold_render_error: coldError } : {}),
      machine: {
        cpus: os.cpus().length,
        cpu_model: os.cpus()[0]?.model ?? null,
        total_mem_bytes: os.totalmem(),
        total_mem_gib: round(os.totalmem() / 1024 ** 3, 1),
        platform: `${os.platform()} ${os.release()}`,
        node: process.version,
        chromium: chromiumVersion,
        loadavg_start: loadavgStart.map((l) => round(l, 2)),
        loadavg_end: loadavgEnd.map((l) => round(l, 2)),
      },
      commit: gitCommit(),
      elapsed_s: round((performance.now() - started) / 1000, 1),
      date: new Date().toISOString(),
    };
    const details = {
      summary,
      pool: poolStats,
      documents: docs.map((d) => ({ name: d.name, goals: d.goals, lang: d.lang, pages: d.pages })),
      perDocumentMedianMs: {
        ...Object.fromEntries(Object.entries(variants).map(([name, v]) => [name, summarizeBy(docs, v.parts)])),
      },
      memorySamples: downsample(memoryRun.samples, 500).map((s) => ({ doc: s.doc, node_mb: mib(s.nodeRss), browser_mb: mib(s.browser) })),
      command: `npm run bench${process.argv.slice(2).length ? ' -- ' + process.argv.slice(2).join(' ') : ''}`,
    };
    const resultsDir = path.join(root, 'bench', 'results');
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `${summary.date.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(details, null, 2) + '\n');
    log(`saved     ${path.relative(root, file)} (${round(summary.elapsed_s, 0)} s)`);
    log(JSON.stringify(summary));
  } finally {
    await cleanup();
  }
}

/** A page of the raw browser that answers the bundled fonts (and nothing else) from memory. */
async function fontServingPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    const bytes = url.startsWith(FONT_URL_PREFIX) ? readFontAsset(url) : undefined;
    // The document is about:blank's: a cross-origin font needs CORS to be used.
    if (bytes) void request.respond({ status: 200, contentType: fontAssetContentType(url), headers: { 'Access-Control-Allow-Origin': '*' }, body: bytes }).catch(() => undefined);
    else void request.continue().catch(() => undefined);
  });
  return page;
}

/** Median latency per document (the documents run in the same order every round). */
function summarizeBy(docs: readonly Doc[], parts: readonly { latencies: number[] }[]): Record<string, number> {
  return Object.fromEntries(docs.map((d, i) => [d.name, Math.round(median(parts.map((p) => p.latencies[i]!)))]));
}

function downsample<T>(list: readonly T[], max: number): T[] {
  if (list.length <= max) return [...list];
  const step = list.length / max;
  return Array.from({ length: max }, (_, i) => list[Math.floor(i * step)]!);
}

/** `node bin/iep.js render ...` from a cold start, `runs` times; and `node bin/iep.js --version` for the start-up alone. */
function coldRender(runs: number, work: string): { runs: number[]; median: number; startupMs: number } | undefined {
  if (!existsSync(path.join(root, 'dist', 'cli', 'main.js'))) {
    log('cold      skipped: dist/ is missing (run `npm run build`)');
    return undefined;
  }
  const out = path.join(work, 'cold');
  const time = (argv: string[]) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['bin/iep.js', ...argv], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`iep ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
    return ms;
  };
  const startup = median([0, 1, 2].map(() => time(['--version'])));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    rmSync(out, { recursive: true, force: true });
    times.push(time(['render', 'examples/maya-thompson.iep.yaml', '--layout', 'student', '--format', 'pdf', '--out', out]));
  }
  return { runs: times, median: median(times), startupMs: startup };
}

function gitCommit(): string | null {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Ctrl-C: the browsers are closed under the documents in flight, whose failures are not worth a stack trace. */
let interrupted = false;

main().catch((error: unknown) => {
  process.stderr.write(interrupted ? 'bench interrupted\n' : `bench failed: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exitCode = 1;
});
