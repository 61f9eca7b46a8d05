import type { Root } from 'mdast';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

/**
 * GFM tables, strikethrough and task lists, but NOT autolink literals: that extension turns any URL-looking text
 * into a link after escapes are resolved, so data like "http://127.0.0.1/x" would become a link. Templates write
 * their links explicitly; data text stays text.
 */
function remarkGfmWithoutAutolinks(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown());
}

// One frozen processor: parsing is on the hot path of every render.
const processor = unified().use(remarkParse).use(remarkGfmWithoutAutolinks).use(remarkDirective).freeze();

/** Markdown (the expanded templates) to the mdast tree every renderer reads. */
export function parseMarkdown(markdown: string): Root {
  return processor.runSync(processor.parse(markdown)) as Root;
}
