import type { Node } from 'mdast';

/**
 * A node the DOCX renderer cannot render. Nothing in the tree is dropped silently: an unknown node type, a directive
 * used where it does not belong or missing what it needs stops the render with the node and its place in the
 * Markdown the templates expanded to.
 */
export class DocxRenderError extends Error {
  override readonly name = 'DocxRenderError';
  /** The mdast node type, with the directive name for directives: `containerDirective:foo`. */
  readonly nodeType: string;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(node: Node, problem: string) {
    const nodeType = describeNode(node);
    const start = node.position?.start;
    const place = start ? ` at ${start.line}:${start.column}` : '';
    super(`cannot render ${nodeType}${place} in DOCX: ${problem}`);
    this.nodeType = nodeType;
    this.line = start?.line;
    this.column = start?.column;
  }
}

export function describeNode(node: Node): string {
  const name = (node as { name?: unknown }).name;
  return node.type.endsWith('Directive') && typeof name === 'string' ? `${node.type}:${name}` : node.type;
}
