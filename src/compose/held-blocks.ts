/**
 * The held Markdown (held-text.ts) parsed in runs of blocks (markdown-blocks.ts), each run's tree remembered by its
 * Markdown. With every data value written as stand-ins around a placeholder, a run's Markdown depends on the
 * templates, the labels and the shape of the record, not on its text: most runs of the next copy, and of the next
 * student's IEP, are ones already parsed. A remembered tree is copied with the data put into its text nodes and its
 * positions moved to where they are in the escaped Markdown: the tree parseMarkdown gives for that Markdown
 * (test/compose/held-blocks.test.ts compares both for every example, layout and language, and for random data).
 *
 * This is "parse each template once": a run is template text (with its labels) around placeholders, and is parsed the
 * first time it is met, whatever data fills it.
 */
import type { Root, RootContent } from 'mdast';
import { decode, encode, PLACEHOLDER, type HeldText } from './held-text.js';
import { markdownBlocks } from './markdown-blocks.js';
import { documentPosition, parseBlock, shiftPositions } from './parse-markdown.js';

const OPEN = '\uE000';
/** A template character before a value that reads its first characters as themselves: a directive's name, a character reference, HTML, an escape. */
const READS_LETTERS = /[:&#<\\]/;
/** A link reference definition: link labels are matched by their text, which a placeholder hides. */
const DEFINITION = ']:';

/**
 * A run parsed once. Where its placeholders are follows from its Markdown (the key), so it is worked out again for
 * each document rather than kept.
 */
interface ParsedRun {
  /** Positions counted in the run's Markdown as remembered (placeholders numbered from 0 in the run). */
  tree: Root;
  /** By number in the run: how long the stand-ins around the placeholder are once decoded (in a text node). */
  headLengths: number[];
  tailLengths: number[];
}

/** Runs whose tree cannot be shown the same (a placeholder outside a text node): their escaped Markdown is parsed. */
const UNSHOWN = 'unshown';

/**
 * Remembered runs by their Markdown, least recently used first; bounded by their Markdown's length (a tree takes about
 * 28 bytes a character of it, so at most about 28 MB: every layout of every language of a few students).
 */
const runs = new Map<string, ParsedRun | typeof UNSHOWN>();
let rememberedLength = 0;
const MAX_REMEMBERED_LENGTH = 1_000_000;
/** Runs parsed with placeholders since the start (tests check what a compose had to parse). */
let parsed = 0;

/** Forgets every remembered run (tests parse from nothing). */
export function forgetParsedRuns(): void {
  runs.clear();
  rememberedLength = 0;
}

/** How many runs have been parsed with placeholders, and how much Markdown is remembered now. */
export function parsedRuns(): { parsed: number; remembered: number; rememberedLength: number } {
  return { parsed, remembered: runs.size, rememberedLength };
}

/**
 * The tree of `restored` (the escaped Markdown) from `markdown` (the same with `held`'s placeholders), or undefined when
 * the document must be parsed from the escaped Markdown: it may define link references.
 */
export function parseHeld(markdown: string, restored: string, held: HeldText): Root | undefined {
  if (markdown.includes(DEFINITION)) return undefined;
  const tables = restored.includes('|');
  const blocks = markdownBlocks(markdown) ?? [{ text: markdown, lines: 0, offset: 0 }];
  const children: RootContent[] = [];
  let offset = 0;
  for (const block of blocks) offset += parseRun(block.text, block.lines, offset, tables, held, children);
  return { type: 'root', children, position: documentPosition(restored) };
}

/**
 * Parses (or finds) one run and adds its nodes to `children`, at `lines` lines and `offset` characters into the escaped
 * Markdown. Returns the run's length in the escaped Markdown.
 */
function parseRun(text: string, lines: number, offset: number, tables: boolean, held: HeldText, children: RootContent[]): number {
  // The run's Markdown with its placeholders numbered from 0 in the order they first occur: the same for any data.
  const globals: number[] = [];
  const localOf = new Map<number, number>();
  const starts: number[] = [];
  const ends: number[] = [];
  const locals: number[] = [];
  // The key starts with whether the document has a pipe: a run without one parses differently then (parseBlock).
  let key = tables ? '|' : '-';
  let last = 0;
  let readsLetters = false;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const global = decode(match[1]!);
    const value = held.values[global]!;
    const before = match.index - value.headLength - 1;
    if (before >= 0 && READS_LETTERS.test(text[before]!)) readsLetters = true;
    let local = localOf.get(global);
    if (local === undefined) {
      local = globals.length;
      localOf.set(global, local);
      globals.push(global);
    }
    key += text.slice(last, match.index);
    starts.push(key.length - 1);
    key += encode(local);
    ends.push(key.length - 1);
    locals.push(local);
    last = match.index + match[0].length;
  }
  key += text.slice(last);
  // How much longer each value's escaped middle is than its placeholder here.
  let length = key.length - 1;
  const growth: number[] = [];
  for (let i = 0; i < starts.length; i++) {
    const value = held.values[globals[locals[i]!]!]!;
    length += value.escaped.length - value.headLength - value.tailLength - (ends[i]! - starts[i]!);
    growth.push(length - (key.length - 1));
  }

  let run = readsLetters || text.includes('\t') ? UNSHOWN : runs.get(key);
  if (run === undefined) {
    run = parseOnce(key.slice(1), tables, starts, ends, globals, held);
    remember(key, run);
  } else if (run !== UNSHOWN) {
    runs.delete(key); // most recently used last
    runs.set(key, run);
  }
  if (run === UNSHOWN) {
    const tree = parseBlock(held.restore(text), tables);
    for (const child of tree.children) {
      shiftPositions(child, lines, offset);
      children.push(child);
    }
    return length;
  }
  const copy = new RunCopy(run, starts, growth, lines, offset, globals, held);
  for (const child of run.tree.children) children.push(copy.node(child as unknown as Record<string, unknown>) as unknown as RootContent);
  return length;
}

