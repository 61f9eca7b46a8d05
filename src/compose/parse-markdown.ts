import type { Root } from 'mdast';
import type { Diagnostic } from '../model/diagnostic.js';
import { directiveKind, directiveSyntax } from '../model/directives.js';
import { checkDocumentTree } from './check-document-tree.js';
import type { HeldText } from './held-text.js';
import { locateInTemplate, type ExpandedTemplate } from './locate-in-template.js';
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
 * GFM tables (when `tables`), strikethrough and task lists, but NOT autolink literals: that extension turns any
 * URL-looking text into a link after escapes are resolved, so data like "http://127.0.0.1/x" would become a link.
 * Templates write their links explicitly; data text stays text.
 */
function remarkGfmWithoutAutolinks(this: Processor, { tables }: { tables: boolean }) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(...(tables ? [gfmTable()] : []), gfmStrikethrough(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(...(tables ? [gfmTableFromMarkdown()] : []), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown());
}

// Frozen processors: parsing is on the hot path of every render. A table needs a pipe, so Markdown without one
// gives the same tree without the table extension, which otherwise tries every line (a tenth of the family copy's
// parse).
const processor = unified().use(remarkParse).use(remarkGfmWithoutAutolinks, { tables: true }).use(remarkDirective).freeze();
const processorWithoutTables = unified().use(remarkParse).use(remarkGfmWithoutAutolinks, { tables: false }).use(remarkDirective).freeze();

/** Markdown (the expanded templates) to the mdast tree every renderer reads. */
export function parseMarkdown(markdown: string): Root {
  const chosen = markdown.includes('|') ? processor : processorWithoutTables;
  return chosen.runSync(chosen.parse(markdown)) as Root;
}

export interface ParsedSections {
  /** The expanded sections joined by blank lines: what was parsed. */
  markdown: string;
  body: Root;
  /** A template-error for each directive its declaration rejects and each node a document does not hold. */
  diagnostics: Diagnostic[];
}

/**
 * The expanded sections as ONE tree, checked (checkDocumentTree): a mistake is a template-error naming the template
 * file and line it was written on (a section or one of `partials`), never a crash in a renderer or a silent drop.
 * With `held`, the sections hold its placeholders (held-text.ts): the tree and the Markdown returned hold the data.
 */
export function parseSections(sections: readonly ExpandedTemplate[], partials: readonly { file: string; source: string }[], held?: HeldText): ParsedSections {
  const expanded = sections.filter((section) => section.markdown !== '');
  const joined = expanded.map((section) => section.markdown).join('\n\n') + '\n';
  const markdown = held ? held.restore(joined) : joined;
  const body = held?.parse(joined, parseMarkdown) ?? parseMarkdown(markdown);
  const problems = checkDocumentTree(body);
  const written = held && problems.length > 0 ? expanded.map((section) => ({ ...section, markdown: held.restore(section.markdown) })) : expanded;
  const diagnostics = problems.map(({ node, message }): Diagnostic => {
    const { name } = node as { name?: string };
    const marker = node.type.endsWith('Directive') && name !== undefined ? directiveSyntax(name, directiveKind(node)) : undefined;
    const place = node.position ? locateInTemplate(written, partials, node.position.start.line, marker) : undefined;
    return {
      code: 'template-error',
      severity: 'error',
      ...(place ?? {}),
      message,
      hint: marker
        ? 'the directives and their attributes are declared in src/model/directives.ts (see docs/templates.md, "Directives")'
        : 'templates write paragraphs, headings, lists, tables, inline links and the directives (see docs/templates.md)',
    };
  });
  return { markdown, body, diagnostics };
}
