import { formatJsonPath, hasErrors, type Diagnostic, type JsonPath } from '../model/diagnostic.js';
import type { DocumentTree } from '../model/document.js';
import type { Iep } from '../model/iep.js';
import { LANGUAGES } from '../model/languages.js';
import { composeDocument, type ComposedDocument, type ComposeOptions } from '../compose/compose-document.js';
import type { UntranslatedField } from '../compose/view-model.js';
import { renderDocx } from './docx/render-docx.js';
import { checkGlyphCoverage } from './fonts/check-glyph-coverage.js';
import { renderHtml } from './html/render-html.js';
import { BrowserPool } from './pdf/browser-pool.js';
import { PdfRenderError } from './pdf/pdf-render-error.js';
import { renderPdf } from './pdf/render-pdf.js';
import { pdfPageCount } from './pdf/page-count.js';
export { pdfPageCount } from './pdf/page-count.js';

import type { OutputFormat } from '../model/formats.js';
export { FORMATS, type OutputFormat } from '../model/formats.js';

export interface RenderOptions extends ComposeOptions {
  /** Default: docx and pdf. */
  formats?: readonly OutputFormat[];
  /** A browser pool to print PDFs with. Pass one when rendering many documents; otherwise one is started and closed. */
  browserPool?: BrowserPool;
  /** Per-document PDF timeout in ms. */
  pdfTimeoutMs?: number;
}

export interface RenderedFile {
  format: OutputFormat;
  /** `<student-id>-<layout>-<lang>.<ext>` */
  fileName: string;
  data: Buffer;
}

export interface RenderResult {
  outputs: RenderedFile[];
  diagnostics: Diagnostic[];
  /** Narrative fields printed in English because the IEP lacks a translation for the copy's language. */
  untranslated: UntranslatedField[];
  document?: DocumentTree;
}

/**
 * Renders one IEP in one layout and language to the requested formats, all from one document tree. Never throws
 * for bad data or a failed render: problems come back as diagnostics and the outputs that could be made.
 */
export async function renderIep(iep: Iep, options: RenderOptions = {}): Promise<RenderResult> {
  const formats = options.formats ?? ['docx', 'pdf'];
  const lang = options.lang ?? 'en';
  let composed = composeDocument(iep, options);
  if (!composed.document || !composed.layout) return { outputs: [], diagnostics: composed.diagnostics, untranslated: composed.untranslated };

  // Characters no bundled font can draw would print as empty boxes: refuse them by name and field instead.
  const glyphProblems = checkGlyphCoverage(dataStrings(iep, lang));
  if (hasErrors(glyphProblems)) {
    return { outputs: [], diagnostics: [...composed.diagnostics, ...glyphProblems], untranslated: composed.untranslated, document: composed.document };
  }

  const problems: Diagnostic[] = [];
  let pdf: Buffer | undefined;
  if (formats.includes('pdf')) {
    const pool = options.browserPool ?? new BrowserPool();
    try {
      ({ composed, pdf } = await printFitting(iep, options, composed, pool));
    } catch (error) {
      if (error instanceof PdfRenderError) problems.push(...error.diagnostics);
      else throw error;
    } finally {
      if (!options.browserPool) await pool.close();
    }
  }

  const doc = composed.document!;
  const base = `${iep.student.id}-${options.layout ?? 'official'}-${lang}`;
  const outputs: RenderedFile[] = [];
  for (const format of formats) {
    try {
      if (format === 'html') outputs.push({ format, fileName: `${base}.html`, data: Buffer.from(renderHtml(doc, { css: composed.layout!.css }), 'utf8') });
      if (format === 'docx') outputs.push({ format, fileName: `${base}.docx`, data: await renderDocx(doc) });
      if (format === 'pdf' && pdf) outputs.push({ format, fileName: `${base}.pdf`, data: pdf });
    } catch (error) {
      problems.push({ code: 'render-failed', severity: 'error', message: `the ${format.toUpperCase()} could not be written: ${(error as Error).message}`, hint: 'this is a bug in iepkit if the IEP validated; please report it' });
    }
  }
  return {
    outputs,
    diagnostics: [...composed.diagnostics, ...untranslatedWarning(composed.untranslated, lang), ...glyphProblems, ...problems],
    untranslated: composed.untranslated,
    document: doc,
  };
}

/**
 * Prints the PDF. A one-page layout (front matter `limits`) that still overflows is shortened further, one item
 * at a time in the layout's `shrinkOrder`, and printed again; the other formats are then written from that same
 * final tree, so DOCX and PDF always say the same thing.
 */
async function printFitting(iep: Iep, options: RenderOptions, first: ComposedDocument, pool: BrowserPool): Promise<{ composed: ComposedDocument; pdf: Buffer }> {
  let composed = first;
  let limits = first.layout!.config.limits;
  for (;;) {
    const doc = composed.document!;
    const pdf = await renderPdf(pool, renderHtml(doc, { css: composed.layout!.css }), { title: doc.meta.title, lang: doc.meta.lang, pageSize: doc.meta.page.size, timeoutMs: options.pdfTimeoutMs });
    const tighter = limits && pdfPageCount(pdf) > 1 ? tightenLimits(limits, composed.layout!.config.shrinkOrder) : undefined;
    if (!tighter) return { composed, pdf };
    limits = tighter;
    const next = composeDocument(iep, { ...options, limits });
    if (!next.document) return { composed, pdf };
    composed = next;
  }
}

function untranslatedWarning(untranslated: readonly UntranslatedField[], lang: string): Diagnostic[] {
  if (untranslated.length === 0) return [];
  const paths = untranslated.map((u) => u.path);
  return [
    {
      code: 'untranslated-fields',
      severity: 'warning',
      message: `${paths.length} narrative field${paths.length === 1 ? ' has' : 's have'} no ${lang} translation and ${paths.length === 1 ? 'is' : 'are'} printed in English, marked as not yet translated: ${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ', ...' : ''}`,
      hint: `add the ${lang} text to each field ({ en: ..., ${lang}: ... }); \`iep i18n <file> --lang ${lang}\` lists them all`,
    },
  ];
}

/** Every text value the copy prints from the data, with its JSON path: the copy's language and the English. */
function dataStrings(iep: Iep, lang: string): { text: string; path: string }[] {
  const out: { text: string; path: string }[] = [];
  const languages = new Set<string>(LANGUAGES);
  const walk = (value: unknown, path: JsonPath) => {
    if (typeof value === 'string') out.push({ text: value, path: formatJsonPath(path) });
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        // In a translations map only the copy's language and the English fallback are printed.
        if (languages.has(key) && key !== lang && key !== 'en' && 'en' in value) continue;
        walk(v, [...path, key]);
      }
    }
  };
  walk(iep, []);
  return out;
}

/** One item less in the first list (in the layout's shrink order) that still has more than one item. */
function tightenLimits(limits: Record<string, number>, order: readonly string[] | undefined): Record<string, number> | undefined {
  for (const key of order ?? Object.keys(limits)) {
    if ((limits[key] ?? 0) > 1) return { ...limits, [key]: limits[key]! - 1 };
  }
  return undefined;
}
