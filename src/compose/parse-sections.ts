import type { Root } from 'mdast';
import type { Diagnostic } from '../model/diagnostic.js';
import { directiveKind, directiveSyntax } from '../model/directives.js';
import { checkDocumentTree } from './check-document-tree.js';
import { parseHeld } from './held-blocks.js';
import type { HeldText } from './held-text.js';
import { locateInTemplate, type ExpandedTemplate } from './locate-in-template.js';
import { parseInBlocks } from './parse-markdown.js';

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
  const body = (held && parseHeld(joined, markdown, held)) || parseInBlocks(markdown);
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
        ? 'the directives and their attributes are listed in docs/template-fields.md ("Directives"); what each means: docs/templates.md'
        : 'templates write paragraphs, headings, lists, tables, inline links and the directives (see docs/templates.md)',
    };
  });
  return { markdown, body, diagnostics };
}
