/**
 * Text that YAML split because it was written without quotes: a colon and a space inside it (`en: Note: see the
 * plan`), or a translation written on its field's line (`summary: en: Reads well`). The yaml library calls both a
 * nested or block mapping where none may be; the person needs to hear which line to type instead.
 */
import { isLanguage } from '../model/languages.js';

/** The yaml library's codes for a `key: value` found inside a plain value. */
const SPLIT_CODES = new Set(['BLOCK_AS_IMPLICIT_KEY', 'BLOCK_IN_FLOW']);

/** `title: ` (or `- title: `, or `{ en: `) just before the value: the field the text belongs to. */
const KEY_BEFORE = /([^\s:{},#"'[\]-][^:{},#"'[\]]*?):\s+$/;

export interface UnquotedText {
  message: string;
  hint: string;
}

/**
 * What went wrong and what to type, for a yaml error with `code` found at `start`..`end` of `text`; undefined when
 * the error is not text split at a colon (then the parser's own message stands).
 */
export function unquotedText(text: string, code: string, start: number, end: number): UnquotedText | undefined {
  if (!SPLIT_CODES.has(code)) return undefined;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start);
  const key = KEY_BEFORE.exec(text.slice(lineStart, start))?.[1]?.trim();
  if (key === undefined) return undefined;
  // In a block mapping the value runs to the end of the line; in a { } mapping the parser gives its end.
  const raw = code === 'BLOCK_IN_FLOW' ? text.slice(start, end) : text.slice(start, lineEnd);
  const value = raw.replace(/\s+#.*$/, '').trim();
  // The part before the colon: any text (apostrophes too: "Ana's wish: ...") that does not open a quote or collection.
  const inner = /^([^:#{}[\],"'][^:#{}[\],]*?):\s+(.*)$/.exec(value);
  if (!inner) return undefined;
  const [, first, rest] = inner;
  if (isLanguage(first!) && !isLanguage(key)) {
    return {
      message: `${key}: has its ${first} text on the same line; YAML cannot read a translation written there`,
      hint: `write \`${key}:\` alone on its line and \`${first}: ${rest}\` on the next line, indented two more spaces; if "${value}" is all one text, put it in double quotes: ${key}: ${JSON.stringify(value)}`,
    };
  }
  return {
    message: `the text of ${key} has a colon followed by a space ("${first}: ..."), so YAML reads "${first}" as the name of a field`,
    hint: `put the text in double quotes: ${key}: ${JSON.stringify(value)}`,
  };
}
