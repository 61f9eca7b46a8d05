import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

// One frozen processor: parsing is the hot path of every render.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze();

/** Markdown (the expanded templates) to the mdast tree every renderer reads. */
export function parseMarkdown(markdown: string): Root {
  return processor.runSync(processor.parse(markdown)) as Root;
}
