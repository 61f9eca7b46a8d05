/**
 * Where a document's Markdown can be cut into runs of blocks that parse alone to the very nodes the whole document
 * gives. micromark's cost grows faster than the text (a tenth to a third more for a whole official IEP than for its
 * pieces), and a piece without a pipe, a colon or a tilde is parsed without the table, directive or strikethrough
 * extension, which otherwise try every line or character.
 *
 * A cut goes before a line that follows a blank line, starts at column 1, and is neither a list item nor inside a
 * container directive: a blank line ends a paragraph, heading, table, block quote and indented code, and a line at
 * column 1 is no list item's continuation. The constructs that do reach past a blank line or across the document
 * (fenced code, HTML, link definitions, directive fences that are indented, quoted or nested) leave the document
 * whole. Data is escaped (escape-markdown.ts): none of these characters reaches the Markdown from data unescaped.
 */

export interface MarkdownBlocks {
  /** The Markdown of the blocks, a blank line at its end (the last: the rest of the document). */
  text: string;
  /** Lines and characters before it in the document. */
  lines: number;
  offset: number;
}

/** Anywhere in the document, these keep it whole: fences, HTML, definitions, carriage returns. */
const WHOLE = /```|~~~|<|\]:|\r/;
const FENCE_OPEN = /^(:{3,})[A-Za-z]/;
const FENCE_CLOSE = /^(:{3,})[\t ]*$/;
/** A list item, thematic break or anything that could be one, at column 1. */
const LIST_LIKE = /^[-+*0-9]/;

/** The document cut into runs of blocks (one run when it has no cut), or undefined when it must stay whole. */
export function markdownBlocks(markdown: string): MarkdownBlocks[] | undefined {
  if (WHOLE.test(markdown)) return undefined;
  const lines = markdown.split('\n');
  const blocks: MarkdownBlocks[] = [];
  let start = 0;
  let startOffset = 0;
  let offset = 0;
  let fence = 0; // the colons of the open container directive, 0 outside one
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (i > 0 && fence === 0 && lines[i - 1] === '' && line !== '' && line[0] !== ' ' && line[0] !== '\t' && !LIST_LIKE.test(line)) {
      blocks.push({ text: markdown.slice(startOffset, offset), lines: start, offset: startOffset });
      start = i;
      startOffset = offset;
    }
    const colons = line.indexOf(':::');
    if (colons > 0) return undefined; // a directive fence not at column 1 (in a list or quote), or text we cannot tell from one
    if (colons === 0) {
      const open = FENCE_OPEN.exec(line);
      const close = FENCE_CLOSE.exec(line);
      if (open && fence > 0) return undefined; // nested containers
      if (open) fence = open[1]!.length;
      else if (close && fence > 0 && close[1]!.length >= fence) fence = 0;
    }
    offset += line.length + 1;
  }
  blocks.push({ text: markdown.slice(startOffset), lines: start, offset: startOffset });
  return blocks;
}
