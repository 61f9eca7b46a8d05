import type { Nodes } from 'mdast';
import { checkDirective } from '../../model/directives.js';
import type { Block, Handlers, Inline, Marks, RenderContext } from './context.js';
import { keepFor, withKeep } from './keep-mode.js';
import { DocxRenderError } from './render-error.js';

type Bound = Pick<RenderContext, 'one' | 'all' | 'inlines'>;
type AnyHandler = (node: Nodes, ctx: RenderContext, marks: Marks) => (Block | Inline)[];

function has<T extends object>(map: T, key: string): key is Extract<keyof T, string> {
  return Object.prototype.hasOwnProperty.call(map, key);
}

/**
 * Dispatch over a handler map, for the context: ctx.one, ctx.all and ctx.inlines. A node without a handler, or a
 * directive its declaration rejects (a tree compose did not check), is an error naming its type and place
 * (DocxRenderError), never dropped.
 */
export function bindHandlers(handlers: Handlers): Bound {
  /** A directive's handler, after checking it against its declaration. */
  function directive(node: Nodes): AnyHandler | undefined {
    if (node.type !== 'containerDirective' && node.type !== 'leafDirective' && node.type !== 'textDirective') return undefined;
    // Dispatched directives sit in no directive: a directive that belongs inside another (::signer) is read by it.
    const [problem] = checkDirective(node);
    if (problem) throw new DocxRenderError(problem.node as Nodes, problem.message);
    // checkDirective passed: a known directive of its kind, not one that belongs inside another.
    return handlers.directive[node.name as keyof Handlers['directive']] as AnyHandler;
  }

  function one(node: Nodes, ctx: RenderContext): Block[] {
    const handler = directive(node) ?? (has(handlers.block, node.type) ? (handlers.block[node.type] as AnyHandler) : undefined);
    if (!handler) throw new DocxRenderError(node, `no DOCX handler for block node type "${node.type}"`);
    return handler(node, ctx, {}) as Block[];
  }

  function inline(node: Nodes, ctx: RenderContext, marks: Marks): Inline[] {
    const handler = directive(node) ?? (has(handlers.inline, node.type) ? (handlers.inline[node.type] as AnyHandler) : undefined);
    if (!handler) throw new DocxRenderError(node, `no DOCX handler for inline node type "${node.type}"`);
    return handler(node, ctx, marks) as Inline[];
  }

  return {
    one,
    // Inside a `:::keep` group (keep `allButLast`) every block but the last keeps with the next one, and the last
    // passes `allButLast` on to its own last paragraph.
    all: (nodes, ctx) => nodes.flatMap((node, index) => one(node, withKeep(ctx, keepFor(ctx.keep, index, nodes.length)))),
    inlines: (nodes, ctx, marks = {}) => nodes.flatMap((node) => inline(node, ctx, marks)),
  };
}
