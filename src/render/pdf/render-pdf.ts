/**
 * HTML -> PDF in a locked-down page of the pool: tagged (PDF/UA structure from the HTML), with a bookmark outline
 * from the headings, the paper size and margins from the HTML's @page rules, title and language in the metadata,
 * then made PDF/UA-1 conformant by the post-print stage (./post-print).
 *
 * A document that fails to print (browser crash, a page that never finishes, the per-document timeout) is retried
 * once on a healthy page, in a fresh browser if the old one is gone or stopped answering; a second failure is a
 * `render-failed` PdfRenderError. What follows the print (`onPrinted`, the post-print stage) is not retried: an
 * error there is thrown as it is.
 */
import type { PageSize } from '../../model/document.js';
import { withTimeout, type BrowserPool, type PooledPage } from './browser-pool.js';
import { DOCUMENT_URL, type PdfAsset, type RenderJob } from './lockdown.js';
import { makePdfAccessibleInTurns, type AccessibilityInput } from './post-print/make-pdf-accessible.js';
import { COLLECT_TEXT_RUNS, type TextRun } from './post-print/text-runs.js';
import { PdfRenderError } from './pdf-render-error.js';

export interface RenderPdfOptions {
  /** Paper when the HTML's @page rules name no size (the page chrome CSS always does). Default letter. */
  pageSize?: PageSize;
  /** Per-document limit for one attempt, in ms (default 30000). */
  timeoutMs?: number;
  /** Document title for the PDF metadata; replaces the HTML's <title> when given. */
  title?: string;
  /** Document language (BCP 47) for the PDF metadata; replaces <html lang> when given. */
  lang?: string;
  /** Files the HTML may load from https://iepkit.invalid/assets/<name>. A promise is awaited when requested. */
  assets?: Readonly<Record<string, PdfAsset | Promise<PdfAsset>>>;
  /**
   * Serve the document with the lockdown Content-Security-Policy (default true). Off, the request interceptor and
   * the browser's dead proxy are the only guards; tests turn it off to prove those alone hold.
   */
  csp?: boolean;
  /**
   * Called with Chromium's PDF as soon as the browser has printed it, before the post-print stage (which does not
   * use the browser): a caller that has nothing more to print may close its pool here (see fitToPages). `false`
   * says this copy will be thrown away (a shorter one is printed next): the post-print stage is skipped and the PDF
   * comes back as Chromium printed it.
   */
  onPrinted?: (printed: Buffer) => boolean | void;
}

export interface PdfRenderResult {
  pdf: Buffer;
  /** 1, or 2 when the first attempt failed. */
  attempts: number;
  /** Requests the lockdown refused, in the order they were made (every attempt). */
  blockedRequests: string[];
  durationMs: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const HTTP_EQUIV = /http-equiv/i;

export async function renderPdf(pool: BrowserPool, html: string, options: RenderPdfOptions = {}): Promise<Buffer> {
  return (await renderPdfWithReport(pool, html, options)).pdf;
}

export async function renderPdfWithReport(pool: BrowserPool, html: string, options: RenderPdfOptions = {}): Promise<PdfRenderResult> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const assets = new Map(Object.entries(options.assets ?? {}));
  const blocked: string[] = [];
  const failures: string[] = [];
  let lastError: unknown;
  for (let attempt = 1; attempt <= 2; attempt++) {
    let printed: Awaited<ReturnType<typeof printOnce>>;
    try {
      printed = await pool.withPage(async (page) => {
        try {
          return await printOnce(page, html, options, assets, timeoutMs, blocked);
        } catch (error) {
          await pool.recover(page);
          throw error;
        }
      });
    } catch (error) {
      // No browser, or one that cannot start: retrying would only repeat the same message.
      if (error instanceof PdfRenderError && error.code !== 'render-failed') throw error;
      lastError = error;
      failures.push(describeFailure(error, timeoutMs));
      pool.stats.failedAttempts++;
      if (pool.closed) break;
      continue;
    }
    // After the page is given back, so the next document prints while this one is made accessible. Outside the
    // retry: an error from here on (the caller's onPrinted, the post-print stage) is not the browser's; printing
    // again would only repeat it, and calling it a failed print would send a person looking in the wrong place.
    const kept = options.onPrinted?.(printed.pdf) !== false;
    const pdf = kept ? (await makePdfAccessibleInTurns(printed.pdf, printed.input)).pdf : printed.pdf;
    return { pdf, attempts: attempt, blockedRequests: blocked, durationMs: Math.round(performance.now() - started) };
  }
  throw new PdfRenderError(
    {
      code: 'render-failed',
      severity: 'error',
      message: `the PDF could not be printed (${failures.join('; then ')})`,
      hint:
        failures.some((f) => f.includes('did not finish'))
          ? // No command offers more time: say what a person can do (validation bounds every text, so a record that
            // passes it prints well within the limit on a machine that is not overloaded).
            `printing took longer than ${timeoutMs / 1000} s; run \`iep validate\` on the record (it refuses texts too long to print), then run again with fewer documents at once (\`iep batch --concurrency 1\`); if a record that validates keeps failing, report it`
          : 'run again; if it keeps failing, check that the browser runs by itself and that the machine has free memory',
    },
    { cause: lastError },
  );
}

