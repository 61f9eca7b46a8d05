/**
 * The document tree in the middle of the pipeline. Compose turns IEP data + layout + locale into one of these;
 * the HTML (and so PDF) and DOCX renderers read only this, never the IEP data, so every format says the same thing.
 *
 * The body is an mdast tree (remark-parse + GFM tables, strikethrough and task lists + remark-directive). Features Markdown lacks are the
 * directives listed in DIRECTIVES below (see docs/directives.md); every renderer has one handler for each.
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
}

export interface DocumentTree {
  meta: DocumentMeta;
  body: Root;
}

/**
 * Directive names and what they mean. Syntax is remark-directive's:
 *   leaf       `::name[label]{attr="value"}` on its own line
 *   container  `:::name{attr="value"}` ... `:::`
 *   text       `:name[label]{attr="value"}` inside a paragraph
 */
export const DIRECTIVES = {
  /** leaf `::pagebreak`: start a new page. */
  pagebreak: 'leafDirective',
  /** container `:::keep`: keep the content on one page when it fits (headings with what follows, short tables). */
  keep: 'containerDirective',
  /**
   * container `:::signatures{signature="Signature" date="Date" attended="Attended" role="Role" name="Name"}` holding
   * leaf `::signer{name="..." role="..." attended="yes|no"}` lines: the team attendance and signature block.
   * The container's attributes are the localized column labels.
   */
  signatures: 'containerDirective',
  signer: 'leafDirective',
  /** text `:checkbox[label]{checked}` (or without `checked`): a ballot box with its label, as on the NY form. */
  checkbox: 'textDirective',
  /** container `:::callout{kind="info|notice|important"}`: a shaded, bordered box (notices, "what this means"). */
  callout: 'containerDirective',
  /** text `:strength[text]{#id}`: a strength statement that goals can link to (HTML anchor / DOCX bookmark `strength-<id>`). */
  strength: 'textDirective',
  /** leaf `::buildson[label]{ref="id"}`: "Builds on: <strength>" note under a goal, linking to the strength. */
  buildson: 'leafDirective',
  /** text `:untranslated[text]{lang="en"}`: English text shown where a translation is missing, visibly marked. */
  untranslated: 'textDirective',
} as const;

export type DirectiveName = keyof typeof DIRECTIVES;

/** Bookmark / anchor id for a strength, shared by both renderers. */
export function strengthAnchor(id: string): string {
  return `strength-${id}`;
}
