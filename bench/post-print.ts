/**
 * The PDF post-print stage alone (makePdfAccessible: parse Chromium's tagged PDF, mark artifacts, fix the structure
 * tree, write PDF/UA metadata, save): Node CPU per document and per page. Prints figures, asserts nothing.
 *
 *   npx tsx bench/post-print.ts                      prints its documents first (not timed), then measures
 *   npx tsx bench/post-print.ts --save <dir>         the same, and keeps the printed PDFs with their inputs in <dir>
 *   npx tsx bench/post-print.ts --fixtures <dir>     measures PDFs kept with --save (no browser needed)
 *
 * Options: --rounds <n> (default 5; the median of the rounds is a document's figure), --quick (the 10- and 40-goal
 * official English IEPs only). Documents: synthetic IEPs (bench/lib/synthetic.ts, 5-40 goals) in the official,
 * family and student layouts, in English, Spanish and Arabic.
 *
 * The raw PDF (before post-print) is printed here the way render-pdf.ts prints it, with the same inputs
 * (title, lang, text runs, headings), because renderPdf returns only the finished file. CPU is process.cpuUsage
 * around each call (user + system, GC included), which the other processes on the machine disturb less than the
 * wall clock.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { composeDocument } from '../src/compose/compose-document.js';
import type { LayoutName } from '../src/load/load-layout.js';
import type { Language } from '../src/model/languages.js';
import { renderHtml } from '../src/render/html/render-html.js';
import { BrowserPool } from '../src/render/pdf/index.js';
import { printOnce } from '../src/render/pdf/render-pdf.js';
import type { PageSize } from '../src/model/document.js';
import { makePdfAccessible, type AccessibilityInput } from '../src/render/pdf/post-print/make-pdf-accessible.js';
import { PdfDocument } from '../src/render/pdf/post-print/pdf-document.js';
import { generateSynthetic } from './lib/synthetic.js';
import { median, percentile } from './lib/stats.js';

interface Fixture {
  name: string;
  pdf: Buffer;
  input: AccessibilityInput;
}

const { values: args } = parseArgs({
  options: {
    fixtures: { type: 'string' },
    save: { type: 'string' },
    rounds: { type: 'string', default: '5' },
    quick: { type: 'boolean', default: false },
  },
});
const rounds = Math.max(1, Number(args.rounds));

const fixtures = args.fixtures ? readFixtures(args.fixtures) : await printFixtures(args.quick);
if (args.save) saveFixtures(args.save, fixtures);

function readFixtures(dir: string): Fixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -4);
      return { name, pdf: readFileSync(path.join(dir, f)), input: JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as AccessibilityInput };
    });
}

function saveFixtures(dir: string, list: readonly Fixture[]): void {
  mkdirSync(dir, { recursive: true });
  for (const f of list) {
    writeFileSync(path.join(dir, `${f.name}.pdf`), f.pdf);
    writeFileSync(path.join(dir, `${f.name}.json`), JSON.stringify(f.input));
  }
}

async function printFixtures(quick: boolean): Promise<Fixture[]> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'iepkit-bench-postprint-'));
  const pool = new BrowserPool({ concurrency: 1 });
  const out: Fixture[] = [];
  try {
    const goals = quick ? [10, 40] : [5, 10, 20, 40];
    const records = generateSynthetic(work, goals.map((g) => ({ goals: g, languages: ['en', 'es', 'ar'] })));
    const layouts: LayoutName[] = quick ? ['official'] : ['official', 'family', 'student'];
    const langs: Language[] = quick ? ['en'] : ['en', 'es', 'ar'];
    for (const record of records) {
      for (const layout of layouts) {
        for (const lang of langs) {
          const composed = composeDocument(record.iep, { layout, lang, profile: 'ny' });
          if (!composed.document) continue;
          const html = renderHtml(composed.document, { css: composed.layout!.css });
          const { pdf, input } = await printRaw(pool, html, composed.document.meta);
          out.push({ name: `g${record.spec.goals}-${layout}-${lang}`, pdf, input });
        }
      }
    }
  } finally {
    await pool.close();
    rmSync(work, { recursive: true, force: true });
  }
  return out;
}

/** The PDF Chromium prints, as renderPdf prints it, before the post-print stage. */
function printRaw(pool: BrowserPool, html: string, meta: { title: string; lang: string; page: { size?: PageSize } }): Promise<{ pdf: Buffer; input: AccessibilityInput }> {
  return pool.withPage((slot) => printOnce(slot, html, { title: meta.title, lang: meta.lang, pageSize: meta.page.size }));
}

function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const pages = fixtures.map((f) => PdfDocument.open(f.pdf)?.pageRefs().length ?? 0);
// One warm-up pass (JIT), then the rounds over all documents in turn.
for (const f of fixtures) makePdfAccessible(f.pdf, f.input);
const samples = fixtures.map(() => [] as number[]);
for (let round = 0; round < rounds; round++) {
  fixtures.forEach((f, i) => samples[i]!.push(cpuMs(() => makePdfAccessible(f.pdf, f.input))));
}

const perDocument = samples.map(median);
const perPage = perDocument.map((ms, i) => ms / Math.max(1, pages[i]!));
console.log(`${'document'.padEnd(40)} ${'pages'.padStart(5)} ${'ms CPU'.padStart(8)} ${'ms/page'.padStart(8)}`);
fixtures.forEach((f, i) => {
  console.log(`${f.name.padEnd(40)} ${String(pages[i]).padStart(5)} ${perDocument[i]!.toFixed(1).padStart(8)} ${perPage[i]!.toFixed(2).padStart(8)}`);
});
const total = perDocument.reduce((a, b) => a + b, 0);
const totalPages = pages.reduce((a, b) => a + b, 0);
console.log(
  `\n${fixtures.length} documents, ${totalPages} pages, median of ${rounds} rounds\n` +
    `per document: p50 ${median(perDocument).toFixed(1)} ms  p95 ${percentile(perDocument, 95).toFixed(1)} ms  total ${total.toFixed(0)} ms\n` +
    `per page:     p50 ${median(perPage).toFixed(2)} ms  p95 ${percentile(perPage, 95).toFixed(2)} ms  overall ${(total / totalPages).toFixed(2)} ms`,
);
