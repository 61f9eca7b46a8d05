import type { Iep } from '../model/iep.js';
import { composeDocument, type ComposedDocument, type ComposeOptions } from '../compose/compose-document.js';
import { renderHtml } from '../render/html/render-html.js';
import type { BrowserPool } from '../render/pdf/browser-pool.js';
import { pdfPageCount } from '../render/pdf/page-count.js';
import { renderPdf } from '../render/pdf/render-pdf.js';

/** How fitToPages prints. */
export interface PrintOptions {
  /** Per-document PDF timeout in ms. */
  timeoutMs?: number;
  /**
   * Called once the browser has printed the copy that is kept (it fits, or cannot be shortened), before that copy's
   * post-print stage: a caller with nothing more to print closes its pool then (see renderFiles).
   */
  afterLastPrint?: () => void;
}

/**
 * Prints the PDF. A one-page layout (front matter `limits`) that still overflows is shortened further, one item
 * at a time in the layout's `shrinkOrder`, and printed again; the other formats are then written from that same
 * final tree, so DOCX and PDF always say the same thing. Throws PdfRenderError when the browser cannot print.
 */
export async function fitToPages(
  iep: Iep,
  options: ComposeOptions,
  first: ComposedDocument,
  pool: BrowserPool,
  print: PrintOptions = {},
): Promise<{ composed: ComposedDocument; pdf: Buffer }> {
  let composed = first;
  let limits = first.layout!.config.limits;
  for (;;) {
    const doc = composed.document!;
    // Whether another, shorter copy is needed is known from the printed pages, before the post-print stage.
    const next: { limits?: Record<string, number> } = {};
    const onPrinted = (printed: Buffer) => {
      next.limits = limits && pdfPageCount(printed) > 1 ? tightenLimits(limits, composed.layout!.config.shrinkOrder) : undefined;
      if (!next.limits) print.afterLastPrint?.();
    };
    const pdf = await renderPdf(pool, renderHtml(doc, { css: composed.layout!.css }), { title: doc.meta.title, lang: doc.meta.lang, pageSize: doc.meta.page.size, timeoutMs: print.timeoutMs, onPrinted });
    const tighter = next.limits;
    if (!tighter) return { composed, pdf };
    limits = tighter;
    const shorter = composeDocument(iep, { ...options, limits });
    if (!shorter.document) return { composed, pdf };
    composed = shorter;
  }
}

/** One item less in the first list (in the layout's shrink order) that still has more than one item. */
function tightenLimits(limits: Record<string, number>, order: readonly string[] | undefined): Record<string, number> | undefined {
  for (const key of order ?? Object.keys(limits)) {
    if ((limits[key] ?? 0) > 1) return { ...limits, [key]: limits[key]! - 1 };
  }
  return undefined;
}
