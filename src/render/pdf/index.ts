/**
 * The PDF engine: HTML -> PDF with headless Chromium, the only code in iepkit that touches a browser.
 *
 *   const pool = new BrowserPool({ concurrency: 2 });
 *   try { const pdf = await renderPdf(pool, html, { timeoutMs: 30_000 }); } finally { await pool.close(); }
 *
 * The HTML includes `pageChromeCss(...)` (paper, header, "Page X of Y", watermark, break rules) and
 * `fontFaceCss(...)` from src/render/fonts, whose font URLs the engine serves from the bundled fonts.
 */
export { BrowserPool, browserArgs } from './browser-pool.js';
export type { BrowserPoolOptions, BrowserPoolStats, PooledPage } from './browser-pool.js';
export { findBrowser, knownBrowserLocations, INSTALL_HINT } from './find-browser.js';
export type { BrowserSource, FindBrowserOptions, FindBrowserResult } from './find-browser.js';
export { renderPdf, renderPdfWithReport } from './render-pdf.js';
export type { PdfRenderResult, RenderPdfOptions } from './render-pdf.js';
export { pageChromeCss, pageCounterContent, cssString } from './page-css.js';
export type { PageChromeOptions } from './page-css.js';
export { ASSET_URL_PREFIX, DOCUMENT_CSP, DOCUMENT_URL } from './lockdown.js';
export type { PdfAsset } from './lockdown.js';
export { PdfRenderError } from './pdf-render-error.js';
export { fixOutlineTitles, readOutlineTitles } from './post-print/outline-titles.js';
export { makePdfAccessible } from './post-print/make-pdf-accessible.js';
export type { AccessibilityInput, AccessibilityReport } from './post-print/make-pdf-accessible.js';
