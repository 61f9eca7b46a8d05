import type { Html } from 'mdast';
import type { Block, Inline, RenderContext } from './context.js';
import { DocxRenderError } from './render-error.js';

const COMMENT = /^\s*<!--[\s\S]*?-->\s*$/;

/**
 * Raw HTML in a template. An HTML comment (a note for template authors) is not content and writes nothing; any
 * other HTML has no DOCX meaning and is an error: templates express layout with the directives instead.
 */
export function html(node: Html, _ctx: RenderContext): Block[] & Inline[] {
  if (COMMENT.test(node.value)) return [];
  throw new DocxRenderError(node, 'raw HTML has no DOCX rendering; use a directive (see src/model/directives.ts)');
}
