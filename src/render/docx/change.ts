import { directiveAttributes, type DirectiveNode } from '../../model/directives.js';
import type { Inline, Marks, RenderContext } from './context.js';

/**
 * `:inserted[...]` and `:deleted[...]` (a redline's changes): the runs inside are Word tracked changes, w:ins or
 * w:del with the author and date the directive gives (runs.ts), so Word shows them underlined or struck through in
 * the author's colour and a reviewer can accept or reject each. The visible label the PDF prints ("[added]") is
 * not written: Word's own markup says it, and accepting the changes must leave only the new text.
 */
export function inserted(node: DirectiveNode<'inserted'>, ctx: RenderContext, marks: Marks): Inline[] {
  return changeRuns(node, ctx, marks, 'inserted');
}

export function deleted(node: DirectiveNode<'deleted'>, ctx: RenderContext, marks: Marks): Inline[] {
  return changeRuns(node, ctx, marks, 'deleted');
}

function changeRuns(node: DirectiveNode<'inserted' | 'deleted'>, ctx: RenderContext, marks: Marks, kind: 'inserted' | 'deleted'): Inline[] {
  const { author, date } = directiveAttributes(node);
  // w:date is a date and time; the amendment has a date only: midnight UTC of that day, the same every time.
  return ctx.inlines(node.children, ctx, { ...marks, change: { kind, author, date: `${date}T00:00:00Z` } });
}
