import type { NumberingDefinition } from 'docx';
import type { DocumentMeta } from '../../model/document.js';

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
  readonly flow: Flow;
}

export function createListCounter(): ListCounter {
  let count = 0;
  return { next: () => ++count };
}
