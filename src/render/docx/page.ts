/**
 * The page: size and margins from meta.page, the running header (student line, notice, DRAFT watermark) and the
 * footer's "Page X of Y".
 */
import {
  BorderStyle,
  Footer,
  Header,
  PageNumber,
  Paragraph,
  type ISectionPropertiesOptions,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import type { PageSetup } from '../../model/document.js';
import type { Inline, RenderContext } from './context.js';
import { LANGUAGE_FONT } from './fonts.js';
import { run, textRuns } from './runs.js';
import { DOCX_BORDER, DOCX_COLOR, DOCX_HEADER, docxWatermark } from '../theme/docx-styles.js';
import { STYLE } from './styles.js';

/** Page sizes in twips (1/1440 in). Letter: 8.5 x 11 in; A4: 210 x 297 mm. */
const PAGE_SIZE = {
  letter: { width: 12240, height: 15840 },
  a4: { width: 11906, height: 16838 }, // what Word writes for 210 x 297 mm
} as const;

export interface PageGeometry {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number; header: number; footer: number };
  /** The width between the margins: what a full-width table spans. */
  textWidth: number;
}

export function pageGeometry(page: PageSetup): PageGeometry {
  const size = PAGE_SIZE[page.size];
  const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
  const top = twips(page.margins.top);
  const bottom = twips(page.margins.bottom);
  const left = twips(page.margins.left);
  const right = twips(page.margins.right);
  // The header and footer sit halfway into their margins, at most 1/2 in from the paper's edge.
  const header = Math.min(720, Math.round(top / 2));
  const footer = Math.min(720, Math.round(bottom / 2));
  return { ...size, margin: { top, right, bottom, left, header, footer }, textWidth: size.width - left - right };
}

export function sectionProperties(geometry: PageGeometry): ISectionPropertiesOptions {
  return {
    page: { size: { width: geometry.width, height: geometry.height }, margin: geometry.margin },
  };
}

/**
 * The running header: meta.header on every page with a light rule under it, then meta.notice when set. The DRAFT
 * watermark is a run in the first header paragraph: a WordArt text shape (VML, as Word's own Design > Watermark
 * writes it, so Word can also remove it) centred on the page behind the text, in the theme's colour, opacity and
 * angle, the size of the PDF's. LibreOffice draws it too (see test/render/docx/libreoffice.test.ts).
 */
export function createHeader(ctx: RenderContext): Header {
  const { meta } = ctx;
  const bidi = ctx.rtl ? { bidirectional: true } : {};
  const rule = { bottom: { style: BorderStyle.SINGLE, size: DOCX_BORDER.headerRule, color: DOCX_COLOR.rule, space: DOCX_HEADER.ruleGap } };
  const watermark: Inline[] = meta.watermark ? [watermarkRun(ctx, meta.watermark)] : [];
  const paragraphs = [
    new Paragraph({
      ...bidi,
      style: STYLE.headerText,
      ...(meta.notice ? {} : { border: rule, spacing: { after: DOCX_HEADER.gap } }),
      children: [...textRuns(meta.header, ctx), ...watermark],
    }),
  ];
  if (meta.notice) {
    paragraphs.push(
      new Paragraph({
        ...bidi,
        style: STYLE.noticeText,
        border: rule,
        spacing: { after: DOCX_HEADER.gap },
        children: textRuns(meta.notice, ctx),
      }),
    );
  }
  return new Header({ children: paragraphs });
}

function watermarkRun(ctx: RenderContext, text: string): TextWatermark {
  // The word is in the document's language: the family that language is set in.
  const font = LANGUAGE_FONT[ctx.meta.lang];
  return new TextWatermark({ text, font, ...docxWatermark(text) });
}

/**
 * The footer: meta.pageCounter with its `{page}` and `{pages}` placeholders replaced by PAGE and NUMPAGES fields, in
 * whatever order the language puts them ("Page 1 of 3", "第 1 页，共 3 页").
 */
export function createFooter(ctx: RenderContext): Footer {
  const children = ctx.meta.pageCounter
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .flatMap((part): Inline[] => {
      if (part === '{page}') return [run(ctx, { children: [PageNumber.CURRENT] })];
      if (part === '{pages}') return [run(ctx, { children: [PageNumber.TOTAL_PAGES] })];
      return textRuns(part, ctx);
    });
  return new Footer({
    children: [new Paragraph({ ...(ctx.rtl ? { bidirectional: true } : {}), style: STYLE.footerText, children })],
  });
}
