/**
 * The one sanitiser for text that comes from data. Every data text that reaches a document passes through it, wherever
 * it goes (body, table, header, title, document properties, directive attributes, bookmarks): compose calls it when it
 * makes data inert Markdown (src/compose/escape-markdown.ts) and when it builds the document's metadata; the DOCX
 * core properties, written as raw XML, call it again so a caller's own tree cannot break the XML. Validation reports
 * the same characters (`invisible-character`) with their line and column, so the author knows what was dropped.
 *
 * What it does, and why:
 * - C0 and C1 control characters (U+0000-U+001F, U+007F-U+009F) are removed, except tab and line feed where a block
 *   allows them: they print nothing, XML 1.0 forbids most of them (a U+0001 in docProps/core.xml made the DOCX
 *   unreadable), and ESC starts terminal escape sequences. Line breaks in other forms (CR LF, CR, and the vertical
 *   tab, form feed and NEL that Word and old systems write for a manual line break, U+2028, U+2029) become a line
 *   feed, so "first\vsecond" stays two words.
 * - Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) are removed: they make the text shown
 *   differ from the text stored (a U+202E in a first name printed the rest of the header, the student ID included,
 *   backwards). The renderers give each paragraph its direction from the document language, and the Unicode bidi
 *   algorithm orders natural text without them.
 * - Characters that hide text or change how other characters look are removed: the deprecated format controls
 *   (U+206A-U+206F: symmetric swapping, Arabic form shaping, digit shapes), the interlinear annotation controls
 *   (U+FFF9-U+FFFB, whose annotation some programs do not show), tag characters (U+E0000-U+E007F, invisible letters
 *   that can carry a hidden message), U+FEFF inside text, the noncharacters U+FFFE and U+FFFF and lone surrogates
 *   (XML forbids both).
 *
 * What it keeps, and why: zero width joiner and non-joiner (U+200D, U+200C) are part of Bengali, Urdu, Arabic and
 * Persian spelling and of emoji; the left-to-right, right-to-left and Arabic letter marks (U+200E, U+200F, U+061C)
 * are how Arabic and Urdu text places punctuation and numbers correctly. A mark acts like one invisible letter of its
 * direction: it can move neutral characters next to it, as any Arabic letter would, but cannot reverse a word or
 * reach past the paragraph (as overrides and embeddings do). Zero width space, word joiner and soft hyphen only
 * allow or forbid a line break; variation selectors choose a glyph. None of these hides or reorders text.
 */

/** Line breaks written another way than a line feed. */
const LINE_BREAKS = /\r\n?|[\v\f\u0085\u2028\u2029]/g;

/** Characters removed from data text (line breaks are converted before, tab and line feed are kept). */
const REMOVED = /[\0-\x08\x0E-\x1F\x7F-\x84\x86-\x9F\u202A-\u202E\u2066-\u206F\uFEFF\uFFF9-\uFFFB\uFFFE\uFFFF\u{E0000}-\u{E007F}\uD800-\uDFFF]/gu;

/** Every character the sanitiser changes: what validation reports. Tab, line feed, CR, U+2028/U+2029 are ordinary. */
const REPORTED = /[\0-\x08\v\f\x0E-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u206F\uFEFF\uFFF9-\uFFFB\uFFFE\uFFFF\u{E0000}-\u{E007F}\uD800-\uDFFF]/gu;

export interface SanitizeOptions {
  /**
   * `keep` (default): line feeds and tabs stay, for blocks that split paragraphs. `join`: the text becomes one line,
   * each line break or tab (with the spaces around it) one space, for headers, titles, properties and attributes.
   */
  lines?: 'keep' | 'join';
}

/** Data text made safe to print: see the file comment for what is removed and what is kept. */
export function sanitizeText(text: string, options: SanitizeOptions = {}): string {
  const clean = text.replace(LINE_BREAKS, '\n').replace(REMOVED, '');
  return options.lines === 'join' ? clean.replace(/[ \t]*[\n\t][ \t\n]*/g, ' ').trim() : clean;
}

export interface UnsafeCharacter {
  /** Index of the character in the text (UTF-16 code units, as JavaScript counts). */
  index: number;
  codePoint: number;
}

/** The characters sanitizeText would remove or turn into a line break, in order. */
export function findUnsafeCharacters(text: string): UnsafeCharacter[] {
  return [...text.matchAll(REPORTED)].map((m) => ({ index: m.index, codePoint: m[0].codePointAt(0)! }));
}

/** Whether sanitizeText changes this character (other than the ordinary line breaks it normalises). */
export function isUnsafeCodePoint(codePoint: number): boolean {
  REPORTED.lastIndex = 0;
  return REPORTED.test(String.fromCodePoint(codePoint));
}

const NAMES: Record<number, string> = {
  0x0b: 'LINE TABULATION',
  0x0c: 'FORM FEED',
  0x1b: 'ESCAPE',
  0x85: 'NEXT LINE',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/** `U+202E RIGHT-TO-LEFT OVERRIDE`, `U+0001 control character`: for messages. */
export function describeCodePoint(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const name =
    NAMES[codePoint] ??
    (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)
      ? 'control character'
      : codePoint >= 0xe0000
        ? 'tag character'
        : codePoint >= 0xd800 && codePoint <= 0xdfff
          ? 'lone surrogate'
          : 'invisible format character');
  return `${hex} ${name}`;
}
