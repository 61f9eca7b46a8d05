/**
 * iepkit's public API. The pipeline, one stage per folder:
 *
 *   1. load      src/load     read YAML/JSON keeping source positions (loadIep, loadIepFile)
 *   2. check     src/check    schema validation, compliance rules with citations, strength-based lint
 *   3. compose   src/compose  profile + layout + language -> localized, escaped view model -> templates -> ONE tree
 *   4. render    src/render   tree -> HTML -> PDF (locked-down Chromium) and tree -> DOCX
 *   5. batch     src/batch    many documents through one browser, resumable, with a manifest
 *
 * The library never prints and never exits: every problem is a Diagnostic.
 */
export type { Diagnostic, Severity } from './model/diagnostic.js';
export { hasErrors, sortDiagnostics } from './model/diagnostic.js';
export type { Iep, Goal, Text } from './model/iep.js';
export { IepSchema, iepJsonSchema } from './model/iep.js';
export { LANGUAGES, RTL_LANGUAGES, type Language } from './model/languages.js';
export type { DocumentTree, DocumentMeta, PageSize } from './model/document.js';

export { loadIep, loadIepFile, type LoadedIep } from './validate/load-iep.js';
export { LAYOUTS, PROFILES, type LayoutName, type Profile } from './load/load-layout.js';

export { validateIep, type ValidationResult } from './validate/validate-iep.js';
export { checkCompliance, complianceSummary, type ComplianceSummary } from './rules/check-compliance.js';
export { RULES } from './rules/registry.js';
export { lintIep, type LintOptions } from './lint/lint-iep.js';
export { readingGrade, readingReport } from './readability/reading-level.js';

export { composeDocument, type ComposeOptions, type ComposedDocument } from './compose/compose-document.js';
export { parityReport, type ParityReport } from './i18n/parity-report.js';

export { renderIep, FORMATS, type OutputFormat, type RenderOptions, type RenderResult, type RenderedFile } from './render/render-iep.js';
export { renderHtml } from './render/html/render-html.js';
export { renderDocx } from './render/docx/render-docx.js';
export { BrowserPool, type BrowserPoolOptions } from './render/pdf/browser-pool.js';
export { renderPdf, type RenderPdfOptions } from './render/pdf/render-pdf.js';
export { findBrowser } from './render/pdf/find-browser.js';
export { checkGlyphCoverage } from './render/fonts/check-glyph-coverage.js';

export { runBatch, type BatchOptions, type BatchProgress } from './batch/run-batch.js';
export type { Manifest, ManifestEntry } from './batch/manifest.js';
