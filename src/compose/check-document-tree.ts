import type { Nodes, Root } from 'mdast';
import { BLOCK_NODE_TYPES, INLINE_NODE_TYPES, PART_NODE_TYPES } from '../model/document.js';
import { checkDirective, DIRECTIVES, isDirectiveName, type DirectiveProblem } from '../model/directives.js';

const NODE_TYPES: ReadonlySet<string> = new Set(['root', ...BLOCK_NODE_TYPES, ...INLINE_NODE_TYPES, ...PART_NODE_TYPES]);

const WHY: Record<string, string> = {
  code: 'an indented or fenced code block (four spaces of indentation make one)',
  definition: 'a link reference definition',
  linkReference: 'a reference link; write [text](url)',
  imageReference: 'a reference image',
};

/**
 * Everything in a parsed tree the renderers would reject: each directive checked against its declaration
 * (src/model/directives.ts), and every node of a type a document tree does not hold (src/model/document.ts).
 * Found here, a template mistake is a located diagnostic instead of a failed render.
 */
export function checkDocumentTree(tree: Root): DirectiveProblem[] {
  const problems: DirectiveProblem[] = [];
  const walk = (node: Nodes, parent: Nodes | undefined): void => {
    if (node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective') {
      problems.push(...checkDirective(node, parent as { type: string; name?: string } | undefined));
      // A container that holds only its own lines (:::signatures, :::pair) checked them already; what those lines
      // hold (a :::column's blocks) is walked here.
      if (isDirectiveName(node.name) && 'only' in DIRECTIVES[node.name]) {
        for (const line of node.children) if ('children' in line) for (const child of line.children) walk(child, line);
        return;
      }
    } else if (!NODE_TYPES.has(node.type)) {
      problems.push({ node, message: `${WHY[node.type] ?? `a "${node.type}" node`} has no place in a document` });
    }
    if ('children' in node) for (const child of node.children) walk(child, node);
  };
  walk(tree, undefined);
  return problems;
}
