/**
 * The document tree in the middle of the pipeline. Compose turns IEP data + layout + locale into one of these;
 * the HTML (and so PDF) and DOCX renderers read only this, never the IEP data, so every format says the same thing.
 *
 * The body is an mdast tree (remark-parse + GFM tables, strikethrough and task lists + remark-directive) of the node
 * types below. Features Markdown lacks are the directives declared in directives.ts (see docs/templates.md); every
 * renderer has one handler for each.
 */
import type { Root } from 'mdast';
import type { Language } from './languages.js';

export type PageSize = 'letter' | 'a4';

export interface PageSetup {
  size: PageSize;
  /** Margins in millimetres. */
  margins: { top: number; right: number; bottom: number; left: number };
}

export interface DocumentMeta {
  /** Layout id, e.g. `ny-official`, `federal-official`, `family`, `student`. */
  layout: string;
  /** Document title (PDF/DOCX metadata and the first heading), e.g. "Individualized Education Program: Maya Thompson". */
  title: string;
  /** Subject metadata, e.g. "Individualized Education Program, 2026-2027". */
  subject: string;
  lang: Language;
  dir: 'ltr' | 'rtl';
  page: PageSetup;
  /** The running header on every page: student name, date of birth and ID, already localized. */
  header: string;
  /**
   * The footer's page counter with `{page}` and `{pages}` placeholders, localized: "Page {page} of {pages}".
   * Renderers put real page fields in their place (PDF: CSS counters; DOCX: PAGE and NUMPAGES fields).
   */
  pageCounter: string;
  /** A line printed on every page under the header, e.g. the notice that the English version is the legal document. */
  notice?: string;
  /** When set, a diagonal watermark on every page (the localized word DRAFT). */
  watermark?: string;
  /** Timestamp written into the files (DOCX core properties), from the IEP or SOURCE_DATE_EPOCH: same input, same bytes. */
  created: Date;
  /** Author / organisation metadata (the school or district). */
  creator: string;
  /**
   * The bilingual copy's other language, printed beside `lang` in `:::column`s and `:language` cells: the renderers
   * load its fonts and set its text in them.
   */
  pairedLang?: Language;
}

export interface DocumentTree {
  meta: DocumentMeta;
  body: Root;
}

/**
 * The mdast node types a document tree holds besides directives (src/model/directives.ts) and the parts of lists
 * and tables (listItem, tableRow, tableCell). Compose reports any other (an indented code block, a reference link
 * or its definition) as a template-error, so a renderer that handles these handles every tree.
 */
export const BLOCK_NODE_TYPES = ['heading', 'paragraph', 'list', 'table', 'thematicBreak', 'blockquote', 'html'] as const;
export const INLINE_NODE_TYPES = ['text', 'strong', 'emphasis', 'delete', 'inlineCode', 'break', 'link', 'image', 'html'] as const;
export const PART_NODE_TYPES = ['listItem', 'tableRow', 'tableCell'] as const;

export type BlockNodeType = (typeof BLOCK_NODE_TYPES)[number];
export type InlineNodeType = (typeof INLINE_NODE_TYPES)[number];

/** Bookmark / anchor id for a strength, shared by both renderers. */
export function strengthAnchor(id: string): string {
  return `strength-${id}`;
}
