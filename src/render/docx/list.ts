import { Paragraph } from 'docx';
import type { List, ListItem, RootContent } from 'mdast';
import type { Block, Inline, RenderContext } from './context.js';
import { keepFor, withKeep } from './keep-mode.js';
import { paragraphOptions } from './paragraph-options.js';
import { run } from './runs.js';
import { listIndent, NUMBERING, orderedLevels } from './styles.js';
import { SYMBOL_FONT } from './fonts.js';

type ListReference = NonNullable<RenderContext['list']>['reference'];

/**
 * Bulleted and numbered lists as real Word lists (w:numPr pointing at numbering definitions), so Word continues and
 * renumbers them and screen readers announce them as lists.
 *
 * Every ordered list gets its own numbering instance (its own w:num), so each starts at its `start` (1 unless the
 * Markdown said otherwise) instead of continuing the previous list. An ordered list nested in an ordered list is the
 * next level of its parent's instance: Word restarts a level whenever the level above it counts on. GFM task items
 * (`- [x]`) show a ballot box before their text.
 */
export function list(node: List, ctx: RenderContext): Block[] {
  const level = ctx.list ? Math.min(ctx.list.level + 1, 8) : 0;
  const ordered = node.ordered === true;
  const start = node.start ?? 1;
  let reference: ListReference = NUMBERING.bullet;
  let instance = 0;
  if (ordered && ctx.list?.ordered) {
    reference = ctx.list.reference;
    instance = ctx.list.instance;
  } else if (ordered) {
    // A list starting elsewhere than 1 brings its own definition, added to numbering.xml when first written.
    reference =
      start === 1 ? NUMBERING.ordered : { reference: `${NUMBERING.ordered}-from-${start}`, levels: orderedLevels(start) };
    instance = ctx.lists.next();
  }
  const listCtx: RenderContext = { ...ctx, list: { level, ordered, reference, instance } };
  return node.children.flatMap((item, index) =>
    listItem(item, withKeep(listCtx, keepFor(ctx.keep, index, node.children.length))),
  );
}

function listItem(item: ListItem, ctx: RenderContext): Block[] {
  const list = ctx.list!;
  const [first, ...rest] = item.children;
  const count = item.children.length;
  const numbering = {
    reference: list.reference,
    level: list.level,
    ...(list.ordered ? { instance: list.instance } : {}),
  };
  const task: Inline[] =
    typeof item.checked === 'boolean'
      ? [run(ctx, { text: item.checked ? '\u2612\u00a0' : '\u2610\u00a0', font: SYMBOL_FONT })]
      : [];

  const blocks: Block[] = [];
  // The first paragraph carries the number or bullet; an item that starts with something else gets an empty one.
  const firstCtx = withKeep(ctx, keepFor(ctx.keep, 0, count));
  const firstChildren = first?.type === 'paragraph' ? ctx.inlines(first.children, firstCtx) : [];
  blocks.push(
    new Paragraph({ ...paragraphOptions(firstCtx), numbering, children: [...task, ...firstChildren] }),
  );
  const others: RootContent[] = first?.type === 'paragraph' ? rest : item.children;
  const offset = count - others.length;
  // Further paragraphs of the item line up with its text; nested lists go one level down.
  const continuation: RenderContext = { ...ctx, indent: listIndent(list.level).left };
  others.forEach((child, index) => {
    const childCtx = withKeep(child.type === 'list' ? ctx : continuation, keepFor(ctx.keep, offset + index, count));
    blocks.push(...ctx.one(child, childCtx));
  });
  return blocks;
}
