import { escapeRegExp } from '../model/escape-regexp.js';

/** A piece of expanded Markdown and the template it came from. */
export interface ExpandedTemplate {
  file: string;
  source: string;
  markdown: string;
}

export interface TemplatePlace {
  file: string;
  line?: number;
  column?: number;
}

const MUSTACHE = /\{\{[\s\S]*?\}\}\}?/g;

/** A template line as a pattern its expansions match: text literal, each `{{...}}` anything. */
function linePattern(line: string): RegExp | undefined {
  const literals = line.trim().split(MUSTACHE);
  if (literals.join('').trim() === '') return undefined;
  return new RegExp(`^${literals.map(escapeRegExp).join('[\\s\\S]*?')}$`);
}

/**
 * Where in the templates a line of the joined Markdown was written. The Markdown is the expanded sections joined by
 * blank lines, so the line falls in one section; the template line is the one in that section or a partial whose
 * text, with its `{{...}}` as wildcards, gives the expanded line (and holds `marker`, the directive as written, when
 * given). The section's own lines come before the partials'. Without such a line, the section file alone.
 */
export function locateInTemplate(
  sections: readonly ExpandedTemplate[],
  partials: readonly { file: string; source: string }[],
  line: number,
  marker?: string,
): TemplatePlace | undefined {
  let start = 1;
  for (const section of sections) {
    const lines = section.markdown.split('\n');
    if (line < start + lines.length) {
      const expanded = (lines[line - start] ?? '').trim();
      const templates = [section, ...partials];
      // Data with line breaks spreads one template line over several: then the directive as written is enough.
      const found =
        find(templates, (text) => (marker === undefined || text.includes(marker)) && linePattern(text)?.test(expanded) === true) ??
        (marker === undefined ? undefined : find(templates, (text) => text.includes(marker)));
      if (!found) return { file: section.file };
      const at = marker === undefined ? found.text.search(/\S/) : found.text.indexOf(marker);
      return { file: found.file, line: found.line, column: at + 1 };
    }
    start += lines.length + 1;
  }
  return undefined;
}

function find(templates: readonly { file: string; source: string }[], test: (text: string) => boolean) {
  for (const template of templates) {
    const lines = template.source.split('\n');
    const index = lines.findIndex(test);
    if (index >= 0) return { file: template.file, line: index + 1, text: lines[index]! };
  }
  return undefined;
}
