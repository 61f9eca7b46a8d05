import type { PhrasingContent, Root } from 'mdast';
import type { DocumentTree } from '../model/document.js';
import { PLACEHOLDER_PATTERN, placeholderIndex } from '../model/placeholder.js';

/**
 * Shows each placeholder of an incomplete draft (src/model/placeholder.ts) in the composed document: in the body's
 * text as a `:placeholder[...]` directive (visibly marked by every renderer), in directive attributes and the
 * metadata (header, title) as its bracketed text. `text(i)` is what placeholder i says, e.g.
 * "[to be written: Legal first name]". Changes the document in place.
 */
export function markPlaceholders(document: DocumentTree, text: (index: number) => string): void {
  const plain = (value: string) => value.replace(PLACEHOLDER_PATTERN, (_, digits: string) => text(placeholderIndex(digits)));
  markTree(document.body, text, plain);
  const { meta } = document;
  meta.title = plain(meta.title);
  meta.subject = plain(meta.subject);
  meta.header = plain(meta.header);
  meta.creator = plain(meta.creator);
}

type Node = { type: string; value?: string; attributes?: Record<string, string | null | undefined> | null; children?: Node[] };

function markTree(root: Root, text: (index: number) => string, plain: (value: string) => string): void {
  const visit = (node: Node) => {
    if (node.attributes) {
      for (const [key, value] of Object.entries(node.attributes)) if (value) node.attributes[key] = plain(value);
    }
    if (!node.children) return;
    node.children = node.children.flatMap((child) => {
      if (child.type !== 'text' || !child.value) {
        visit(child);
        return [child];
      }
      return splitText(child.value, text) as Node[];
    });
  };
  visit(root as unknown as Node);
}

/** A text node's value as text and `:placeholder` directives, one per placeholder in it. */
function splitText(value: string, text: (index: number) => string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const match of value.matchAll(PLACEHOLDER_PATTERN)) {
    if (match.index > last) out.push({ type: 'text', value: value.slice(last, match.index) });
    out.push({ type: 'textDirective', name: 'placeholder', attributes: {}, children: [{ type: 'text', value: text(placeholderIndex(match[1]!)) }] });
    last = match.index + match[0].length;
  }
  if (last === 0) return [{ type: 'text', value }];
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  return out;
}