function remember(key: string, run: ParsedRun | typeof UNSHOWN): void {
  runs.set(key, run);
  rememberedLength += key.length;
  while (rememberedLength > MAX_REMEMBERED_LENGTH) {
    const oldest = runs.keys().next().value!;
    runs.delete(oldest);
    rememberedLength -= oldest.length;
  }
}

/**
 * Parses a run's Markdown and checks its tree can be shown the same for any data: every placeholder in exactly one
 * text node between its stand-ins as decoded, and no position inside a placeholder.
 */
function parseOnce(text: string, tables: boolean, starts: number[], ends: number[], globals: number[], held: HeldText): ParsedRun | typeof UNSHOWN {
  parsed++;
  const tree = parseBlock(text, tables);
  const headTexts = globals.map((g) => held.values[g]!.headText);
  const tailTexts = globals.map((g) => held.values[g]!.tailText);
  const attribute = globals.map((g) => held.values[g]!.attribute === true);
  let found = 0;
  let clean = true;
  const inside = (offset: number | undefined): boolean => {
    if (offset === undefined) return false;
    const i = lastStartBefore(starts, offset);
    return i >= 0 && offset < ends[i]!;
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
        for (const match of value.matchAll(PLACEHOLDER)) {
          const local = decode(match[1]!);
          const head = headTexts[local];
          const tail = tailTexts[local];
          const end = match.index + match[0].length;
          if (head === undefined || tail === undefined || attribute[local] || value.slice(match.index - head.length, match.index) !== head || value.slice(end, end + tail.length) !== tail) clean = false;
          found++;
        }
      } else if (key === 'attributes' && typeof value === 'object' && value !== null && String(node.type).endsWith('Directive')) {
        // A directive's attributes: only values held for attributes, each in a value of its own.
        for (const item of Object.values(value)) {
          if (typeof item !== 'string') clean = false;
          else for (const match of item.matchAll(PLACEHOLDER)) {
            if (!attribute[decode(match[1]!)]) clean = false;
            found++;
          }
        }
      } else if (typeof value === 'object' && value !== null && holdsPlaceholder(value)) {
        clean = false; // data: a placeholder anywhere but text and attributes
      }
    }
    const position = node.position as { start: { offset?: number }; end: { offset?: number } } | undefined;
    if (position && (inside(position.start.offset) || inside(position.end.offset))) clean = false;
    const children = node.children as Record<string, unknown>[] | undefined;
    if (children) for (const child of children) visit(child);
  };
  visit(tree as unknown as Record<string, unknown>);
  // Every placeholder must be in a text node once: one the parser dropped or split is not the same tree.
  if (!clean || found !== starts.length) return UNSHOWN;
  return { tree, headLengths: headTexts.map((t) => t.length), tailLengths: tailTexts.map((t) => t.length) };
}

