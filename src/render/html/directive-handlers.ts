/**
 * HTML for each directive of the document tree (src/model/directives.ts): one handler per directive.
 * The DOCX renderer has the matching handlers in src/render/docx/.
 */
import type { Element, ElementContent } from 'hast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { State } from 'mdast-util-to-hast';
import { strengthAnchor } from '../../model/document.js';
import { bracketsIntoIsolates } from './brackets-into-isolates.js';
import { decodeChartSpec } from '../../model/progress-chart.js';
import { progressChartOutlined } from '../chart/progress-chart-svg.js';
import { checkDirective, directiveAttributes, type DirectiveNode, type HandledDirectiveName } from '../../model/directives.js';

type Directive = ContainerDirective | LeafDirective | TextDirective;

/**
 * One handler per directive, typed complete: leaving one out does not compile. `::signer` lines are read by their
 * `:::signatures`.
 */
export type DirectiveHandlers = { readonly [N in HandledDirectiveName]: (state: State, node: DirectiveNode<N>) => Element };

const el = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });

/** Renders the node's children (phrasing for leaf/text directives, blocks for containers). */
function children(state: State, node: Directive): ElementContent[] {
  return state.all(node) as ElementContent[];
}

export const DIRECTIVE_HANDLERS: DirectiveHandlers = {
  pagebreak: () => el('div', { className: ['page-break'], ariaHidden: 'true' }),

  keep: (state, node) => el('div', { className: ['keep'] }, children(state, node)),

  signatures(_state, node) {
    const labels = directiveAttributes(node);
    // The bilingual copy: the paired label on its own line under the English one, in its language and direction.
    const both = (en: string | undefined, paired: string | undefined) =>
      paired && labels.pairedLang && paired !== en ? [text(en ?? ''), el('div', { lang: labels.pairedLang, dir: labels.pairedDir }, [text(paired)])] : [text(en ?? '')];
    const pairedOf = { name: labels.pairedName, role: labels.pairedRole, attended: labels.pairedAttended, signature: labels.pairedSignature, date: labels.pairedDate };
    const head = (['name', 'role', 'attended', 'signature', 'date'] as const).map((key) => el('th', { scope: 'col' }, both(labels[key], pairedOf[key])));
    // The declaration allows only ::signer lines inside (checked before any handler runs).
    const rows = (node.children as DirectiveNode<'signer'>[]).map((line) => {
      const signer = directiveAttributes(line);
      const yes = signer.attended === 'yes';
      return el('tr', {}, [
        el('td', {}, [text(signer.name)]),
        el('td', {}, both(signer.role, signer.pairedRole)),
        el('td', {}, both(yes ? labels.yes : labels.no, yes ? labels.pairedYes : labels.pairedNo)),
        el('td', { className: ['signature-line'] }),
        el('td', { className: ['signature-line'] }),
      ]);
    });
    return el('table', { className: ['signatures'] }, [el('thead', {}, [el('tr', {}, head)]), el('tbody', {}, rows)]);
  },

  checkbox(state, node) {
    const { checked } = directiveAttributes(node);
    // A CSS-drawn box: no symbol glyph needed from any font; the checked state is exposed to assistive technology.
    return el('span', { className: ['checkbox'], role: 'checkbox', ariaChecked: checked ? 'true' : 'false', ariaDisabled: 'true' }, [
      el('span', { className: ['box', ...(checked ? ['checked'] : [])], ariaHidden: 'true' }),
      el('span', { className: ['checkbox-label'] }, children(state, node)),
    ]);
  },

  callout: (state, node) => el('aside', { className: ['callout', `callout-${directiveAttributes(node).kind}`] }, children(state, node)),

  strength: (state, node) =>
    el('span', { id: strengthAnchor(directiveAttributes(node).id ?? ''), className: ['strength'] }, children(state, node)),

  // An empty ref means the strength is not printed in this document (the one-page summary may leave it out).
  buildson(state, node) {
    const { ref } = directiveAttributes(node);
    return el('p', { className: ['builds-on'] }, ref ? [el('a', { href: `#${strengthAnchor(ref)}` }, children(state, node))] : children(state, node));
  },

  untranslated(state, node) {
    const { lang, note } = directiveAttributes(node);
    return el('span', { className: ['untranslated'] }, [
      el('span', { className: ['untranslated-note'] }, [text(`[${note ?? ''}]`)]),
      text(' '),
      // <bdi> isolates the English text so it reads left-to-right inside an Arabic or Urdu sentence.
      el('bdi', { lang: lang || 'en', dir: 'ltr' }, children(state, node)),
    ]);
  },

  placeholder: (state, node) => el('span', { className: ['placeholder'] }, children(state, node)),

  // The bilingual copy: two columns, each with its language and direction, so the browser shapes and orders each
  // and the PDF tags each column's text with its language (the post-print stage reads the nearest lang).
  pair(state, node) {
    const { stack } = directiveAttributes(node);
    const columns = (node.children as DirectiveNode<'column'>[]).map((column) => {
      const { lang, dir } = directiveAttributes(column);
      const element = el('div', { className: ['column'], lang, dir }, children(state, column));
      if (dir === 'rtl') bracketsIntoIsolates(element);
      return element;
    });
    return el('div', { className: ['pair', ...(stack ? ['stacked'] : [])] }, columns);
  },

  language(state, node) {
    const { lang, dir } = directiveAttributes(node);
    const element = el('span', { className: ['language'], lang, dir }, children(state, node));
    if (dir === 'rtl') bracketsIntoIsolates(element);
    return element;
  },

  // A redline's changes: the label is visible text before the change ("[added]"), so it reaches the PDF's
  // structure tree and a screen reader announces it (text that paints nothing is dropped after printing); the
  // underline or strike-through of <ins>/<del> says the same without colour.
  inserted: (state, node) => change('ins', state, node),
  deleted: (state, node) => change('del', state, node),

  // A figure whose text alternative is the trend sentence: Chromium tags both the figure and the SVG (role img) as
  // Figures with /Alt, the caption as Caption (checked in test/e2e/progress.test.ts). The SVG's words are outlines.
  chart(state, node) {
    const { alt, spec } = directiveAttributes(node);
    return el('figure', { className: ['progress-chart'], ariaLabel: alt }, [
      progressChartOutlined(decodeChartSpec(spec), alt),
      el('figcaption', {}, children(state, node)),
    ]);
  },
};

/**
 * `[label]` then the changed text in <ins> or <del>, one span. The label has a space on each side: a removal right
 * before an insertion ("once" -> "2 times") reads "once [added] 2 times", not "once[added]"; next to a space of
 * the text, or at the start of a cell, the browser collapses it.
 */
function change(tag: 'ins' | 'del', state: State, node: DirectiveNode<'inserted' | 'deleted'>): Element {
  const { label } = directiveAttributes(node);
  return el('span', { className: ['change', tag === 'ins' ? 'change-inserted' : 'change-deleted'] }, [
    el('span', { className: ['change-label'] }, [text(` [${label}] `)]),
    el(tag, {}, children(state, node)),
  ]);
}

/**
 * Dispatches any directive node to its handler. A directive its declaration rejects (a tree compose did not check)
 * is a template bug and says so.
 */
export function directiveHandler(state: State, node: Directive): Element {
  const [problem] = checkDirective(node);
  if (problem) {
    const start = problem.node.position?.start;
    throw new Error(`${problem.message}${start ? ` at line ${start.line}` : ''} in the document tree`);
  }
  const handler = DIRECTIVE_HANDLERS[node.name as HandledDirectiveName] as (state: State, node: Directive) => Element;
  return handler(state, node);
}
