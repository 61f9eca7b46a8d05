/**
 * The lockdown of a browser page: an IEP is confidential, so printing it must not reach any network or file.
 *
 * Layers, each enough alone for what it covers:
 * 1. JavaScript is off, so nothing in the document can run.
 * 2. Every request is intercepted. The document is answered from memory at https://iepkit.invalid/document.html,
 *    bundled fonts at https://iepkit.invalid/fonts/<file>, caller-given assets at https://iepkit.invalid/assets/<name>;
 *    everything else (http(s) anywhere, ws:, frames of any scheme, a second navigation) is refused and recorded.
 *    A navigation away (meta refresh, a link target) is answered 204 No Content, which leaves the document in place.
 * 3. The document is served with a Content-Security-Policy that allows only those same-origin fonts and assets,
 *    inline styles and data: images, and no frames, objects, media, scripts, forms or base URL.
 * 4. The page is offline (network emulation), and the browser is launched with a proxy that cannot be resolved
 *    (`--proxy-server` on a `.invalid` host, loopback included, every host name mapped to NOTFOUND): a request that
 *    slipped past the interceptor would still fail inside the browser.
 * file: URLs are never served: the document's origin is https, which the browser forbids from loading file: at all.
 */
import type { HTTPRequest, Page } from 'puppeteer-core';
import { readFontAsset, fontAssetContentType } from '../fonts/read-font-asset.js';
import { fontFaceCss } from '../fonts/font-face-css.js';
import { FONT_URL_PREFIX, PRIVATE_ORIGIN } from '../fonts/origin.js';
import { COLLECT_TEXT_RUNS } from './post-print/text-runs.js';

export const DOCUMENT_URL = `${PRIVATE_ORIGIN}/document.html`;
export const ASSET_URL_PREFIX = `${PRIVATE_ORIGIN}/assets/`;
const FAVICON_URL = `${PRIVATE_ORIGIN}/favicon.ico`;

export const DOCUMENT_CSP = [
  "default-src 'none'",
  `style-src 'unsafe-inline' ${PRIVATE_ORIGIN}`,
  `font-src ${PRIVATE_ORIGIN}`,
  `img-src ${PRIVATE_ORIGIN} data:`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Browser flags that make every request the interceptor did not answer fail inside the browser. */
export const NETWORK_KILL_SWITCH_ARGS = [
  '--proxy-server=http://proxy.iepkit.invalid:9',
  '--proxy-bypass-list=<-loopback>',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--dns-prefetch-disable',
];

/** A file the document may refer to as https://iepkit.invalid/assets/<name> (a district logo, a signature image). */
export interface PdfAsset {
  contentType: string;
  body: Uint8Array | string;
}

/** What one page is printing now; the page's request handler reads it. */
export interface RenderJob {
  html: string;
  assets: ReadonlyMap<string, PdfAsset | Promise<PdfAsset>>;
  csp: boolean;
  documentServed: boolean;
  /** URLs refused while this document loaded. */
  blocked: string[];
}

export interface LockedPage {
  page: Page;
  job: RenderJob | undefined;
  /**
   * Whether the document the page holds was served with the lockdown CSP (true) or without (false); undefined when
   * it holds none the next document may be written into (a fresh page, a failed or a self-refreshing document).
   */
  heldCsp?: boolean;
}

/** Locks a fresh page down and installs the request handler; `onBlocked` hears every refused URL. */
export async function lockDownPage(slot: LockedPage, onBlocked: (url: string) => void): Promise<void> {
  const { page } = slot;
  await page.setJavaScriptEnabled(false);
  await page.setCacheEnabled(false);
  await page.setOfflineMode(true);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    answer(slot, request, onBlocked).catch(() => {
      // The page moved on or closed while an asset was pending: nothing left to answer.
    });
  });
}

/**
 * A document in the Latin faces most copies print in (Noto Sans, regular, bold and italic): what a page holds before
 * its first job when it is opened ahead (BrowserPool.warm), so that the first document is written into a page
 * already at the document's origin, with those fonts decoded and DevTools' evaluation warmed up, instead of
 * navigating there itself. About a fifth of a cold `iep render` waited on these.
 */
const WARM_DOCUMENT =
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title></title><style>${fontFaceCss({ text: 'Aa', families: ['Noto Sans'] })}` +
  'body { font-family: "Noto Sans"; }</style></head><body><p>Aa <b>Aa</b> <i>Aa</i> <b><i>Aa</i></b></p></body></html>';

/** Opens the document origin in a locked-down page that holds nothing yet (see WARM_DOCUMENT). */
export async function openDocumentOrigin(slot: LockedPage, timeoutMs: number): Promise<void> {
  const { page } = slot;
  slot.job = { html: WARM_DOCUMENT, assets: new Map(), csp: true, documentServed: false, blocked: [] };
  try {
    await page.goto(DOCUMENT_URL, { waitUntil: 'load', timeout: timeoutMs });
    await page.evaluate(`document.fonts.ready.then(() => ${COLLECT_TEXT_RUNS}.length)`);
    if (page.url() === DOCUMENT_URL) slot.heldCsp = true;
  } finally {
    slot.job = undefined;
  }
}

async function answer(slot: LockedPage, request: HTTPRequest, onBlocked: (url: string) => void): Promise<void> {
  const url = request.url();
  const job = slot.job;
  const mainFrameNavigation = request.isNavigationRequest() && request.frame() === slot.page.mainFrame();

  if (url === DOCUMENT_URL && mainFrameNavigation && job && !job.documentServed) {
    job.documentServed = true;
    return request.respond({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: { 'Cache-Control': 'no-store', ...(job.csp ? { 'Content-Security-Policy': DOCUMENT_CSP } : {}) },
      body: job.html,
    });
  }
  if (job && !request.isNavigationRequest()) {
    if (url.startsWith(FONT_URL_PREFIX)) {
      const bytes = readFontAsset(url);
      if (bytes) return request.respond({ status: 200, contentType: fontAssetContentType(url), body: bytes });
    } else if (url.startsWith(ASSET_URL_PREFIX)) {
      const pending = job.assets.get(url.slice(ASSET_URL_PREFIX.length));
      if (pending) {
        const asset = await pending;
        return request.respond({ status: 200, contentType: asset.contentType, body: asset.body });
      }
    } else if (url === FAVICON_URL) {
      // The browser asks for this by itself; not the document's doing.
      return request.respond({ status: 404, body: '' });
    } else if (url.startsWith('data:') && request.resourceType() === 'image') {
      // Inline images carry their bytes with them (the browser's own media controls use these too).
      return request.continue();
    }
  }
  job?.blocked.push(url);
  onBlocked(url);
  // A 204 answer to a navigation leaves the current document where it is; aborting would show an error page.
  if (mainFrameNavigation && job?.documentServed) return request.respond({ status: 204, body: '' });
  return request.abort('blockedbyclient');
}
