/**
 * Data text kept out of the Markdown parser. Escaped data is most of an IEP's Markdown and every backslash escape is
 * a token to micromark, so parsing it dominated composing. The view model therefore writes each data value as a short
 * placeholder (private-use characters around an index) between a stand-in for its first and one for its last
 * character; the parser sees template structure and placeholders only, and the placeholders in the tree's text nodes
 * are then replaced by the data text. Data can never become Markdown syntax this way: a value is never parsed at all.
 *
 * The stand-ins keep the tree the one the escaped Markdown gives. micromark looks at the characters next to template
 * syntax only by their class (emphasis and strikethrough flanking: whitespace, punctuation or other; escapes: a
 * backslash and a punctuation mark), so a value's first and last characters are written as one character of the same
 * class and length: `\!` for an escape, `¡` for other punctuation, U+E002 for anything else. Where a character
 * matters as itself they stay as they are: a surrogate pair, and an escaped `~` last (emphasis can close after the
 * strikethrough marker). A value a construct reads by its letters or digits is not held: a number at the start (an
 * ordered list's "2024." when the template writes the dot), and one after `:`, `&`, `#`, `<` or `\` in the template
 * (a directive's name, a character reference, HTML, an escape) is written in full where the Markdown is parsed
 * (held-blocks.ts).
 *
 * The Markdown with placeholders therefore no longer depends on the data, only on the templates, the labels and the
 * shape of the record: its blocks are parsed once and remembered (held-blocks.ts). Positions are mapped back to the
 * escaped Markdown. Wherever the same tree cannot be shown (a placeholder outside a text node, a tab on the line),
 * the escaped Markdown is parsed as it always was.
 */
import { classifyCharacter } from 'micromark-util-classify-character';
import { readPrivateUseDigits, writePrivateUseDigits } from '../model/private-use-digits.js';

