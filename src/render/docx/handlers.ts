/**
 * The handler map: one handler per mdast node type and one per directive, each in its own file. Block handlers give
 * paragraphs and tables, inline handlers give runs, hyperlinks and bookmarks. A node without a handler is an error
 * naming its type and place (DocxRenderError), never dropped.
 */
import type { ExternalHyperlink, InternalHyperlink, Bookmark, Paragraph, Table, TextRun } from 'docx';
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { DIRECTIVES } from '../../model/document.js';
import { blockquote } from './blockquote.js';
import { buildson } from './buildson.js';
import { callout } from './callout.js';
import { checkbox } from './checkbox.js';
import type { KeepMode, Marks, RenderContext } from './context.js';
import { heading } from './heading.js';
import { html } from './html.js';
import { breakNode, emphasis, image, inlineCode, link, strikethrough, strong, text } from './inline.js';
import { keep } from './keep.js';
import { list } from './list.js';
import { pagebreak } from './pagebreak.js';
import { paragraph } from './paragraph.js';
import { DocxRenderError } from './render-error.js';
import { signatures } from './signatures.js';
import { strength } from './strength.js';
import { table } from './table.js';
import { thematicBreak } from './thematic-break.js';
import { untranslated } from './untranslated.js';

export type Block = Paragraph | Table;
export type Inline = TextRun | ExternalHyperlink | InternalHyperlink | Bookmark;

// The maps are typed by node type, so each handler receives its own node type.
type BlockNodes = RootContent;
type BlockHandlers = {
  [T in BlockNodes['type']]?: (node: Extract<BlockNodes, { type: T }>, ctx: RenderContext) => Block[];
};
type InlineHandlers = {
  [T in PhrasingContent['type']]?: (node: Extract<PhrasingContent, { type: T }>, ctx: RenderContext, marks: Marks) => Inline[];
};

export const blockHandlers: BlockHandlers = {
  heading,
  paragraph,
  list,
  table,
  thematicBreak,
  blockquote,
  html,
};

export const containerDirectives: Record<string, (node: ContainerDirective, ctx: RenderContext) => Block[]> = {
  keep,
  signatures,
  callout,
};

export const leafDirectives: Record<string, (node: LeafDirective, ctx: RenderContext) => Block[]> = {
  pagebreak,
  buildson,
};

export const inlineHandlers: InlineHandlers = {
  text,
  strong,
  emphasis,
  delete: strikethrough,
  inlineCode,
  break: breakNode,
  link,
  image,
  html,
};

export const textDirectives: Record<string, (node: TextDirective, ctx: RenderContext, marks: Marks) => Inline[]> = {
  checkbox,
  strength,
  untranslated,
};

function has<T extends object>(map: T, key: string): key is Extract<keyof T, string> {
  return Object.prototype.hasOwnProperty.call(map, key);
}

/** One block node. */
export function renderBlock(node: Nodes, ctx: RenderContext): Block[] {
  if (node.type === 'containerDirective') {
    if (has(containerDirectives, node.name)) return containerDirectives[node.name]!(node, ctx);
    throw new DocxRenderError(node, unknownDirective(node.name, 'container'));
  }
  if (node.type === 'leafDirective') {
    if (has(leafDirectives, node.name)) return leafDirectives[node.name]!(node, ctx);
    throw new DocxRenderError(node, unknownDirective(node.name, 'leaf'));
  }
  if (has(blockHandlers, node.type)) {
    const handler = blockHandlers[node.type] as (node: Nodes, ctx: RenderContext) => Block[];
    return handler(node, ctx);
  }
  throw new DocxRenderError(node, `no DOCX handler for block node type "${node.type}"`);
}

/**
 * Block nodes in order. Inside a `:::keep` group (keep `allButLast`) every block but the last keeps with the next
 * one, and the last passes `allButLast` on to its own last paragraph.
 */
export function renderBlocks(nodes: readonly Nodes[], ctx: RenderContext): Block[] {
  return nodes.flatMap((node, index) => renderBlock(node, withKeep(ctx, keepFor(ctx.keep, index, nodes.length))));
}

/** The keep mode of the child at `index` of `count` children of a block in `mode`. */
export function keepFor(mode: KeepMode, index: number, count: number): KeepMode {
  return mode === 'allButLast' && index < count - 1 ? 'all' : mode;
}

export function withKeep(ctx: RenderContext, keep: KeepMode): RenderContext {
  return keep === ctx.keep ? ctx : { ...ctx, keep };
}

/** One inline node. */
export function renderInline(node: Nodes, ctx: RenderContext, marks: Marks): Inline[] {
  if (node.type === 'textDirective') {
    if (has(textDirectives, node.name)) return textDirectives[node.name]!(node, ctx, marks);
    throw new DocxRenderError(node, unknownDirective(node.name, 'text'));
  }
  if (has(inlineHandlers, node.type)) {
    const handler = inlineHandlers[node.type] as (node: Nodes, ctx: RenderContext, marks: Marks) => Inline[];
    return handler(node, ctx, marks);
  }
  throw new DocxRenderError(node, `no DOCX handler for inline node type "${node.type}"`);
}

export function renderInlines(nodes: readonly Nodes[], ctx: RenderContext, marks: Marks = {}): Inline[] {
  return nodes.flatMap((node) => renderInline(node, ctx, marks));
}

function unknownDirective(name: string, kind: 'container' | 'leaf' | 'text'): string {
  if (has(DIRECTIVES, name)) {
    const expected = DIRECTIVES[name].replace('Directive', '');
    return expected === kind
      ? `"${name}" is only allowed inside its container (${name === 'signer' ? ':::signatures' : 'see DIRECTIVES'})`
      : `"${name}" is a ${expected} directive, not a ${kind} directive (see DIRECTIVES in src/model/document.ts)`;
  }
  return `"${name}" is not a directive (see DIRECTIVES in src/model/document.ts)`;
}
