import { directiveAttributes, type DirectiveNode } from '../../model/directives.js';
import { isLanguage } from '../../model/languages.js';
import type { Inline, Marks, RenderContext } from './context.js';
import { DocxRenderError } from './render-error.js';

/**
 * `:language[text]{lang dir}` (a bilingual copy's translated table cell): the runs in that language (w:lang and its
 * fonts, runs.ts) and direction (w:rtl). The cell's paragraph takes the direction from it (table.ts).
 */
export function languageDirective(node: DirectiveNode<'language'>, ctx: RenderContext, marks: Marks): Inline[] {
  const { lang, dir } = directiveAttributes(node);
  if (!isLanguage(lang)) throw new DocxRenderError(node, `"${lang}" is not a language iepkit writes`);
  return ctx.inlines(node.children, { ...ctx, lang, rtl: dir === 'rtl' }, marks);
}

/** The direction a table cell's paragraph takes: that of a `:language` directive that is all the cell holds. */
export function cellDirection(children: readonly { type: string; name?: string; attributes?: Record<string, string | null | undefined> | null }[]): 'ltr' | 'rtl' | undefined {
  const only = children.length === 1 ? children[0]! : undefined;
  if (only?.type !== 'textDirective' || only.name !== 'language') return undefined;
  return only.attributes?.dir === 'rtl' ? 'rtl' : 'ltr';
}
