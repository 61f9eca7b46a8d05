import { DEFAULTS } from '../model/defaults.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Language } from '../model/languages.js';
import type { LayoutName, Profile } from '../load/load-layout.js';
import { loadIep } from '../validate/load-iep.js';
import { checkCompliance } from '../rules/check-compliance.js';
import { lintIep } from '../lint/lint-iep.js';
import { composeDocument } from '../compose/compose-document.js';
import { renderHtml } from '../render/html/render-html.js';

export interface PreviewOptions {
  layout?: LayoutName;
  lang?: Language;
  profile?: Profile;
  /** The file name put on diagnostics. */
  file?: string;
}

export interface PreviewResult {
  /** One self-contained HTML page from the same tree the PDF is printed from; absent when nothing could be composed. */
  html?: string;
  /** Every problem found (loading, validation, compliance, wording), each with its JSON path and, when known, line. */
  diagnostics: Diagnostic[];
  /** The record was incomplete and missing parts were shown as placeholders (the DRAFT mark is on). */
  draft: boolean;
}

/**
 * A live preview of a record as it is being written: HTML of one layout x language plus every diagnostic, never
 * throwing for bad data. First version: a record that fails validation gives diagnostics only.
 */
export async function previewDraft(source: string, options: PreviewOptions = {}): Promise<PreviewResult> {
  const file = options.file ?? '<input>';
  const loaded = loadIep(source, { file });
  if (!loaded.iep) return { diagnostics: loaded.diagnostics, draft: true };
  const iep = loaded.iep;
  const profile = options.profile ?? DEFAULTS.profile;
  const located = { file, sourceMap: loaded.sourceMap };
  const diagnostics = [
    ...loaded.diagnostics,
    ...checkCompliance(iep, { profile, ...located }),
    ...lintIep(iep, { ...located, source }),
  ];
  const composed = composeDocument(iep, { layout: options.layout, lang: options.lang, profile });
  diagnostics.push(...composed.diagnostics);
  const html = composed.document && composed.layout ? renderHtml(composed.document, { css: composed.layout.css }) : undefined;
  return { html, diagnostics, draft: iep.document.status === 'draft' };
}
