import type { Root } from 'mdast';
import type { Diagnostic } from '../model/diagnostic.js';
import { directiveKind, directiveSyntax } from '../model/directives.js';
import { checkDocumentTree } from './check-document-tree.js';
import type { HeldText } from './held-text.js';
import { locateInTemplate, type ExpandedTemplate } from './locate-in-template.js';
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
    const tree = parseWith(block.text, constructsIn(block.text, tables && (block.text.includes('|') || TABLE_WITHOUT_PIPES.test(block.text))));
    if (block.offset > 0) for (const child of tree.children) shiftPositions(child, block.lines, block.offset);
    children.push(...tree.children);
  }
  return { type: 'root', children, position: documentPosition(markdown) };
}

/** The root's position: the whole document. */
function documentPosition(markdown: string): Root['position'] {
  const lastLine = markdown.lastIndexOf('\n');
  let lines = 1;
  for (let i = markdown.indexOf('\n'); i !== -1; i = markdown.indexOf('\n', i + 1)) lines++;
  return { start: { line: 1, column: 1, offset: 0 }, end: { line: lines, column: markdown.length - lastLine, offset: markdown.length } };
}

/** Parsed trees of recent sections, by their Markdown: a live preview composes the same sections again and again. */
const sectionTrees = new Map<string, Root>();
const REMEMBERED_SECTIONS = 256;

/**
 * The tree parseMarkdown gives for `sections` joined by blank lines (plus a final line feed), made from each section's
 * own tree, reused when a recent compose parsed the same section Markdown: a keystroke in one field changes one
 * section, and only that one is parsed again. The same tree, positions included, because every section template
 * starts a block of its own at column 1 after a blank line (a heading or a directive): nothing of one section can
 * continue into the next (test/compose/incremental-parse.test.ts compares both for every example and layout).
 */
function parseBySection(sections: readonly string[]): Root {
  const children: Root['children'] = [];
  let line = 0;
  let offset = 0;
  for (const markdown of sections) {
    let tree = sectionTrees.get(markdown);
    if (tree) sectionTrees.delete(markdown);
    else tree = parseMarkdown(markdown + '\n');
    sectionTrees.set(markdown, tree);
    if (sectionTrees.size > REMEMBERED_SECTIONS) sectionTrees.delete(sectionTrees.keys().next().value!);
    const copy = structuredClone(tree);
    if (line > 0) shiftPositions(copy, line, offset);
    children.push(...copy.children);
    line += markdown.split('\n').length + 1;
    offset += markdown.length + 2;
  }
  const joined = sections.join('\n\n') + '\n';
  const lines = joined.split('\n');
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: lines.length, column: lines[lines.length - 1]!.length + 1, offset: joined.length } },
  };
}

function shiftPositions(node: { position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } }; children?: unknown[] }, lines: number, offset: number): void {
  if (node.position) {
    for (const point of [node.position.start, node.position.end]) {
      point.line += lines;
      if (point.offset !== undefined) point.offset += offset;
    }
  }
  for (const child of node.children ?? []) shiftPositions(child as typeof node, lines, offset);
}

export interface ParsedSections {
  /** The expanded sections joined by blank lines: what was parsed. */
  markdown: string;
  body: Root;
  /** A template-error for each directive its declaration rejects and each node a document does not hold. */
  diagnostics: Diagnostic[];
}

/**
 * The expanded sections as ONE tree, checked (checkDocumentTree): a mistake is a template-error naming the template
 * file and line it was written on (a section or one of `partials`), never a crash in a renderer or a silent drop.
 * With `held`, the sections hold its placeholders (held-text.ts): the tree and the Markdown returned hold the data.
 */
export function parseSections(
  sections: readonly ExpandedTemplate[],
  partials: readonly { file: string; source: string }[],
  held?: HeldText,
  options: { reuse?: boolean } = {},
): ParsedSections {
  const expanded = sections.filter((section) => section.markdown !== '');
  const joined = expanded.map((section) => section.markdown).join('\n\n') + '\n';
  const markdown = held ? held.restore(joined) : joined;
  // `reuse`: each section parsed on its own and remembered (parseBySection), for a live preview.
  const parse = options.reuse ? () => parseBySection(expanded.map((section) => section.markdown)) : parseInBlocks;
  const body = held?.parse(joined, parse) ?? parseInBlocks(markdown);
  const problems = checkDocumentTree(body);
  const written = held && problems.length > 0 ? expanded.map((section) => ({ ...section, markdown: held.restore(section.markdown) })) : expanded;
  const diagnostics = problems.map(({ node, message }): Diagnostic => {
    const { name } = node as { name?: string };
    const marker = node.type.endsWith('Directive') && name !== undefined ? directiveSyntax(name, directiveKind(node)) : undefined;
    const place = node.position ? locateInTemplate(written, partials, node.position.start.line, marker) : undefined;
    return {
      code: 'template-error',
      severity: 'error',
      ...(place ?? {}),
      message,
      hint: marker
        ? 'the directives and their attributes are listed in docs/template-fields.md ("Directives"); what each means: docs/templates.md'
        : 'templates write paragraphs, headings, lists, tables, inline links and the directives (see docs/templates.md)',
    };
  });
  return { markdown, body, diagnostics };
}
