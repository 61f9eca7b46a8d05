import type { IParagraphOptions } from 'docx';
import type { RenderContext } from './context.js';
import { DOCX_SPACE } from '../theme/docx-styles.js';

type ParagraphOptions = { -readonly [K in keyof IParagraphOptions]: IParagraphOptions[K] };

/** Space before the first paragraph after a table (twips). */
const AFTER_TABLE = DOCX_SPACE.afterTable;

/**
 * The paragraph properties every handler shares: direction (w:bidi in right-to-left documents), keep-together from
 * `:::keep`, the context's paragraph style and indent, space after a table. `extra` wins over the context.
 */
export function paragraphOptions(ctx: RenderContext, extra: IParagraphOptions = {}): IParagraphOptions {
  const options: ParagraphOptions = {};
  if (ctx.flow.afterTable) {
    options.spacing = { before: AFTER_TABLE };
    ctx.flow.afterTable = false;
  }
  if (ctx.rtl) options.bidirectional = true;
  if (ctx.paragraphStyle) options.style = ctx.paragraphStyle;
  if (ctx.indent) options.indent = { left: ctx.indent };
  if (ctx.keep !== 'none') options.keepLines = true;
  if (ctx.keep === 'all') options.keepNext = true;
  return { ...options, ...extra };
}

/** A table is about to be written: its cells are not "after a table", the paragraph after it is. */
export function tableStarts(ctx: RenderContext): void {
  ctx.flow.afterTable = false;
}

export function tableEnded(ctx: RenderContext): void {
  ctx.flow.afterTable = true;
}
