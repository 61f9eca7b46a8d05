import type { Nodes, Root } from 'mdast';

/** Brackets a template may put around a field: opening and its closing one. */
const PAIRS: Record<string, string> = { '(': ')', '[': ']' };

/**
 * A copy of the body where a template's brackets around an untranslated field ("{{name}} ({{when}})" with `when`
 * shown in English) are moved inside the field. In a right-to-left paragraph the brackets would otherwise take the
 * Arabic direction while the English between them runs left to right: when the English wraps, the opening bracket
 * is left at the end of one line and the closing one starts the next ("(district and state tests"). Inside the
 * field they are part of its left-to-right run and stay with the words, as the HTML keeps them in its <bdi>.
 */
export function bracketsIntoUntranslated(body: Root): Root {
  const copy = structuredClone(body);
  visit(copy);
  return copy;
}

function visit(node: Nodes): void {
  if (!('children' in node)) return;
  const children = node.children as Nodes[];
  children.forEach((child, index) => {
    visit(child);
    if (child.type !== 'textDirective' || child.name !== 'untranslated') return;
    const before = children[index - 1];
    const after = children[index + 1];
    if (before?.type !== 'text' || after?.type !== 'text') return;
    const open = before.value.slice(-1);
    const close = PAIRS[open];
    if (!close || !after.value.startsWith(close)) return;
    before.value = before.value.slice(0, -1);
    after.value = after.value.slice(1);
    child.children = [{ type: 'text', value: open }, ...child.children, { type: 'text', value: close }];
  });
}
