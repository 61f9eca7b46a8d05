import type { Element, ElementContent, Root, Text } from 'hast';

/**
 * Words at least this long are marked: longer than any word of running text in the document languages (German-
 * length compounds, long e-mail addresses stay under it), so ordinary text is laid out exactly as before.
 */
export const LONG_WORD = 40;

/** The class the print CSS gives `overflow-wrap: anywhere` (templates/base.css). */
export const LONG_WORD_CLASS = 'long-word';

const WORD = new RegExp(`\\S{${LONG_WORD},}`, 'gu');

/**
 * Wraps each very long word (a pasted link, a run of one letter) in `<span class="long-word">`, which the print CSS
 * lets break anywhere, so it wraps inside its line or table cell instead of running off the page. Only such words:
 * `overflow-wrap: anywhere` on all text would also let a table squeeze a column below its longest ordinary word and
 * break that word ("Dat|e"), which `break-word` avoids but then a long word widens its column past the paper.
 */
export function markLongWords(node: Root | Element): void {
  const children: (typeof node.children)[number][] = [];
  for (const child of node.children) {
    if (child.type === 'element') markLongWords(child);
    children.push(...(child.type === 'text' ? split(child) : [child]));
  }
  node.children = children as typeof node.children;
}

function split(text: Text): ElementContent[] {
  const out: ElementContent[] = [];
  let last = 0;
  for (const match of text.value.matchAll(WORD)) {
    if (match.index > last) out.push({ type: 'text', value: text.value.slice(last, match.index) });
    out.push({ type: 'element', tagName: 'span', properties: { className: [LONG_WORD_CLASS] }, children: [{ type: 'text', value: match[0] }] });
    last = match.index + match[0].length;
  }
  if (last === 0) return [text];
  if (last < text.value.length) out.push({ type: 'text', value: text.value.slice(last) });
  return out;
}
