import type { Root } from 'mdast';
import { markdownBlocks } from './markdown-blocks.js';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

/** The constructs a processor parses beyond CommonMark: each costs time on every document, so each is left out where it cannot occur. */
interface Constructs {
  directives: boolean;
  tables: boolean;
  strikethrough: boolean;
  taskLists: boolean;
}

/**
 * GFM tables, strikethrough and task lists (those `constructs` names), but NOT autolink literals: that extension
 * turns any URL-looking text into a link after escapes are resolved, so data like "http://127.0.0.1/x" would become a
 * link. Templates write their links explicitly; data text stays text.
 */
function remarkGfmWithoutAutolinks(this: Processor, { tables, strikethrough, taskLists }: Omit<Constructs, 'directives'>) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(...(tables ? [gfmTable()] : []), ...(strikethrough ? [gfmStrikethrough()] : []), ...(taskLists ? [gfmTaskListItem()] : []));
  (data.fromMarkdownExtensions ??= []).push(
    ...(tables ? [gfmTableFromMarkdown()] : []),
    ...(strikethrough ? [gfmStrikethroughFromMarkdown()] : []),
    ...(taskLists ? [gfmTaskListItemFromMarkdown()] : []),
  );
}

// Frozen processors, one per set of constructs: parsing is on the hot path of every render.
const processors = new Map<string, Processor>();

const TASK_LIST_CHECK = /\[[\t\n\r xX]/;
/**
 * A colon before a directive's name, which starts with neither whitespace nor punctuation (unlike "Goal 1: ..."). A
 * colon before a tab counts: the extension's attempt there changes how a line's trailing whitespace is cut.
 */
const DIRECTIVE = /:(?![ \n!-/:-@[-`{-~]|$)/;

/** A delimiter row cell with a colon: a table without pipes ("Term\n--:"). */
const TABLE_WITHOUT_PIPES = /:-|-:/;

/**
 * The constructs `markdown` can hold, of those `tables` allows. Each starts at a character of its own, and without it
 * the extension adds nothing to the tree (it is only tried at that character, and its tree handlers see only its own
 * tokens), while it costs time anyway: the table extension tries every line, the directive extension every colon,
 * strikethrough resolves every span, and the task list check runs at every paragraph's end. A directive needs a colon
 * before its name, strikethrough a tilde, a task list check "[" then a space, tab, line ending, "x" or "X".
 */
function constructsIn(markdown: string, tables: boolean): Constructs {
  return { directives: DIRECTIVE.test(markdown), tables, strikethrough: markdown.includes('~'), taskLists: TASK_LIST_CHECK.test(markdown) };
}

function processorFor(constructs: Constructs): Processor {
  const key = `${+constructs.directives}${+constructs.tables}${+constructs.strikethrough}${+constructs.taskLists}`;
  let processor = processors.get(key);
  if (!processor) {
    const chain = unified().use(remarkParse).use(remarkGfmWithoutAutolinks, constructs);
    processor = (constructs.directives ? chain.use(remarkDirective) : chain).freeze() as unknown as Processor;
    processors.set(key, processor);
  }
  return processor;
}

/**
 * Markdown (the expanded templates) to the mdast tree every renderer reads. Tables only where the Markdown has a pipe,
 * as always (a table without pipes, "Term\n--:", in a document without any is a paragraph).
 */
export function parseMarkdown(markdown: string): Root {
  return parseWith(markdown, constructsIn(markdown, markdown.includes('|')));
}

function parseWith(markdown: string, constructs: Constructs): Root {
  const chosen = processorFor(constructs);
  return chosen.runSync(chosen.parse(markdown)) as Root;
}

/**
 * The tree parseMarkdown gives, parsed in runs of blocks where the document can be cut (markdown-blocks.ts), each
 * with only the constructs it can hold, their positions moved to where they are in the document.
 */
export function parseInBlocks(markdown: string): Root {
  const blocks = markdownBlocks(markdown);
  if (!blocks || blocks.length === 1) return parseMarkdown(markdown);
  const tables = markdown.includes('|');
  const children: Root['children'] = [];
  for (const block of blocks) {
    const tree = parseBlock(block.text, tables);
    if (block.offset > 0) for (const child of tree.children) shiftPositions(child, block.lines, block.offset);
    children.push(...tree.children);
  }
  return { type: 'root', children, position: documentPosition(markdown) };
}

/**
 * One run of blocks of a document (markdownBlocks), as parseMarkdown would give its nodes within the whole document,
 * positions counted from the run's start. `tablesInDocument`: the document has a pipe (parseMarkdown's rule).
 */
export function parseBlock(text: string, tablesInDocument: boolean): Root {
  return parseWith(text, constructsIn(text, tablesInDocument && (text.includes('|') || TABLE_WITHOUT_PIPES.test(text))));
}

/** The root's position: the whole document. */
export function documentPosition(markdown: string): Root['position'] {
  const lastLine = markdown.lastIndexOf('\n');
  let lines = 1;
  for (let i = markdown.indexOf('\n'); i !== -1; i = markdown.indexOf('\n', i + 1)) lines++;
  return { start: { line: 1, column: 1, offset: 0 }, end: { line: lines, column: markdown.length - lastLine, offset: markdown.length } };
}

export function shiftPositions(node: { position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } }; children?: unknown[] }, lines: number, offset: number): void {
  if (node.position) {
    for (const point of [node.position.start, node.position.end]) {
      point.line += lines;
      if (point.offset !== undefined) point.offset += offset;
    }
  }
  for (const child of node.children ?? []) shiftPositions(child as typeof node, lines, offset);
}

