/**
 * The sections of a composed document (the family copy, the student summary) as text to grade for reading level.
 * Read from the document tree, so the grades describe exactly what the family and the student read: labels,
 * boilerplate, plain-language service sentences, the student's version of each goal, one-page shortening.
 */
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ReadingSection } from './reading-level.js';

/** Blocks whose text is read as one unit (a paragraph, a list item's paragraph, a table cell). */
const UNIT_TYPES = new Set<Nodes['type']>(['paragraph', 'tableCell', 'leafDirective', 'code', 'html']);

/**
 * The sections of a document body (src/model/document.ts): a new section at each heading of depth 1 or 2, with
 * the heading as title. Each paragraph, list item paragraph and table cell is one unit of text (so list items
 * without a period count as sentences). Text before the first heading is a section titled "Introduction".
 * Labels are left out, since they are not read as sentences: headings below level 2, and name-and-title lines
 * ("Priya Raman, Speech-Language Pathologist": no final punctuation, most words capitalized).
 */
export function documentSections(body: Root): ReadingSection[] {
  const sections: ReadingSection[] = [];
  let current: { title: string; units: string[] } | undefined;
  const finish = () => {
    if (current && current.units.length) {
      sections.push({ id: slug(current.title) || `section-${sections.length + 1}`, title: current.title, text: current.units.join('\n\n') });
    }
  };
  const collect = (node: Nodes) => {
    if (node.type === 'heading') {
      if (node.depth > 2) return;
      finish();
      current = { title: unitText(node).trim(), units: [] };
      return;
    }
    if (UNIT_TYPES.has(node.type)) {
      const text = unitText(node).replace(/\s+/g, ' ').trim();
      if (text && !isLabel(text)) (current ??= { title: 'Introduction', units: [] }).units.push(text);
      return;
    }
    if ('children' in node) for (const child of node.children) collect(child);
  };
  for (const child of body.children) collect(child);
  finish();
  return sections;
}

/**
 * The words of a block as read: its text without HTML or image descriptions, with a hard line break read as a
 * space (mdast-util-to-string drops breaks, which would join the words on either side).
 */
function unitText(node: Nodes): string {
  const parts = 'children' in node ? node.children : [node];
  return parts.map((child) => (child.type === 'break' ? ' ' : toString(child, { includeHtml: false, includeImageAlt: false }))).join('');
}

/** A name, title or label line rather than a sentence: no final punctuation, and most words capitalized. */
export function isLabel(text: string): boolean {
  if (/[.!?:;]["'\u201d\u2019)]*$/.test(text)) return false;
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return true;
  const capitalized = words.filter((w) => /^[("'\u201c]?\p{Lu}/u.test(w)).length;
  return capitalized / words.length >= 0.6;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
