/**
 * Document tree -> DOCX.
 *
 *   1. walk the mdast body with the handler map (handlers.ts; one file per node type and directive, recursing
 *      through the context that bindHandlers binds to the map) into docx
 *      paragraphs and tables, styles from styles.ts, lists on the numbering definitions there; text runs with their
 *      properties formatted once per formatting (formatted-run.ts);
 *   2. one section with the page size and margins of meta.page, the running header (meta.header, meta.notice, the
 *      meta.watermark DRAFT shape) and the footer's "Page X of Y" fields (page.ts);
 *   3. compile the package's parts with the docx library (compile-package.ts; not zipped; the styles and theme
 *      formatted once per language and layout, remembered-parts.ts), finish what the library
 *      cannot write: the right-to-left settings (rtl.ts), core properties with meta.created and dc:language
 *      (core-properties.ts), the ids it draws at random (reproducible.ts); zip once with fixed dates (zip.ts): the
 *      same tree gives the same bytes.
 *
 * Renderers see only the tree: no IEP data, no file or network access.
 */
import { Document, SectionType, type ISectionOptions } from 'docx';
import type { RootContent } from 'mdast';
import type { DocumentTree } from '../../model/document.js';
import { createListCounter, type RenderContext } from './context.js';
import { bracketsIntoUntranslated } from './brackets-into-untranslated.js';
import { corePropertiesXml } from './core-properties.js';
import { embeddedFonts, finishEmbeddedFonts } from './embedded-fonts.js';
import { bindHandlers } from './bind-handlers.js';
import { compilePackage } from './compile-package.js';
import { handlers } from './handlers.js';
import { formatAttributesLinearly } from './linear-attributes.js';
import { prepareChildrenInOnePass } from './one-pass-children.js';
import { COLUMN_GAP, layoutStyle } from './layouts.js';
import { createFooter, createHeader, pageGeometry, sectionProperties } from './page.js';
import { makeReproducible, toParts } from './reproducible.js';
import { rememberStylesAndTheme } from './remembered-parts.js';
import { renumberRevisions } from './revision-ids.js';
import { rtlDocument, rtlSettings, rtlStyles } from './rtl.js';
import { separateTables } from './separate-tables.js';
import { createNumbering, createStyles } from './styles.js';
import { writeZip } from './zip.js';

export { DocxRenderError } from './render-error.js';

/** The DOCX of a document tree. Throws DocxRenderError for a node it cannot render (type and place in the message). */
export async function renderDocx(doc: DocumentTree): Promise<Buffer> {
  formatAttributesLinearly();
  prepareChildrenInOnePass();
  const { meta } = doc;
  const body = meta.dir === 'rtl' ? bracketsIntoUntranslated(doc.body) : doc.body;
  const geometry = pageGeometry(meta.page);
  const ctx: RenderContext = {
    meta,
    rtl: meta.dir === 'rtl',
    keep: 'none',
    width: geometry.textWidth,
    lists: createListCounter(),
    revisions: createListCounter(),
    flow: { afterTable: false },
    ...bindHandlers(handlers),
  };
  const layout = layoutStyle(meta.layout);
  const header = createHeader(ctx);
  const footer = createFooter(ctx);
  const page = sectionProperties(geometry);
  let sections: ISectionOptions[];
  if (layout.columns > 1) {
    // A full-width title (and the paragraph under it), then the rest in columns from a continuous section break;
    // the second section has no header or footer of its own, so it keeps the first one's.
    const [spanning, columned] = splitTitle(body.children);
    const columnWidth = Math.floor((geometry.textWidth - COLUMN_GAP * (layout.columns - 1)) / layout.columns);
    const columns = separateTables(ctx.all(columned, { ...ctx, width: columnWidth }), ctx);
    const columnSection: ISectionOptions = {
      properties: {
        ...page,
        type: SectionType.CONTINUOUS,
        column: { count: layout.columns, space: COLUMN_GAP, equalWidth: true },
      },
      children: columns,
    };
    sections =
      spanning.length > 0
        ? [
            {
              properties: page,
              headers: { default: header },
              footers: { default: footer },
              children: ctx.all(spanning, ctx),
            },
            columnSection,
          ]
        : [{ ...columnSection, properties: { ...columnSection.properties, type: SectionType.NEXT_PAGE }, headers: { default: header }, footers: { default: footer } }];
  } else {
    const children = separateTables(ctx.all(body.children, ctx), ctx);
    sections = [{ properties: page, headers: { default: header }, footers: { default: footer }, children }];
  }

  const styles = { compact: layout.compact, rtl: ctx.rtl, charts: holdsChart(doc.body) };
  const document = new Document({
    title: meta.title,
    subject: meta.subject,
    creator: meta.creator,
    description: meta.subject,
    lastModifiedBy: meta.creator,
    revision: 1,
    styles: createStyles(meta.lang, styles),
    numbering: createNumbering(),
    fonts: embeddedFonts(doc),
    sections,
  });
  rememberStylesAndTheme(document, JSON.stringify([meta.lang, styles]));

  const { order, parts, binary } = toParts(compilePackage(document));
  parts.set('docProps/core.xml', corePropertiesXml(meta));
  if (ctx.rtl) {
    edit(parts, 'word/document.xml', rtlDocument);
    edit(parts, 'word/styles.xml', rtlStyles);
    edit(parts, 'word/settings.xml', (xml) => rtlSettings(xml, meta.lang));
  }
  makeReproducible(parts);
  // After the bookmarks are numbered from 1 in the package: the changes are numbered after the highest of them.
  edit(parts, 'word/document.xml', renumberRevisions);
  const subsetFonts = finishEmbeddedFonts(parts, binary);
  const entries = order.map((path) => ({
    path,
    data: binary.get(path) ?? Buffer.from(parts.get(path)!, 'utf8'),
    shared: !OWN_TEXT.test(path) && !subsetFonts.has(path),
  }));
  return writeZip(entries, meta.created);
}

/** Parts with the document's own text (body, header, footer, title, link targets): not the same in other documents. */
const OWN_TEXT = /^(word\/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml|word\/_rels\/document\.xml\.rels|docProps\/core\.xml)$/;

/** The leading title (a level-1 heading) and the first paragraph after it, and everything after those. */
function splitTitle(blocks: readonly RootContent[]): [RootContent[], RootContent[]] {
  if (blocks[0]?.type !== 'heading' || blocks[0].depth !== 1) return [[], [...blocks]];
  const end = blocks[1]?.type === 'paragraph' ? 2 : 1;
  return [blocks.slice(0, end), blocks.slice(end)];
}

function edit(parts: Map<string, string>, path: string, change: (xml: string) => string): void {
  const xml = parts.get(path);
  if (xml === undefined) throw new Error(`the docx library wrote no ${path}`);
  parts.set(path, change(xml));
}

/** Whether the tree has a `::chart` (its caption style is written only then, so other documents' styles stay as they were). */
function holdsChart(node: { type: string; name?: string; children?: unknown[] }): boolean {
  if (node.type === 'leafDirective' && node.name === 'chart') return true;
  return (node.children ?? []).some((child) => holdsChart(child as typeof node));
}
