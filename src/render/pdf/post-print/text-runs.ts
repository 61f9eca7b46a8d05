/**
 * The document's text as the browser laid it out, read from the page just before printing: one run per rendered
 * text node, in document order (the order of Chromium's structure tree), with its language. The post-print stage
 * aligns these with the tagged text to give right-to-left and complex-script text its logical order (ActualText)
 * and passages in another language their /Lang.
 */
export interface TextRun {
  /** The node's text, white space collapsed as rendered, in logical order. */
  text: string;
  /** The nearest `lang` attribute's value ('' when none). */
  lang: string;
}

/**
 * Evaluated in the page through DevTools (works with the page's JavaScript off); returns TextRun[]. Text that is
 * not rendered (display: none, empty) is skipped, as Chromium's accessibility tree skips it.
 */
export const COLLECT_TEXT_RUNS = `(() => {
  const runs = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data.replace(/\\s+/g, ' ').trim();
    if (!text || !node.parentElement) continue;
    range.selectNodeContents(node);
    if (range.getClientRects().length === 0) continue;
    const holder = node.parentElement.closest('[lang]');
    runs.push({ text, lang: holder ? holder.getAttribute('lang') || '' : '' });
  }
  return runs;
})()`;
