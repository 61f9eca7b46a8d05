/**
 * The private origin the PDF engine serves the document and its fonts from. `.invalid` is reserved (RFC 6761) and
 * never resolves, so even a bug that let a request through could not reach a network.
 */
export const PRIVATE_ORIGIN = 'https://iepkit.invalid';
export const FONT_URL_PREFIX = `${PRIVATE_ORIGIN}/fonts/`;
/** All `@font-face` rules as one stylesheet, for HTML that links fonts instead of inlining them. */
export const FONT_CSS_URL = `${FONT_URL_PREFIX}fonts.css`;
