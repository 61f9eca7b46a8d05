/**
 * Print CSS for the page chrome: paper size and margins, the running header (with the notice under it) and the
 * "Page X of Y" footer as @page margin boxes, the DRAFT watermark, and the break rules that keep tables and headings
 * readable across pages. The HTML renderer includes this in the document's <style>; Chromium prints it.
 *
 * Margin boxes are not part of the document's tag tree, so the running header and footer do not repeat for screen
 * readers on every page. The watermark is generated content with empty alternative text (`content: "DRAFT" / ""`)
 * and sits behind the text: it is neither read aloud nor able to hide a word.
 */
import type { Language } from '../../model/languages.js';
import type { PageSetup, PageSize } from '../../model/document.js';
import { fontStack, LANGUAGE_LINE_HEIGHT } from '../fonts/font-stack.js';
import { cssPt, runningTextDeclarations, watermarkDeclarations } from '../theme/theme-css.js';
import { THEME } from '../theme/tokens.js';

export interface PageChromeOptions {
  /** The running header, already localized (student name, date of birth, ID). */
  header: string;
  /** The footer's page counter with `{page}` and `{pages}` placeholders, e.g. "Page {page} of {pages}". */
  pageCounter: string;
  /** A line under the header on every page. */
  notice?: string;
  /** A diagonal watermark on every page, e.g. the localized word DRAFT. */
  watermark?: string;
  size: PageSize;
  /** Margins in millimetres; the top and bottom margins hold the header and footer. */
  margins: PageSetup['margins'];
  dir: 'ltr' | 'rtl';
  /** The document language, for the margin boxes' font stack (default: English's). */
  lang?: Language;
}

const PAGE_SIZE_CSS: Record<PageSize, string> = { letter: 'letter', a4: 'A4' };

/** A CSS string literal that is safe inside a <style> element: quotes, backslashes, `<`, `>` and controls are escaped. */
export function cssString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\n') out += '\\00000a';
    else if (ch === '"' || ch === '\\' || ch === '<' || ch === '>' || ch === '&' || cp < 0x20 || cp === 0x7f || cp === 0x2028 || cp === 0x2029) {
      out += `\\${cp.toString(16).padStart(6, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}

/**
 * A margin box ignores `overflow-wrap` (Chromium sizes it to its text), so a very long word in the header (a name
 * written without spaces) gets a zero width space between its characters: it wraps instead of running off the page.
 */
function breakableLongWords(text: string): string {
  return text.replace(/\S{40,}/gu, (word) => [...word].join('\u200B'));
}

/** The `content` value for a page counter template: `"Page " counter(page) " of " counter(pages)`. */
export function pageCounterContent(template: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(page|pages)\}/g)) {
    if (match.index > last) parts.push(cssString(template.slice(last, match.index)));
    parts.push(`counter(${match[1]})`);
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push(cssString(template.slice(last)));
  return parts.length ? parts.join(' ') : '""';
}

/** Every character the margin boxes can print: header, notice, the counter's words and all digits. */
function marginText(options: PageChromeOptions): string {
  return [options.header, options.notice ?? '', options.pageCounter.replace(/\{pages?\}/g, ''), '0123456789'].join(' ');
}

/**
 * On a screen (the editor's live preview) the page's text would touch the frame's edges, since the margins are the
 * printed page's (@page). This gives the page the document's own margins as padding, so it reads like the sheet it
 * prints on. `@media screen` only: the PDF is printed with the print media type and does not change.
 */
export function screenPageCss(margins: PageChromeOptions['margins']): string {
  const mm = (n: number) => `${Number(n.toFixed(2))}mm`;
  return `@media screen {\n  body { padding: ${mm(margins.top)} ${mm(margins.right)} ${mm(margins.bottom)} ${mm(margins.left)}; }\n}`;
}

export function pageChromeCss(options: PageChromeOptions): string {
  const { margins, dir } = options;
  const rtl = dir === 'rtl';
  const font = fontStack(options.lang ?? 'en');
  const lineHeight = Math.max(1.35, LANGUAGE_LINE_HEIGHT[options.lang ?? 'en'] - 0.1);
  // The header sits at the start of the line: top-left in left-to-right documents, top-right in right-to-left ones.
  const headerBox = rtl ? 'top-right' : 'top-left';
  const header = breakableLongWords(options.header);
  const headerContent = options.notice ? `${cssString(header)} "\\00000a" ${cssString(options.notice)}` : cssString(header);
  const mm = (n: number) => `${Number(n.toFixed(2))}mm`;

  const css = [
    `@page {`,
    `  size: ${PAGE_SIZE_CSS[options.size]};`,
    `  margin: ${mm(margins.top)} ${mm(margins.right)} ${mm(margins.bottom)} ${mm(margins.left)};`,
    `  @${headerBox} {`,
    `    content: ${headerContent};`,
    `    white-space: pre-wrap;`,
    `    font-family: ${font};`,
    ...runningTextDeclarations('header').map((d) => `    ${d}`),
    `    line-height: ${lineHeight};`,
    `    direction: ${dir};`,
    `    text-align: ${rtl ? 'right' : 'left'};`,
    `    vertical-align: bottom;`,
    `    padding-bottom: ${cssPt(THEME.header.ruleGap)};`,
    `    border-bottom: ${cssPt(THEME.border.headerRule)} solid ${THEME.color.rule};`,
    `    margin-bottom: ${cssPt(THEME.header.gap)};`,
    `  }`,
    `  @bottom-center {`,
    `    content: ${pageCounterContent(options.pageCounter)};`,
    `    font-family: ${font};`,
    ...runningTextDeclarations('footer').map((d) => `    ${d}`),
    `    direction: ${dir};`,
    `    vertical-align: top;`,
    `    padding-top: 3mm;`,
    `  }`,
    `}`,
    ``,
    `/* Tables: the header row repeats on every page, a row is never split across pages. */`,
    `thead { display: table-header-group; }`,
    `tfoot { display: table-footer-group; }`,
    `tr, th, td { break-inside: avoid; page-break-inside: avoid; }`,
    `/* A heading stays with what follows it. */`,
    `h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }`,
    `p, li { orphans: 2; widows: 2; }`,
    ``,
    `/*`,
    ` * The margin boxes' text, laid out once in the document but never shown: Chromium loads web fonts only for text`,
    ` * it lays out before printing, and margin boxes are laid out while printing, too late (their text printed blank).`,
    ` */`,
    `body::after {`,
    `  content: ${cssString(marginText(options))} / "";`,
    `  font-family: ${font};`,
    `  font-size: ${cssPt(THEME.header.size)};`,
    `  visibility: hidden;`,
    `  position: absolute;`,
    `  top: 0;`,
    `  left: 0;`,
    `  width: 0;`,
    `  height: 0;`,
    `  overflow: hidden;`,
    `  white-space: nowrap;`,
    `}`,
  ];
  if (options.watermark) {
    css.push(
      ``,
      `/* The watermark: repeated on every printed page (position: fixed), behind the text, silent for screen readers. */`,
      `body::before {`,
      `  content: ${cssString(options.watermark)} / "";`,
      `  position: fixed;`,
      `  top: 50%;`,
      `  left: 50%;`,
      `  z-index: -1;`,
      ...watermarkDeclarations(options.watermark).map((d) => `  ${d}`),
      `  white-space: nowrap;`,
      `  pointer-events: none;`,
      `}`,
    );
  }
  return css.join('\n') + '\n';
}
