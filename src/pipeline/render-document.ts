import { hasErrors, type Diagnostic } from '../model/diagnostic.js';
import type { DocumentTree } from '../model/document.js';
import type { OutputFormat } from '../model/formats.js';
import type { Iep } from '../model/iep.js';
import type { Language } from '../model/languages.js';
import type { LayoutName } from '../model/layouts.js';
import type { SourceMap } from '../load/source-map.js';
import { composeDocument, type ComposeOptions } from '../compose/compose-document.js';
import type { UntranslatedField } from '../compose/view-model.js';
import { renderHtml } from '../render/html/render-html.js';
import { BrowserPool } from '../render/pdf/browser-pool.js';
import { PdfRenderError } from '../render/pdf/pdf-render-error.js';
import { checkGlyphs } from './check-glyphs.js';
import { fitToPages } from './fit-to-pages.js';

export interface DocumentOptions extends ComposeOptions {
  layout: LayoutName;
  lang: Language;
  formats: readonly OutputFormat[];
  /** A browser pool to print PDFs with. Without one, a pool is started and closed for this document. */
  browserPool?: BrowserPool;
  /** Per-document PDF timeout in ms. */
  pdfTimeoutMs?: number;
  /**
   * Called once the browser has printed the document's last PDF, before its post-print stage (fitToPages): the
   * caller's last document closes the caller's pool then. A pool started for this document is closed then anyway.
   */
  afterLastPrint?: () => void;
}

export interface RenderedFile {
  format: OutputFormat;
  /** `<student-id>-<layout>-<lang>-v<version>.<ext>`, `...-v<version>-redline.<ext>` for a redline */
  fileName: string;
  data: Buffer;
}

export interface RenderedDocument {
  outputs: RenderedFile[];
  diagnostics: Diagnostic[];
  /** Narrative fields printed in English because the IEP lacks a translation for the copy's language. */
  untranslated: UntranslatedField[];
  document?: DocumentTree;
}

/**
 * Compose -> glyph check -> fit to pages (PDF) -> render every format from the one final tree. Never throws for
 * bad data or a failed print: problems come back as diagnostics with the outputs that could be made.
 */
export async function renderDocument(iep: Iep, options: DocumentOptions, source: { file?: string; sourceMap?: SourceMap } = {}): Promise<RenderedDocument> {
  const { formats, lang } = options;
  let composed = composeDocument(iep, options);
  if (!composed.document || !composed.layout) return { outputs: [], diagnostics: composed.diagnostics, untranslated: composed.untranslated };

  const glyphProblems = checkGlyphs(iep, lang, source);
  if (hasErrors(glyphProblems)) {
    return { outputs: [], diagnostics: [...composed.diagnostics, ...glyphProblems], untranslated: composed.untranslated, document: composed.document };
  }

  const problems: Diagnostic[] = [];
  let pdf: Buffer | undefined;
  if (formats.includes('pdf')) {
    const pool = options.browserPool ?? new BrowserPool();
    try {
      // A pool of this document's own is closed as soon as the last copy is printed: the browser keeps both cores
      // busy for about a second after it starts, which otherwise slows the post-print stage (see renderFiles).
      const afterLastPrint = () => {
        options.afterLastPrint?.();
        if (!options.browserPool) pool.closeInBackground();
      };
      ({ composed, pdf } = await fitToPages(iep, options, composed, pool, { timeoutMs: options.pdfTimeoutMs, afterLastPrint }));
    } catch (error) {
      if (error instanceof PdfRenderError) problems.push(...error.diagnostics);
      else throw error;
    } finally {
      if (!options.browserPool) await pool.close();
    }
  }

  const doc = composed.document!;
  // The version in the name: an amended IEP (version 2) is written beside version 1, never over it; its redline
  // (marked against an earlier version) beside both.
  const base = `${iep.student.id}-${options.layout}-${lang}-v${iep.document.version}${options.redline && options.base ? '-redline' : ''}`;
  const outputs: RenderedFile[] = [];
  for (const format of formats) {
    try {
      if (format === 'html') outputs.push({ format, fileName: `${base}.html`, data: Buffer.from(renderHtml(doc, { css: composed.layout!.css }), 'utf8') });
      if (format === 'docx') {
        // Loaded for the first DOCX: a PDF-only run does not load the DOCX writer (~1 MB of docx, and its fonts).
        const { renderDocx } = await import('../render/docx/render-docx.js');
        outputs.push({ format, fileName: `${base}.docx`, data: await renderDocx(doc) });
      }
      if (format === 'pdf' && pdf) outputs.push({ format, fileName: `${base}.pdf`, data: pdf });
    } catch (error) {
      problems.push({ code: 'render-failed', severity: 'error', message: `the ${format.toUpperCase()} could not be written: ${(error as Error).message}`, hint: 'this is a bug in iepkit if the IEP validated; please report it' });
    }
  }
  return {
    outputs,
    diagnostics: [...composed.diagnostics, ...untranslatedWarning(composed.untranslated, lang, options.profile), ...glyphProblems, ...problems],
    untranslated: composed.untranslated,
    document: doc,
  };
}

function untranslatedWarning(untranslated: readonly UntranslatedField[], lang: string, profile: DocumentOptions['profile']): Diagnostic[] {
  if (untranslated.length === 0) return [];
  const paths = untranslated.map((u) => u.path);
  // A profile's own fields (extensions.<namespace>) are exported only with that profile: the commands say so.
  const id = typeof profile === 'string' ? profile : profile?.id;
  const withProfile = id !== undefined && paths.some((p) => p.startsWith('extensions.')) ? ` --profile ${id}` : '';
  return [
    {
      code: 'untranslated-fields',
      severity: 'warning',
      message: `${paths.length} narrative field${paths.length === 1 ? ' has' : 's have'} no ${lang} translation and ${paths.length === 1 ? 'is' : 'are'} printed in English, marked as not yet translated: ${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ', ...' : ''}`,
      hint: `for a translator: \`iep i18n export <file> --lang ${lang}${withProfile} --out <name>.xlf\` writes them as XLIFF, \`iep i18n import <name>.xlf <file>${withProfile}\` merges the translations back; \`iep i18n <file> --lang ${lang}${withProfile}\` lists them with their English`,
    },
  ];
}
