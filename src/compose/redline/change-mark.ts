/**
 * How a redline marks one change: the `:inserted[...]` / `:deleted[...]` text directives (src/model/directives.ts)
 * with the localized label a reader sees and hears ("added", "removed") and the author and date Word's tracked
 * change records.
 */
import type { PhrasingContent } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';

export type ChangeKind = 'inserted' | 'deleted';

export interface ChangeMarks {
  /** The localized labels: `inserted` "added", `deleted` "removed". */
  readonly labels: Readonly<Record<ChangeKind, string>>;
  /** Who made the changes (the case manager, else "IEP team"), for Word's w:author. */
  readonly author: string;
  /** When (the amendment's date, YYYY-MM-DD), for Word's w:date. */
  readonly date: string;
}

/** `children` marked as inserted or deleted; a deleted copy holds no strength anchors (the new text has them). */
export function changeMark(kind: ChangeKind, children: PhrasingContent[], marks: ChangeMarks): TextDirective {
  return {
    type: 'textDirective',
    name: kind,
    attributes: { label: marks.labels[kind], author: marks.author, date: marks.date },
    children: kind === 'deleted' ? children.flatMap(withoutAnchors) : children,
  };
}

/** A `:strength` keeps its id in the new text only (one anchor per id); in deleted text it is its words. */
function withoutAnchors(node: PhrasingContent): PhrasingContent[] {
  if (node.type === 'textDirective' && node.name === 'strength') return node.children.flatMap(withoutAnchors);
  if ('children' in node && Array.isArray(node.children)) return [{ ...node, children: (node.children as PhrasingContent[]).flatMap(withoutAnchors) } as PhrasingContent];
  return [node];
}
