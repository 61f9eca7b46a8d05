import { DEFAULTS } from '../model/defaults.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { hasErrors } from '../model/diagnostic.js';
import { sortInFormOrder } from '../model/form-order.js';
import { summariseDiagnostics } from '../model/summarise-diagnostics.js';
import type { Iep } from '../model/iep.js';
import type { Language } from '../model/languages.js';
import type { Placeholder } from '../model/placeholder.js';
import type { LayoutName, Profile } from '../load/load-layout.js';
import { readIep } from '../validate/load-iep.js';
import { checkExtensions } from '../validate/validate-extensions.js';
import { completeDraft } from '../validate/complete-draft.js';
import { placeUnwritten } from '../validate/place-unwritten.js';
import { checkCompliance } from '../rules/check-compliance.js';
import { lintIep } from '../lint/lint-iep.js';
import { composeDocument } from '../compose/compose-document.js';
import { renderHtml } from '../render/html/render-html.js';
import { READING_LAYOUTS, type ReadingLayout } from '../readability/reading-targets.js';
import { checkReadingLevel } from './check-reading-level.js';

export interface PreviewOptions {
  layout?: LayoutName;
  lang?: Language;
  profile?: Profile;
  /** Templates folders searched before the bundled one (`iep serve --templates`). */
  templates?: readonly string[];
  /** Locales folders whose labels override the bundled ones key by key (`iep serve --locales`). */
  locales?: readonly string[];
  /** The file name put on diagnostics. */
  file?: string;
  /** Where the HTML's @font-face URLs point, ending in `/` (a server's `/fonts/`). Default: the PDF engine's origin. */
  fontUrlPrefix?: string;
}

export interface PreviewResult {
  /** One self-contained HTML page from the same tree the PDF is printed from; absent when nothing could be composed. */
  html?: string;
  /**
   * Every problem found (reading, validation, compliance with its source, wording with its rewrite, the reading
   * level of a family or student copy), each with its JSON path and, when known, line; in form order.
   */
  diagnostics: Diagnostic[];
  /** The record was incomplete and missing parts were shown as placeholders, or it is a draft: the DRAFT mark is on. */
  draft: boolean;
}

/**
 * A live preview of a record as it is being written: HTML of one layout x language plus every diagnostic, never
 * throwing for bad data. A record that fails validation only for what is missing or unreadable is completed with
 * placeholders (src/validate/complete-draft.ts), printed as "[to be written: ...]" under the DRAFT mark; the checks
 * then judge what is written (a finding about a placeholder is left out: the missing field is already reported).
 */
export async function previewDraft(source: string, options: PreviewOptions = {}): Promise<PreviewResult> {
  const file = options.file ?? '<input>';
  const profile = options.profile ?? DEFAULTS.profile;
  const dirs = { templates: options.templates, locales: options.locales };
  const read = readIep(source, { file });
  if (read.text === undefined) return { diagnostics: read.readDiagnostics, draft: true };
  if (read.data === undefined) return { diagnostics: sortInFormOrder(read.readDiagnostics), draft: true };
  const located = { file, sourceMap: read.sourceMap };
  const diagnostics: Diagnostic[] = [...read.readDiagnostics, ...read.validationDiagnostics];

  let iep = read.validated;
  let placeholders: Placeholder[] | undefined;
  let filled = new Set<string>();
  if (!iep || hasErrors(read.readDiagnostics)) {
    const completed = completeDraft(read.data);
    placeholders = completed.placeholders;
    filled = new Set(completed.filled);
    // Whatever status it claims, an incomplete record is a draft.
    iep = { ...completed.data, document: { ...(completed.data.document as object), status: 'draft' } } as Iep;
  }
  // Starter text still to be written ("TO WRITE: first name") is a placeholder too, and so a draft.
  const unwritten = placeUnwritten(iep as unknown as Record<string, unknown>, placeholders);
  if (unwritten) {
    placeholders = unwritten.placeholders;
    for (const path of unwritten.paths) filled.add(path);
    iep = { ...unwritten.data, document: { ...iep.document, status: 'draft' } } as Iep;
  }
  const aboutWritten = (d: Diagnostic) => d.path === undefined || !underAny(d.path, filled);
  const checked = (run: () => Diagnostic[]) => guarded(run, file).filter(aboutWritten);

  diagnostics.push(...checked(() => checkExtensions(iep, { profile, ...dirs, ...located })));
  diagnostics.push(...checked(() => checkCompliance(iep, { profile, ...dirs, ...located })));
  diagnostics.push(...checked(() => lintIep(iep, { ...located, source: read.text, profile, ...dirs })));
  const layout = options.layout ?? DEFAULTS.layouts[0]!;
  if ((READING_LAYOUTS as readonly string[]).includes(layout)) {
    diagnostics.push(...checked(() => checkReadingLevel(iep, layout as ReadingLayout, { ...located, profile, ...dirs })));
  }

  let html: string | undefined;
  const rendered = guarded(() => {
    const composed = composeDocument(iep, { layout, lang: options.lang, profile, ...dirs, placeholders });
    if (composed.document && composed.layout) {
      html = renderHtml(composed.document, { css: composed.layout.css, fontUrlPrefix: options.fontUrlPrefix, onScreen: true });
    }
    return composed.diagnostics;
  }, file);
  diagnostics.push(...rendered);
  // Thousands of one mistake (a pasted list of unknown keys) are shown as the first ones and a count.
  return { html, diagnostics: summariseDiagnostics(sortInFormOrder(diagnostics)), draft: placeholders !== undefined || iep.document.status === 'draft' };
}

/** True when `path` is one of `paths` or inside one of them (`goals[0]` holds `goals[0].criteria`). */
function underAny(path: string, paths: ReadonlySet<string>): boolean {
  if (paths.size === 0) return false;
  for (let end = path.length; end > 0; end = Math.max(path.lastIndexOf('.', end - 1), path.lastIndexOf('[', end - 1))) {
    if (paths.has(path.slice(0, end))) return true;
  }
  return false;
}

/**
 * A check run on a record completed with placeholders meets values no valid record holds: should one throw, the
 * preview still shows the rest, and the failure is one diagnostic instead of a stack.
 */
function guarded(run: () => Diagnostic[], file: string): Diagnostic[] {
  try {
    return run();
  } catch (error) {
    return [
      {
        code: 'internal-error',
        severity: 'error',
        file,
        message: `the preview could not finish: ${error instanceof Error ? error.message : String(error)}`,
        hint: 'fill in the missing fields, or report it with the message (remove student data first)',
      },
    ];
  }
}
