import type { Nodes } from 'mdast';
import type { RenderContext } from './context.js';

interface Revision {
  id: number;
  author: string;
  date: string;
}

/**
 * A paragraph or table row that is all one redline change (a paragraph or row only one version has): the change,
 * to mark the paragraph mark or the row itself as inserted or deleted (w:ins / w:del in w:rPr of w:pPr, or in
 * w:trPr), so accepting a deletion in Word removes the paragraph or row, not only its words. Each content holds
 * nothing but one `:inserted` (or one `:deleted`) directive; empty ones (a blank cell) do not count.
 */
export function wholeChange(contents: readonly (readonly Nodes[])[], ctx: RenderContext): { insertion: Revision } | { deletion: Revision } | undefined {
  const marks = contents.filter((children) => children.length > 0).map((children) => (children.length === 1 ? children[0]! : undefined));
  const first = marks[0];
  if (!first || first.type !== 'textDirective' || (first.name !== 'inserted' && first.name !== 'deleted')) return undefined;
  if (!marks.every((mark) => mark?.type === 'textDirective' && mark.name === first.name)) return undefined;
  const revision = { id: ctx.revisions.next(), author: first.attributes?.author ?? '', date: `${first.attributes?.date ?? ''}T00:00:00Z` };
  return first.name === 'inserted' ? { insertion: revision } : { deletion: revision };
}
