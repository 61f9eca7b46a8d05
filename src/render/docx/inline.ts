/**
 * Inline handlers: text, strong, emphasis, strikethrough, inline code, line breaks, links and (never expected) images.
 */
import { ExternalHyperlink, InternalHyperlink } from 'docx';
import type { Break, Delete, Emphasis, Image, InlineCode, Link, Strong, Text } from 'mdast';
import type { Inline, Marks, RenderContext } from './context.js';
import { run, textRuns } from './runs.js';
import { STYLE } from './styles.js';

export function text(node: Text, ctx: RenderContext, marks: Marks): Inline[] {
  return textRuns(node.value, ctx, marks);
}

export function strong(node: Strong, ctx: RenderContext, marks: Marks): Inline[] {
  return ctx.inlines(node.children, ctx, { ...marks, bold: true });
}

export function emphasis(node: Emphasis, ctx: RenderContext, marks: Marks): Inline[] {
  return ctx.inlines(node.children, ctx, { ...marks, italics: true });
}

export function strikethrough(node: Delete, ctx: RenderContext, marks: Marks): Inline[] {
  return ctx.inlines(node.children, ctx, { ...marks, strike: true });
}

export function inlineCode(node: InlineCode, ctx: RenderContext, marks: Marks): Inline[] {
  return textRuns(node.value, ctx, { ...marks, code: true });
}

/** A hard line break (two trailing spaces or a backslash at the end of a line): w:br. */
export function breakNode(_node: Break, ctx: RenderContext, marks: Marks): Inline[] {
  return [run(ctx, { break: 1, ...(marks.style ? { style: marks.style } : {}) })];
}

/**
 * Links come only from templates (data is escaped). http(s) and mailto become hyperlinks, `#anchor` an internal
 * hyperlink to the bookmark of that name; any other scheme (javascript:, file:, data:...) is written as its text
 * only, never as a link.
 */
export function link(node: Link, ctx: RenderContext, marks: Marks): Inline[] {
  const url = node.url.trim();
  if (url.startsWith('#') && url.length > 1) {
    const children = ctx.inlines(node.children, ctx, { ...marks, style: STYLE.hyperlink });
    return [new InternalHyperlink({ anchor: url.slice(1), children })];
  }
  if (/^(https?:\/\/|mailto:)/i.test(url)) {
    const children = ctx.inlines(node.children, ctx, { ...marks, style: STYLE.hyperlink });
    return [new ExternalHyperlink({ link: url, children })];
  }
  return ctx.inlines(node.children, ctx, marks);
}

/** There are no images in the tree (data is escaped); if one appears, its alt text is written, nothing is fetched. */
export function image(node: Image, ctx: RenderContext, marks: Marks): Inline[] {
  return textRuns(node.alt ?? '', ctx, marks);
}
