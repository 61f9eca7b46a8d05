import type { Element, ElementContent, Root } from 'hast';

/** Brackets a template may put around a field: opening and its closing one. */
const PAIRS: Record<string, string> = { '(': ')', '[': ']' };

/**
 * In a right-to-left document, a template's brackets around a field shown in English ("{{name}} ({{when}})" with
 * `when` untranslated) stay in the Arabic text while the English inside them is an isolate (<bdi dir="ltr">). The
 * brackets then take the Arabic direction: when the English wraps, the opening one is left at the end of one line
 * and the closing one starts the next, away from the words they enclose ("(district and state tests" in the family
 * copy). Moving the pair into the isolate keeps it with the English, as the English reads.
 */
export function bracketsIntoIsolates(node: Root | Element): void {
  const children = node.children as ElementContent[];
  children.forEach((child, index) => {
    if (child.type !== 'element') return;
    bracketsIntoIsolates(child);
    const isolate = untranslatedIsolate(child);
    const before = children[index - 1];
    const after = children[index + 1];
    if (!isolate || before?.type !== 'text' || after?.type !== 'text') return;
    const open = before.value.slice(-1);
    const close = PAIRS[open];
    if (!close || !after.value.startsWith(close)) return;
    before.value = before.value.slice(0, -1);
    after.value = after.value.slice(1);
    isolate.children = [{ type: 'text', value: open }, ...isolate.children, { type: 'text', value: close }];
  });
}

/** The <bdi> of an untranslated passage (`<span class="untranslated">[note] <bdi dir="ltr">...</bdi></span>`). */
function untranslatedIsolate(element: Element): Element | undefined {
  const classes = element.properties?.className;
  if (element.tagName !== 'span' || !Array.isArray(classes) || !classes.includes('untranslated')) return undefined;
  const last = element.children[element.children.length - 1];
  return last?.type === 'element' && last.tagName === 'bdi' ? last : undefined;
}
