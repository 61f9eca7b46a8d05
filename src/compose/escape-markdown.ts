/**
 * Makes data text inert in Markdown: every ASCII punctuation character is backslash-escaped (CommonMark allows
 * escaping any of them), so data can never become a heading, list, link, image, HTML, autolink, table cell break
 * or directive. Leading indentation is dropped so a line can never become a code block.
 *
 * Control characters, bidi overrides and the other characters that hide or reorder text are removed first, by the
 * one sanitiser for data text (src/model/sanitize-text.ts).
 *
 * Hand-written because it is one line of logic tied to our Markdown dialect (GFM + directives); the
 * libraries that "escape Markdown" escape a fixed subset and miss directives and GFM autolinks.
 */
import { sanitizeText } from '../model/sanitize-text.js';

const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/** Escapes one paragraph of text for an inline position (a table cell, a list item, a heading). */
export function escapeInline(text: string): string {
  const clean = sanitizeText(text);
  // Most values are one line: no need to split them (this runs for every value of every document).
  const oneLine = clean.includes('\n')
    ? clean
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join(' ')
    : clean.trim();
  return oneLine.replace(PUNCTUATION, '\\$&');
}

/** Splits text into paragraphs at blank lines; each paragraph becomes one line of inert Markdown. */
export function paragraphs(text: string): string[] {
  return sanitizeText(text)
    .split(/\n[ \t]*\n/)
    .map(escapeInline)
    .filter(Boolean);
}

/** Escapes a value for a directive attribute written as `key="value"` (remark-directive decodes references). */
export function escapeAttribute(text: string): string {
  return sanitizeText(text, { lines: 'join' }).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
