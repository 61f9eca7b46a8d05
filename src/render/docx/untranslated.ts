import type { TextDirective } from 'mdast-util-directive';
import type { Marks, RenderContext } from './context.js';
import { renderInlines, type Inline } from './handlers.js';
import { wordLanguageForTag } from './language.js';
import { STYLE } from './styles.js';

/**
 * `:untranslated[text]{lang="en"}`: text shown in another language where a translation is missing. It is written
 * in the Untranslated Text style (grey italic on a light tint with a dotted underline) so a reader sees it is not
 * in their language, and tagged with its own language (w:lang) for spell checkers and screen readers. The directive
 * content is written as given: any marker the template adds ("(English)") is part of it.
 */
export function untranslated(node: TextDirective, ctx: RenderContext, marks: Marks): Inline[] {
  const lang = node.attributes?.lang;
  return renderInlines(node.children, ctx, {
    ...marks,
    style: STYLE.untranslated,
    ...(typeof lang === 'string' && lang !== '' ? { language: wordLanguageForTag(lang) } : {}),
  });
}
