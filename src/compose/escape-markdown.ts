/**
 * Makes data text inert in Markdown: every ASCII punctuation character is backslash-escaped (CommonMark allows
 * escaping any of them), so data can never become a heading, list, link, image, HTML, autolink, table cell break
 * or directive. Leading indentation is dropped so a line can never become a code block.
 *
 * Hand-written because it is one line of logic tied to our Markdown dialect (GFM + directives); the
 * libraries that "escape Markdown" escape a fixed subset and miss directives and GFM autolinks.
 */
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/** Bidi embedding/override/isolate controls: they could visually reorder text in a legal document. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Escapes one paragraph of text for an inline position (a table cell, a list item, a heading). */
export function escapeInline(text: string): string {
  return text
    .replace(BIDI_CONTROLS, '')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ')
    .replace(PUNCTUATION, '\\$&');
}

/** Splits text into paragraphs at blank lines; each paragraph becomes one line of inert Markdown. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map(escapeInline)
    .filter(Boolean);
}

/** Escapes a value for a directive attribute written as `key="value"` (remark-directive decodes references). */
export function escapeAttribute(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