/** A remembered run's nodes copied for one document: its data in the text nodes, its positions in the escaped Markdown. */
class RunCopy {
  constructor(
    private readonly run: ParsedRun,
    /** Where each placeholder starts in the run's Markdown as remembered. */
    private readonly starts: readonly number[],
    /** Growth of the escaped Markdown over the run's up to and including each placeholder. */
    private readonly growth: readonly number[],
    private readonly lines: number,
    private readonly offset: number,
    private readonly globals: readonly number[],
    private readonly held: HeldText,
  ) {}

  node(node: Record<string, unknown>): Record<string, unknown> {
    const copy: Record<string, unknown> = {};
    for (const key in node) {
      const value = node[key];
      if (key === 'children') copy.children = (value as Record<string, unknown>[]).map((child) => this.node(child));
      else if (key === 'position') {
        const { start, end } = value as { start: Point; end: Point };
        copy.position = { start: this.point(start), end: this.point(end) };
      } else if (typeof value === 'string') copy[key] = key === 'value' && node.type === 'text' && value.includes(OPEN) ? this.text(value) : value;
      else if (key === 'attributes' && typeof value === 'object' && value !== null) copy[key] = this.attributes(value as Record<string, string>);
      else copy[key] = typeof value === 'object' && value !== null ? copyData(value) : value;
    }
    return copy;
  }

  /** A text node's value with each placeholder and its stand-ins replaced by the value's text. */
  private text(value: string): string {
    let text = '';
    let last = 0;
    for (const match of value.matchAll(PLACEHOLDER)) {
      const local = decode(match[1]!);
      text += value.slice(last, match.index - this.run.headLengths[local]!) + this.held.values[this.globals[local]!]!.text;
      last = match.index + match[0].length + this.run.tailLengths[local]!;
    }
    return text + value.slice(last);
  }

  /** A directive's attributes with each placeholder replaced by the attribute value it holds. */
  private attributes(attributes: Record<string, string>): Record<string, string> {
    const copy: Record<string, string> = {};
    for (const key in attributes) {
      const value = attributes[key]!;
      copy[key] = value.includes(OPEN) ? value.replace(PLACEHOLDER, (_, digits: string) => this.held.values[this.globals[decode(digits)]!]!.text) : value;
    }
    return copy;
  }

  private point(point: Point): Point {
    const lineStart = point.offset - (point.column - 1);
    const atPoint = this.grown(point.offset);
    return { line: point.line + this.lines, column: point.column + atPoint - this.grown(lineStart), offset: point.offset + atPoint + this.offset };
  }

  /** Growth of the placeholders that start before `offset`. */
  private grown(offset: number): number {
    const i = lastStartBefore(this.starts, offset);
    return i < 0 ? 0 : this.growth[i]!;
  }
}

interface Point {
  line: number;
  column: number;
  offset: number;
}

/** The index of the last start before `offset` (binary search), or -1. */
function lastStartBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function holdsPlaceholder(value: object): boolean {
  for (const item of Object.values(value)) {
    if (typeof item === 'string' ? item.includes(OPEN) : typeof item === 'object' && item !== null && holdsPlaceholder(item)) return true;
  }
  return false;
}

/** A copy of a node's other fields (attributes, table alignment): plain JSON values. */
function copyData(value: object): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => (typeof item === 'object' && item !== null ? copyData(item) : item));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = typeof item === 'object' && item !== null ? copyData(item) : item;
  return copy;
}
