/**
 * HTML for each directive of the document tree (src/model/document.ts DIRECTIVES): one handler per directive.
 * The DOCX renderer has the matching handlers in src/render/docx/.
 */
import type { Element, ElementContent } from 'hast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { State } from 'mdast-util-to-hast';
import { strengthAnchor, type DirectiveName } from '../../model/document.js';

type Directive = ContainerDirective | LeafDirective | TextDirective;
type Handler = (state: State, node: Directive) => Element;

const el = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });
const attr = (node: Directive, name: string): string => node.attributes?.[name] ?? '';

/** Renders the node's children (phrasing for leaf/text directives, blocks for containers). */
function children(state: State, node: Directive): ElementContent[] {
  return state.all(node) as ElementContent[];
}

export const DIRECTIVE_HANDLERS: Record<DirectiveName, Handler> = {
  pagebreak: () => el('div', { className: ['page-break'], ariaHidden: 'true' }),

  keep: (state, node) => el('div', { className: ['keep'] }, children(state, node)),

  signatures(state, node) {
    const head = ['name', 'role', 'attended', 'signature', 'date'].map((key) => el('th', { scope: 'col' }, [text(attr(node, key))]));
    const rows = (node as ContainerDirective).children
      .filter((child): child is LeafDirective => child.type === 'leafDirective' && child.name === 'signer')
      .map((signer) =>
        el('tr', {}, [
          el('td', {}, [text(attr(signer, 'name'))]),
          el('td', {}, [text(attr(signer, 'role'))]),
          el('td', {}, [text(attr(signer, 'attended') === 'yes' ? attr(node, 'yes') : attr(node, 'no'))]),
          el('td', { className: ['signature-line'] }),
          el('td', { className: ['signature-line'] }),
        ]),
      );
    return el('table', { className: ['signatures'] }, [el('thead', {}, [el('tr', {}, head)]), el('tbody', {}, rows)]);
  },

  // Signer lines are read by their signatures container; on their own they would be a template mistake.
  signer: (_state, node) => el('p', {}, [text(attr(node, 'name'))]),

  checkbox(state, node) {
    const checked = node.attributes != null && 'checked' in node.attributes;
    // A CSS-drawn box: no symbol glyph needed from any font; the checked state is exposed to assistive technology.
    return el('span', { className: ['checkbox'], role: 'checkbox', ariaChecked: checked ? 'true' : 'false', ariaDisabled: 'true' }, [
      el('span', { className: ['box', ...(checked ? ['checked'] : [])], ariaHidden: 'true' }),
      el('span', { className: ['checkbox-label'] }, children(state, node)),
    ]);
  },

  callout: (state, node) => el('aside', { className: ['callout', `callout-${attr(node, 'kind') || 'info'}`] }, children(state, node)),

  strength: (state, node) => el('span', { id: strengthAnchor(attr(node, 'id')), className: ['strength'] }, children(state, node)),

  // An empty ref means the strength is not printed in this document (the one-page summary may leave it out).
  buildson: (state, node) =>
    el('p', { className: ['builds-on'] }, attr(node, 'ref') ? [el('a', { href: `#${strengthAnchor(attr(node, 'ref'))}` }, children(state, node))] : children(state, node)),

  untranslated: (state, node) =>
    el('span', { className: ['untranslated'] }, [
      el('span', { className: ['untranslated-note'] }, [text(`[${attr(node, 'note')}]`)]),
      text(' '),
      // <bdi> isolates the English text so it reads left-to-right inside an Arabic or Urdu sentence.
      el('bdi', { lang: attr(node, 'lang') || 'en', dir: 'ltr' }, children(state, node)),
    ]),
};

/** Dispatches any directive node to its handler; an unknown directive is a template bug and says so. */
export function directiveHandler(state: State, node: Directive): Element {
  const handler = DIRECTIVE_HANDLERS[node.name as DirectiveName];
  if (!handler) {
    const at = node.position ? ` at line ${node.position.start.line}` : '';
    throw new Error(`unknown directive "${node.name}"${at} in the document tree`);
  }
  return handler(state, node);
}
