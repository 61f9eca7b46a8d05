import { formatJsonPath, type Diagnostic, type JsonPath } from '../model/diagnostic.js';
import type { DocumentTree } from '../model/document.js';
import type { Iep } from '../model/iep.js';
import { LANGUAGES } from '../model/languages.js';
import { composeDocument, type ComposeOptions } from '../compose/compose-document.js';
import type { UntranslatedField } from '../compose/view-model.js';
import { renderDocx } from './docx/render-docx.js';
import { checkGlyphCoverage } from './fonts/check-glyph-coverage.js';
import { renderHtml } from './html/render-html.js';
import { BrowserPool } from './pdf/browser-pool.js';
import { PdfRenderError } from './pdf/pdf-render-error.js';
import { renderPdf } from './pdf/render-pdf.js';

export const FORMATS = ['docx', 'pdf', 'html'] as const;
export type OutputFormat = (typeof FORMATS)[number];

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
  const layout = options.layout ?? 'official';
  const composed = composeDocument(iep, options);
  const diagnostics = [...composed.diagnostics];
  if (!composed.document || !composed.layout) return { outputs: [], diagnostics, untranslated: composed.untranslated };
  const doc = composed.document;
  if (composed.untranslated.length > 0) {
    const paths = composed.untranslated.map((u) => u.path);
    diagnostics.push({
      code: 'untranslated-fields',
      severity: 'warning',
      message: `${paths.length} narrative field${paths.length === 1 ? ' has' : 's have'} no ${lang} translation and ${paths.length === 1 ? 'is' : 'are'} printed in English, marked as not yet translated: ${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ', ...' : ''}`,
      hint: `add the ${lang} text to each field ({ en: ..., ${lang}: ... }); \`iep i18n <file> --lang ${lang}\` lists them all`,
    });
  }
  const base = `${iep.student.id}-${layout}-${lang}`;
  const outputs: RenderedFile[] = [];

  // Characters no bundled font can draw would print as empty boxes: refuse them by name and field instead.
  const glyphProblems = checkGlyphCoverage(dataStrings(iep, lang));
  diagnostics.push(...glyphProblems);
  if (glyphProblems.some((d) => d.severity === 'error')) return { outputs, diagnostics, untranslated: composed.untranslated, document: doc };

  const html = formats.includes('html') || formats.includes('pdf') ? renderHtml(doc, { css: composed.layout.css }) : '';
  for (const format of formats) {
    try {
      if (format === 'html') outputs.push({ format, fileName: `${base}.html`, data: Buffer.from(html, 'utf8') });
      if (format === 'docx') outputs.push({ format, fileName: `${base}.docx`, data: await renderDocx(doc) });
      if (format === 'pdf') {
        const pool = options.browserPool ?? new BrowserPool();
        try {
          const data = await renderPdf(pool, html, { title: doc.meta.title, lang: doc.meta.lang, pageSize: doc.meta.page.size, timeoutMs: options.pdfTimeoutMs });
          outputs.push({ format, fileName: `${base}.pdf`, data });
        } finally {
          if (!options.browserPool) await pool.close();
        }
      }
    } catch (error) {
      if (error instanceof PdfRenderError) diagnostics.push(...error.diagnostics);
      else diagnostics.push({ code: 'render-failed', severity: 'error', message: `the ${format.toUpperCase()} could not be written: ${(error as Error).message}`, hint: 'this is a bug in iepkit if the IEP validated; please report it' });
    }
  }
  return { outputs, diagnostics, untranslated: composed.untranslated, document: doc };
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
