import { directiveAttributes, type DirectiveNode } from '../../model/directives.js';
import type { Inline, Marks, RenderContext } from './context.js';
import { wordLanguageForTag } from './language.js';
import { textRuns } from './runs.js';
import { STYLE } from './styles.js';

const LRM = '\u200e';

/**
 * `:untranslated[text]{lang="en" note="..."}`: text shown in another language where a translation is missing. The
 * note the template gives in the reader's language ("Not yet translated; shown in English") comes first, in
 * brackets and small italics, then the text in the Untranslated Text style (grey italic on a light tint with a
 * dotted underline), tagged with its own language (w:lang) for spell checkers and screen readers. In a
 * right-to-left document the English is its own left-to-right run (runs.ts).
 */
export function untranslated(node: DirectiveNode<'untranslated'>, ctx: RenderContext, marks: Marks): Inline[] {
  const { lang, note } = directiveAttributes(node);
  const marker = note ? [...textRuns(`[${note}]`, ctx, { ...marks, style: STYLE.untranslatedNote }), ...textRuns(' ', ctx, marks)] : [];
  const textMarks: Marks = {
    ...marks,
    style: STYLE.untranslated,
    ltr: true,
    ...(lang ? { language: wordLanguageForTag(lang) } : {}),
  };
  // In a right-to-left paragraph the English runs are left-to-right (no w:rtl), and a left-to-right mark on each
  // side keeps the sentence's own punctuation (its final period, brackets) with it instead of at the paragraph's
  // side: what the HTML's <bdi dir="ltr"> does.
  const isolate = ctx.rtl ? textRuns(LRM, ctx, textMarks) : [];
  return [...marker, ...isolate, ...ctx.inlines(node.children, ctx, textMarks), ...isolate];
}