/** Chromium's tagged PDF of `html` in one page and what the post-print stage needs: one attempt, no post-print. */
export async function printOnce(
  slot: PooledPage,
  html: string,
  options: RenderPdfOptions,
  assets: ReadonlyMap<string, PdfAsset | Promise<PdfAsset>> = new Map(),
  timeoutMs = DEFAULT_TIMEOUT_MS,
  blocked: string[] = [],
): Promise<{ pdf: Buffer; input: AccessibilityInput }> {
  const job: RenderJob = { html, assets, csp: options.csp ?? true, documentServed: false, blocked: [] };
  slot.job = job;
  const { page } = slot;
  const deadline = Date.now() + timeoutMs;
  const remaining = () => Math.max(1, deadline - Date.now());
  const work = (async () => {
    // `load`, not network idle: with everything answered from memory there is nothing to wait for afterwards.
    if (slot.heldCsp === job.csp && page.url() === DOCUMENT_URL) {
      // The page holds an earlier document from the interceptor, served with the same policy: this one is written
      // into it (document.open, as page.setContent does), and keeps its origin, CSP and already decoded fonts. A
      // navigation per document cost the browser about twice the CPU of printing it.
      job.documentServed = true;
      await page.setContent(html, { waitUntil: 'load', timeout: remaining() });
    } else {
      slot.heldCsp = undefined;
      await page.goto(DOCUMENT_URL, { waitUntil: 'load', timeout: remaining() });
    }
    // A document that sets its own policies or a refresh (http-equiv) leaves them behind: the next one navigates.
    slot.heldCsp = HTTP_EQUIV.test(html) ? undefined : job.csp;
    // DevTools evaluation still works with the page's JavaScript switched off.
    const set = [
      options.title !== undefined ? `document.title = ${JSON.stringify(options.title)};` : '',
      options.lang !== undefined ? `document.documentElement.lang = ${JSON.stringify(options.lang)};` : '',
    ];
    const { title, lang, runs, headings } = (await page.evaluate(
      `(() => { ${set.join(' ')} return { title: document.title, lang: document.documentElement.lang, ` +
        `headings: Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'), (h) => h.innerText), runs: ${COLLECT_TEXT_RUNS} }; })()`,
    )) as { title: string; lang: string; runs: TextRun[]; headings: string[] };
    if (page.url() !== DOCUMENT_URL) throw new Error(`the page navigated away to ${page.url()}`);
    const pdf = await page.pdf({
      format: options.pageSize ?? 'letter',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: false,
      tagged: true,
      outline: true,
      // Waits for document.fonts.ready (evaluated through DevTools, so it works with JavaScript off).
      waitForFonts: true,
      timeout: remaining(),
    });
    return { pdf: Buffer.from(pdf), input: { title, lang: lang || 'en', runs, headings } };
  })();
  work.catch(() => undefined);
  try {
    return await withTimeout(work, timeoutMs, `did not finish within ${timeoutMs} ms`);
  } finally {
    blocked.push(...job.blocked);
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const message = String((error as Error)?.message ?? error).split('\n')[0] ?? '';
  if (/did not finish|timeout|timed out/i.test(message)) return `did not finish within ${timeoutMs} ms`;
  if (/Target closed|Session closed|Connection closed|disconnected|crash|Protocol error/i.test(message)) return `the browser went away (${message})`;
  return message;
}
