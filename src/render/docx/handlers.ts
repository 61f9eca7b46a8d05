/**
 * The handler map: one handler per node type a document tree holds and one per directive, each in its own file.
 * Block handlers give paragraphs and tables, inline handlers runs, hyperlinks and bookmarks. Handlers recurse
 * through the context (ctx.all, ctx.inlines), which render-docx.ts binds to this map (bindHandlers), so no handler
 * file imports this one.
 */
import { blockquote } from './blockquote.js';
import { buildson } from './buildson.js';
import { callout } from './callout.js';
import { chart } from './chart.js';
import { deleted, inserted } from './change.js';
import { checkbox } from './checkbox.js';
import type { Handlers } from './context.js';
import { heading } from './heading.js';
import { html } from './html.js';
import { breakNode, emphasis, image, inlineCode, link, strikethrough, strong, text } from './inline.js';
import { keep } from './keep.js';
import { languageDirective } from './language-directive.js';
import { list } from './list.js';
import { pagebreak } from './pagebreak.js';
import { pair } from './pair.js';
import { paragraph } from './paragraph.js';
import { placeholder } from './placeholder.js';
import { signatures } from './signatures.js';
import { strength } from './strength.js';
import { table } from './table.js';
import { thematicBreak } from './thematic-break.js';
import { untranslated } from './untranslated.js';

export const handlers: Handlers = {
  block: { heading, paragraph, list, table, thematicBreak, blockquote, html },
  inline: { text, strong, emphasis, delete: strikethrough, inlineCode, break: breakNode, link, image, html },
  directive: { pagebreak, keep, signatures, checkbox, callout, strength, buildson, untranslated, placeholder, pair, language: languageDirective, chart, inserted, deleted },
};
