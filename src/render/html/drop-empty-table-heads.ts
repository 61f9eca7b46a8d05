import type { Element, ElementContent, Root } from 'hast';

/**
 * A Markdown table must have a header row; templates write an empty one for a table of labels and values (the NY
 * form's identifying block). Such a header is dropped, as the DOCX writer drops it (src/render/docx/table.ts), so
 * neither format draws an empty shaded row.
 */
export function dropEmptyTableHeads(node: Root | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'table') {
      child.children = child.children.filter((part) => !(part.type === 'element' && part.tagName === 'thead' && isBlank(part)));
    }
    dropEmptyTableHeads(child);
  }
}

/** True when nothing printable is inside: only whitespace text (a no-break space counts as blank). */
function isBlank(node: ElementContent): boolean {
  if (node.type === 'text') return node.value.trim() === '';
  return node.type !== 'element' || node.children.every(isBlank);
}
