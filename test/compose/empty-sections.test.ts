/**
 * No heading stands alone: in every layout, for every example and for the minimal IEP (which lists no related
 * services, aids or testing accommodations), each heading is followed by something before the next heading of the
 * same or a higher level. A lone heading reads as a mistake on paper and leaves an empty bookmark in the PDF.
 */
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import type { Iep } from '../../src/model/iep.js';
import { EXAMPLES, LAYOUT_CASES, loadExample, MINIMAL, nodeText, rawIep, validated, type TreeNode } from '../e2e/helpers.js';

const IEPS: [string, Iep][] = [['minimal', validated(rawIep(MINIMAL))], ...EXAMPLES.map((e): [string, Iep] => [e, loadExample(e)])];

/** Headings followed directly by a heading of the same or a higher level, or by nothing. */
function loneHeadings(root: TreeNode): string[] {
  const lone: string[] = [];
  const walk = (children: TreeNode[]) => {
    children.forEach((node, i) => {
      if (node.type === 'heading') {
        const next = children[i + 1];
        if (!next || (next.type === 'heading' && (next.depth ?? 0) <= (node.depth ?? 0))) lone.push(`h${node.depth} ${nodeText(node)}`);
      }
      if (node.children && node.type.endsWith('Directive')) walk(node.children);
    });
  };
  walk(root.children ?? []);
  return lone;
}

describe.each(IEPS)('%s', (_name, iep) => {
  it.each(LAYOUT_CASES)('has no lone heading in the $name layout', ({ layout, profile }) => {
    const composed = composeDocument(iep, { layout, profile });
    expect(composed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loneHeadings(composed.document!.body as TreeNode)).toEqual([]);
  });
});