const OPEN = '\uE000';
const CLOSE = '\uE001';
/** The stand-in for a first or last character that is neither whitespace nor punctuation. */
const OTHER = '\uE002';
/** The stand-in for a first or last character that is (non-ASCII) punctuation. */
const PUNCTUATION_STAND_IN = '\u00A1';
/** The stand-in for an escape (a backslash and an ASCII punctuation mark). */
const ESCAPE_STAND_IN = '\\!';
/** Index digits (base 16), private use too. */
const DIGIT_BASE = 0xe010;
/** A placeholder; group 1 holds the index digits. */
export const PLACEHOLDER = /\uE000([\uE010-\uE01F]+)\uE001/g;
/** Every character placeholders and stand-ins are made of: data holding one cannot be held. */
const RESERVED = /[\uE000-\uE01F]/;
/** An ASCII punctuation character: in escaped text always the second half of a backslash escape. */
const PUNCTUATION = /[!-/:-@[-`{-~]/;
const ESCAPE = /\\([!-/:-@[-`{-~])/g;
/** A number at the start that an ordered list could read ("2024" with the template's "." after it, or "12\."). */
const NUMBER_START = /^[0-9]{1,9}(?:\\|$)/;

/** One held value. */
export interface HeldValue {
  /** The value as escaped Markdown, in full. */
  readonly escaped: string;
  /** The value as text, as the parser would have decoded it. */
  readonly text: string;
  /** Code units of the stand-in before the placeholder and after it (the same as the escaped value's own). */
  readonly headLength: number;
  readonly tailLength: number;
  /** What the parser decodes the stand-ins to, around the placeholder in a text node. */
  readonly headText: string;
  readonly tailText: string;
  /** Held in a directive attribute's quoted value (holdAttribute), where only the placeholder stands for it. */
  readonly attribute?: boolean;
}

/** An attribute value holdAttribute holds: nothing a quoted directive attribute reads as other than itself. */
const PLAIN_ATTRIBUTE = /^[^"&\r\n]+$/;

export class HeldText {
  readonly values: HeldValue[] = [];
  /** Attribute values held, by value: the same value gets the same placeholder, so held values compare as the data. */
  private readonly attributes = new Map<string, string>();
  /** Data held a character placeholders are made of: compose builds the view model again without holding. */
  poisoned = false;

  /** Escaped inline text (escapeInline) as it goes into the Markdown: stand-ins around a placeholder. */
  hold(escaped: string): string {
    if (RESERVED.test(escaped)) {
      this.poisoned = true;
      return escaped;
    }
    // A tab's column depends on where it is on the line: positions could not be mapped back.
    if (escaped.includes('\t') || NUMBER_START.test(escaped)) return escaped;
    const head = standIn(escaped, 'head');
    const tail = standIn(escaped, 'tail');
    if (head.length + tail.length > escaped.length) return escaped;
    const index = this.values.length;
    this.values.push({
      escaped,
      text: escaped.replace(ESCAPE, '$1'),
      headLength: head.length,
      tailLength: tail.length,
      headText: head.replace(ESCAPE, '$1'),
      tailText: tail.replace(ESCAPE, '$1'),
    });
    return head + encode(index) + tail;
  }

  /**
   * A value for a directive attribute (`id="{{id}}"`), held as the placeholder alone: in a quoted attribute only `"`,
   * `&` and line endings mean anything, and a value with one of them is written as it is.
   */
  holdAttribute(value: string): string {
    if (RESERVED.test(value)) {
      this.poisoned = true;
      return value;
    }
    if (!PLAIN_ATTRIBUTE.test(value)) return value;
    let placeholder = this.attributes.get(value);
    if (placeholder === undefined) {
      placeholder = encode(this.values.length);
      this.values.push({ escaped: value, text: value, headLength: 0, tailLength: 0, headText: '', tailText: '', attribute: true });
      this.attributes.set(value, placeholder);
    }
    return placeholder;
  }

  /**
   * False when the placeholders in `markdown` cannot be told apart from its other text: data (or a label) held a
   * character they are made of. Compose then writes every value in full.
   */
  intact(markdown: string): boolean {
    if (this.poisoned) return false;
    let rest = '';
    let last = 0;
    for (const match of markdown.matchAll(PLACEHOLDER)) {
      const held = this.values[decode(match[1]!)];
      if (!held) return false;
      rest += markdown.slice(last, match.index - held.headLength);
      last = match.index + match[0].length + held.tailLength;
    }
    return !RESERVED.test(rest + markdown.slice(last));
  }

  /** The Markdown with every placeholder and its stand-ins replaced by the escaped value: what the parser would have read. */
  restore(markdown: string): string {
    if (this.values.length === 0 || !markdown.includes(OPEN)) return markdown;
    let restored = '';
    let last = 0;
    for (const match of markdown.matchAll(PLACEHOLDER)) {
      const held = this.values[decode(match[1]!)]!;
      restored += markdown.slice(last, match.index - held.headLength) + held.escaped;
      last = match.index + match[0].length + held.tailLength;
    }
    return restored + markdown.slice(last);
  }
}

/** The stand-in for the first (`head`) or last (`tail`) character of escaped text: one of the same class and length. */
function standIn(escaped: string, end: 'head' | 'tail'): string {
  if (end === 'head') {
    if (escaped[0] === '\\') return ESCAPE_STAND_IN;
    const code = escaped.charCodeAt(0);
    if (isHighSurrogate(code)) return escaped.slice(0, 2);
    return classStandIn(code) ?? escaped[0]!;
  }
  const last = escaped.length - 1;
  if (PUNCTUATION.test(escaped[last]!)) return escaped[last] === '~' ? escaped.slice(-2) : ESCAPE_STAND_IN;
  const code = escaped.charCodeAt(last);
  if (isLowSurrogate(code)) return escaped.slice(-2);
  return classStandIn(code) ?? escaped[last]!;
}

/** The stand-in of a character's class as micromark classifies it; whitespace (trimmed from data) stays itself. */
function classStandIn(code: number): string | undefined {
  const group = classifyCharacter(code);
  return group === undefined ? OTHER : group === 2 ? PUNCTUATION_STAND_IN : undefined;
}

/** The placeholder for value number `index`. */
export function encode(index: number): string {
  return OPEN + writePrivateUseDigits(index, DIGIT_BASE) + CLOSE;
}

/** The number of the value whose placeholder has the index digits `digits` (PLACEHOLDER's group 1). */
export function decode(digits: string): number {
  return readPrivateUseDigits(digits, DIGIT_BASE);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
