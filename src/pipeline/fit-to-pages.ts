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
   * post-print stage: a caller with nothing more to print closes its pool then (see renderFiles). Copies thrown away
   * skip the post-print stage.
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
    // Whether a shorter copy is printed next is known from the printed pages, before the post-print stage: a copy
    // thrown away is not made accessible, and the last one kept lets the caller close its browser.
    const next: { copy?: { limits: Record<string, number>; composed: ComposedDocument } } = {};
    const onPrinted = (printed: Buffer) => {
      const tighter = limits && pdfPageCount(printed) > 1 ? tightenLimits(limits, composed.layout!.config.shrinkOrder) : undefined;
      const shorter = tighter && composeDocument(iep, { ...options, limits: tighter });
      if (tighter && shorter?.document) {
        next.copy = { limits: tighter, composed: shorter };
        return false;
      }
      print.afterLastPrint?.();
      return true;
    };
    const pdf = await renderPdf(pool, renderHtml(doc, { css: composed.layout!.css }), { title: doc.meta.title, lang: doc.meta.lang, pageSize: doc.meta.page.size, timeoutMs: print.timeoutMs, onPrinted });
    if (!next.copy) return { composed, pdf };
    ({ limits, composed } = next.copy);
  }
}

/** One item less in the first list (in the layout's shrink order) that still has more than one item. */
function tightenLimits(limits: Record<string, number>, order: readonly string[] | undefined): Record<string, number> | undefined {
  for (const key of order ?? Object.keys(limits)) {
    if ((limits[key] ?? 0) > 1) return { ...limits, [key]: limits[key]! - 1 };
  }
  return undefined;
}
