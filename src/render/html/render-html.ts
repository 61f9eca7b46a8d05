import type { ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Link } from 'mdast';
import { toHast, type State } from 'mdast-util-to-hast';
import type { DocumentTree } from '../../model/document.js';
import { fontFaceCss } from '../fonts/font-face-css.js';
import { textCss } from '../fonts/font-stack.js';
import { toString } from 'mdast-util-to-string';
import { pageChromeCss, screenPageCss } from '../pdf/page-css.js';
import { bilingualCss, placeholderCss, themeCss } from '../theme/theme-css.js';
import { bracketsIntoIsolates } from './brackets-into-isolates.js';
import { directiveHandler } from './directive-handlers.js';
import { dropEmptyTableHeads } from './drop-empty-table-heads.js';
import { markLongWords } from './mark-long-words.js';

export interface HtmlOptions {
  /** The layout's CSS (templates/base.css + the layout's print.css), from the composed layout; it uses the theme's custom properties. */
  css: string;
  /** Where the page fetches its fonts, ending in `/` (e.g. a server's `/fonts/`). Default: the PDF engine's private origin. */
  fontUrlPrefix?: string;
  /** Shown on a screen (the editor's preview): the page's margins as padding, on screen only (screenPageCss). */
  onScreen?: boolean;
}

function holdsPlaceholder(node: { type: string; name?: string; children?: unknown[] }): boolean {
  if (node.type === 'textDirective' && node.name === 'placeholder') return true;
  return (node.children ?? []).some((child) => holdsPlaceholder(child as typeof node));
}

/** Only links templates write on purpose survive: web, mail and in-document anchors. */
const SAFE_HREF = /^(https?:|mailto:|#)/i;

function linkHandler(state: State, node: Link): ElementContent | ElementContent[] {
  const content = state.all(node) as ElementContent[];
  if (!SAFE_HREF.test(node.url)) return content;
  return { type: 'element', tagName: 'a', properties: { href: node.url }, children: content };
}

/**
 * The document tree as one self-contained HTML page: lang and dir on <html>, the title, the print CSS (fonts,
 * page chrome, layout), no scripts, no external references other than the toolkit's own font origin.
 */
export function renderHtml(doc: DocumentTree, options: HtmlOptions): string {
  const body = toHast(doc.body, {
    allowDangerousHtml: false,
    handlers: { containerDirective: directiveHandler, leafDirective: directiveHandler, textDirective: directiveHandler, link: linkHandler },
  }) as HastRoot;
  if (doc.meta.dir === 'rtl') bracketsIntoIsolates(body);
  markLongWords(body);
  dropEmptyTableHeads(body);
  const { meta } = doc;
  // Only the font subsets the document's text needs, so a stand-alone HTML file stays small.
  const printedText = [toString(doc.body), meta.title, meta.header, meta.notice ?? '', meta.watermark ?? '', meta.pageCounter].join('\n');
  const css = [
    fontFaceCss({ text: printedText, urlPrefix: options.fontUrlPrefix }),
    `html { ${textCss(meta.lang)} }`,
    // The bilingual copy's other language is set in its own fonts and leading, wherever it is marked.
    ...(meta.pairedLang ? [`[lang="${meta.pairedLang}"] { ${textCss(meta.pairedLang)} }`, bilingualCss()] : []),
    themeCss(),
    pageChromeCss({
      header: meta.header,
      pageCounter: meta.pageCounter,
      notice: meta.notice,
      watermark: meta.watermark,
      size: meta.page.size,
      margins: meta.page.margins,
      dir: meta.dir,
      lang: meta.lang,
    }),
    options.css,
    // Only a draft's preview shows placeholders: every other page's CSS stays as it was.
    ...(holdsPlaceholder(doc.body) ? [placeholderCss()] : []),
    ...(options.onScreen ? [screenPageCss(meta.page.margins)] : []),
  ].join('\n');
  const page: HastRoot = {
    type: 'root',
    children: [
      { type: 'doctype' },
      {
        type: 'element',
        tagName: 'html',
        properties: { lang: meta.lang, dir: meta.dir },
        children: [
          {
            type: 'element',
            tagName: 'head',
            properties: {},
            children: [
              { type: 'element', tagName: 'meta', properties: { charSet: 'utf-8' }, children: [] },
              { type: 'element', tagName: 'title', properties: {}, children: [{ type: 'text', value: meta.title }] },
              { type: 'element', tagName: 'meta', properties: { name: 'description', content: meta.subject }, children: [] },
              { type: 'element', tagName: 'meta', properties: { name: 'author', content: meta.creator }, children: [] },
              { type: 'element', tagName: 'style', properties: {}, children: [{ type: 'text', value: css }] },
            ],
          },
          {
            type: 'element',
            tagName: 'body',
            properties: { className: [`layout-${meta.layout}`] },
            children: [{ type: 'element', tagName: 'main', properties: {}, children: body.children as ElementContent[] }],
          },
        ],
      },
    ],
  };
  return toHtml(page) + '\n';
}
