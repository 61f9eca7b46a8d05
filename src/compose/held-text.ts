/**
 * Data text kept out of the Markdown parser. Escaped data is most of an IEP's Markdown and every backslash escape is
 * a token to micromark, so parsing it dominated composing. The view model therefore writes each longer data value as
 * its first and last escaped characters around a short placeholder (private-use characters around an index); the
 * parser sees template structure and the placeholder, and the placeholders in the tree's text nodes are then replaced
 * by the data text. Data can never become Markdown syntax this way: the middle of a value is never parsed at all.
 *
 * The tree is the one the escaped Markdown gives: the value's own first and last characters stay in the Markdown, so
 * the constructs that look at the characters next to a delimiter (emphasis flanking, directive and link brackets,
 * table cell trimming) see the same ones, and the middle, escaped, holds no syntax that could reach outside it.
 * Positions are mapped back to the escaped Markdown. Wherever that cannot be shown (a placeholder outside a text
 * node, a tab on the page that changes columns), the escaped Markdown is parsed as it always was.
 */
import type { Root } from 'mdast';

const OPEN = '\uE000';
const CLOSE = '\uE001';
/** Index digits (base 16), private use too. */
const DIGIT_BASE = 0xe010;
const PLACEHOLDER = /\uE000([\uE010-\uE01F]+)\uE001/g;
/** Every character a placeholder is made of: data holding one cannot be held. */
const RESERVED = /[\uE000-\uE01F]/;
/** Values shorter than this are cheaper to parse than to hold. */
const MIN_HELD = 12;
/** An ASCII punctuation character: in escaped text always the second half of a backslash escape. */
const PUNCTUATION = /[!-/:-@[-`{-~]/;
const ESCAPE = /\\([!-/:-@[-`{-~])/g;

interface Held {
  /** The escaped middle, as in the Markdown of today. */
  escaped: string;
  /** The middle as text, as the parser would have decoded it. */
  text: string;
}

export class HeldText {
  private readonly values: Held[] = [];
  /** Data held a character placeholders are made of: compose builds the view model again without holding. */
  poisoned = false;

  /** Escaped inline text (escapeInline) as it goes into the Markdown: long values get a placeholder for their middle. */
  hold(escaped: string): string {
    if (RESERVED.test(escaped)) {
      this.poisoned = true;
      return escaped;
    }
    // A tab's column depends on where it is on the line: positions could not be mapped back.
    if (escaped.length < MIN_HELD || escaped.includes('\t')) return escaped;
    const head = escaped[0] === '\\' || isHighSurrogate(escaped.charCodeAt(0)) ? 2 : 1;
    const last = escaped.length - 1;
    const tail = PUNCTUATION.test(escaped[last]!) || isLowSurrogate(escaped.charCodeAt(last)) ? 2 : 1;
    const middle = escaped.slice(head, escaped.length - tail);
    const index = this.values.length;
    this.values.push({ escaped: middle, text: middle.replace(ESCAPE, '$1') });
    return escaped.slice(0, head) + OPEN + encode(index) + CLOSE + escaped.slice(escaped.length - tail);
  }

  /**
   * False when the placeholders in `markdown` cannot be told apart from its other text: data (or a label) held a
   * character they are made of. Compose then writes every value in full.
   */
  intact(markdown: string): boolean {
    return !this.poisoned && !RESERVED.test(markdown.replace(PLACEHOLDER, ''));
  }

  /** The Markdown with every placeholder replaced by its escaped text: what the parser would have read before. */
  restore(markdown: string): string {
    return this.values.length === 0 ? markdown : markdown.replace(PLACEHOLDER, (_, digits: string) => this.values[decode(digits)]!.escaped);
  }

  /**
   * The tree of `markdown` (holding placeholders) as `parse` gives it for the restored Markdown, or undefined when
   * that cannot be shown and the restored Markdown must be parsed instead.
   */
  parse(markdown: string, parse: (markdown: string) => Root): Root | undefined {
    if (this.values.length === 0) return parse(markdown);
    if (markdown.includes('\t')) return undefined;
    // Where each placeholder is, and how much longer the escaped text is than the placeholder.
    const starts: number[] = [];
    const ends: number[] = [];
    const growth: number[] = [];
    let count = 0;
    let total = 0;
    for (const match of markdown.matchAll(PLACEHOLDER)) {
      const held = this.values[decode(match[1]!)];
      if (!held) return undefined;
      starts.push(match.index);
      ends.push(match.index + match[0].length);
      total += held.escaped.length - match[0].length;
      growth.push(total);
      count++;
    }
    const tree = parse(markdown);
    let found = 0;
    let clean = true;
    const shift = (offset: number): number | undefined => {
      // Growth of the placeholders that start before `offset`; a point inside one means the tree split it.
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]! < offset) lo = mid + 1;
        else hi = mid;
      }
      if (lo === 0) return 0;
      const before = lo - 1;
      if (offset < ends[before]!) return undefined;
      return growth[before]!;
    };
    const point = (p: { line: number; column: number; offset?: number }): void => {
      if (p.offset === undefined) return;
      const lineStart = p.offset - (p.column - 1);
      const atPoint = shift(p.offset);
      const atLineStart = shift(lineStart);
      if (atPoint === undefined || atLineStart === undefined) {
        clean = false;
        return;
      }
      p.offset += atPoint;
      p.column += atPoint - atLineStart;
    };
    const visit = (node: Record<string, unknown>): void => {
      for (const key in node) {
        if (key === 'children' || key === 'position') continue;
        const value = node[key];
        if (typeof value === 'string') {
          if (!value.includes(OPEN)) continue;
          if (node.type !== 'text' || key !== 'value') {
            clean = false;
            continue;
          }
          node.value = value.replace(PLACEHOLDER, (_, digits: string) => {
            found++;
            return this.values[decode(digits)]!.text;
          });
        } else if (typeof value === 'object' && value !== null && holdsPlaceholder(value)) {
          clean = false; // attributes, data: a placeholder anywhere but text
        }
      }
      const position = node.position as { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } } | undefined;
      if (position) {
        point(position.start);
        point(position.end);
      }
      const children = node.children as Record<string, unknown>[] | undefined;
      if (children) for (const child of children) visit(child);
    };
    visit(tree as unknown as Record<string, unknown>);
    // Every placeholder must be in exactly one text node: one the parser dropped or split is not the same tree.
    return clean && found === count ? tree : undefined;
  }
}

function holdsPlaceholder(value: object): boolean {
  for (const item of Object.values(value)) {
    if (typeof item === 'string' ? item.includes(OPEN) : typeof item === 'object' && item !== null && holdsPlaceholder(item)) return true;
  }
  return false;
}

function encode(index: number): string {
  let digits = '';
  do {
    digits = String.fromCharCode(DIGIT_BASE + (index & 15)) + digits;
    index >>>= 4;
  } while (index > 0);
  return digits;
}

function decode(digits: string): number {
  let index = 0;
  for (let i = 0; i < digits.length; i++) index = index * 16 + (digits.charCodeAt(i) - DIGIT_BASE);
  return index;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
