import type { Bookmark, DeletedTextRun, ExternalHyperlink, InsertedTextRun, InternalHyperlink, NumberingDefinition, Paragraph, Table, TextRun } from 'docx';
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import type { BlockNodeType, DocumentMeta, InlineNodeType } from '../../model/document.js';
import type { Language } from '../../model/languages.js';
import type { DIRECTIVES, DirectiveNode, HandledDirectiveName } from '../../model/directives.js';

/** What block handlers give: paragraphs and tables. */
export type Block = Paragraph | Table;
/** What inline handlers give: runs, hyperlinks and bookmarks. */
export type Inline = TextRun | InsertedTextRun | DeletedTextRun | ExternalHyperlink | InternalHyperlink | Bookmark;

/**
 * How a block takes part in a `:::keep` group: `all` keeps every paragraph with the next and on one page; the last
 * block of a group is `allButLast`, so its last paragraph keeps its lines together but does not pull the content
 * after the group along.
 */
export type KeepMode = 'none' | 'all' | 'allButLast';

/** Formatting an inline node passes down to the runs inside it. */
export interface Marks {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
  /** A character style id (STYLE.hyperlink, STYLE.untranslated). */
  style?: string;
  /** A w:lang for text in another language than the document's (untranslated English). */
  language?: string;
  /** Left-to-right text even in a right-to-left document (untranslated English): no w:rtl on its runs. */
  ltr?: boolean;
  /** A redline's change: the runs are a Word tracked change (w:ins / w:del) by `author` on `date` (ISO 8601). */
  change?: { kind: 'inserted' | 'deleted'; author: string; date: string };
}

/** Per document, shared by all handlers: ordered lists each get their own numbering instance. */
export interface ListCounter {
  next(): number;
}

/**
 * Per document, shared by all handlers: whether the last block written was a table. Word puts no space between a
 * table and the paragraph after it, so the next paragraph gets some space before it (see paragraphOptions).
 */
export interface Flow {
  afterTable: boolean;
}

/** What a handler knows about where it is. Immutable: handlers pass a changed copy to their children. */
export interface RenderContext {
  readonly meta: DocumentMeta;
  readonly rtl: boolean;
  /** The language of the text here when it is not the document's (a bilingual copy's column): its runs say so. */
  readonly lang?: Language;
  readonly keep: KeepMode;
  /** The paragraph style for plain paragraphs here (table cells, quotes); Normal when absent. */
  readonly paragraphStyle?: string;
  /** Extra start indent in twips (paragraphs continuing a list item). */
  readonly indent?: number;
  /** The list a nested list sits in: its depth (0 = top-level list) and, for ordered lists, its numbering. */
  readonly list?: { level: number; ordered: boolean; reference: string | NumberingDefinition; instance: number };
  /** Width available to a table here, in twips. */
  readonly width: number;
  readonly lists: ListCounter;
  /** Per document: the ids of tracked changes (w:ins / w:del), unique in the document. */
  readonly revisions: ListCounter;
  readonly flow: Flow;
  /**
   * How handlers render their children (as mdast-util-to-hast's `state.one` / `state.all`): bound to the handler
   * map by render-docx.ts, so a handler file never imports the map. `one` renders one block node, `all` block nodes
   * in order (passing `:::keep` on), `inlines` phrasing nodes with the marks given.
   */
  readonly one: (node: Nodes, ctx: RenderContext) => Block[];
  readonly all: (nodes: readonly Nodes[], ctx: RenderContext) => Block[];
  readonly inlines: (nodes: readonly Nodes[], ctx: RenderContext, marks?: Marks) => Inline[];
}

type BlockHandler<N> = (node: N, ctx: RenderContext) => Block[];
type InlineHandler<N> = (node: N, ctx: RenderContext, marks: Marks) => Inline[];

/**
 * The handler map, typed complete: one handler for every block and inline node type a document tree holds
 * (src/model/document.ts) and every directive (src/model/directives.ts) but those their container reads, so
 * leaving one out does not compile. Text directives give inlines, leaf and container directives blocks.
 */
export interface Handlers {
  readonly block: { readonly [T in BlockNodeType]: BlockHandler<Extract<RootContent, { type: T }>> };
  readonly inline: { readonly [T in InlineNodeType]: InlineHandler<Extract<PhrasingContent, { type: T }>> };
  readonly directive: {
    readonly [N in HandledDirectiveName]: (typeof DIRECTIVES)[N]['kind'] extends 'text'
      ? InlineHandler<DirectiveNode<N>>
      : BlockHandler<DirectiveNode<N>>;
  };
}

export function createListCounter(): ListCounter {
  let count = 0;
  return { next: () => ++count };
}
