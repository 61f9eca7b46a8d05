import type { Diagnostic } from '../model/diagnostic.js';
import type { DocumentTree } from '../model/document.js';
import type { Iep } from '../model/iep.js';
import { resolveRenderOptions } from '../model/defaults.js';
import type { OutputFormat } from '../model/formats.js';
import type { Language } from '../model/languages.js';
import type { ComposeOptions } from '../compose/compose-document.js';
import type { Profile } from '../model/profiles.js';
import type { UntranslatedField } from '../compose/view-model.js';
import type { BrowserPool } from '../render/pdf/browser-pool.js';
import type { RenderedFile } from './render-document.js';
import { runJob } from './run-job.js';

export type { RenderedFile } from './render-document.js';

export interface RenderOptions extends Omit<ComposeOptions, 'profile'> {
  /** The state profile by name: `ny` (the default), `federal`, `ma`, or one in a `templates` folder. */
  profile?: Profile;
  /** Default: docx and pdf. */
  formats?: readonly OutputFormat[];
  /** A browser pool to print PDFs with. Pass one when rendering many documents; otherwise one is started and closed. */
  browserPool?: BrowserPool;
  /** Per-document PDF timeout in ms. */
  pdfTimeoutMs?: number;
}

export interface RenderResult {
  outputs: RenderedFile[];
  diagnostics: Diagnostic[];
  /** Narrative fields printed in English because the IEP lacks a translation for the copy's language. */
  untranslated: UntranslatedField[];
  document?: DocumentTree;
}

/**
 * Renders one IEP record in one layout and language to the requested formats, all from one document tree: one
 * pipeline job with the record in memory and nothing written. Never throws for bad data or a failed render:
 * problems come back as diagnostics and the outputs that could be made.
 */
export async function renderIep(iep: Iep, options: RenderOptions = {}): Promise<RenderResult> {
  const { layout, lang, ...rest } = options;
  const resolved = resolveRenderOptions({ ...rest, layouts: layout && [layout], langs: lang && [lang] });
  const job = { id: '<input>', input: '<input>', layout: resolved.layouts[0]!, lang: resolved.langs[0] as Language, formats: resolved.formats };
  const result = await runJob(job, resolved, { iep, diagnostics: [] });
  return { outputs: result.outputs, diagnostics: result.diagnostics, untranslated: result.untranslated, document: result.document };
}
