/**
 * iepkit's public API. The pipeline, one stage per folder, read one way (each imports only the stages before it):
 *
 *   1. load      src/load      read YAML/JSON keeping source positions; read layouts and templates
 *   2. validate  src/validate  schema validation and references between fields (loadIep, loadIepFile)
 *   3. rules     src/rules     compliance rules with citations; src/lint strength-based wording
 *   4. compose   src/compose   profile + layout + language -> localized, escaped view model -> templates -> ONE tree
 *   5. render    src/render    tree -> HTML -> PDF (locked-down Chromium) and tree -> DOCX
 *   6. pipeline  src/pipeline  plan jobs (inputs x layouts x languages), run one job: load -> validate -> rules
 *                              (--final, --with-compliance) -> compose -> glyph check -> fit to pages -> render ->
 *                              write atomically; renderIep is one such job with the record in memory
 *   7. batch     src/batch     many documents through the pipeline and one browser, resumable, with a manifest
 *
 * Option defaults live in src/model/defaults.ts. The library never prints and never exits: every problem is a
 * Diagnostic.
 */
export type { Diagnostic, Severity } from './model/diagnostic.js';
export { hasErrors, sortDiagnostics } from './model/diagnostic.js';
export type { Iep, Goal, Text } from './model/iep.js';
export { IepSchema, iepJsonSchema } from './model/iep.js';
export { LANGUAGES, RTL_LANGUAGES, type Language } from './model/languages.js';
export type { DocumentTree, DocumentMeta, PageSize } from './model/document.js';

export { loadIep, loadIepFile, type LoadedIep } from './validate/load-iep.js';
export { LAYOUTS, type LayoutName } from './load/load-layout.js';
export { BUNDLED_PROFILES, type Profile, type ProfileDefinition, type ProfileDirs, type ProfileSettings } from './model/profiles.js';
export { availableProfiles, loadProfile, type LoadedProfile } from './load/load-profile.js';
export { readConfig, parseConfig, CONFIG_FILE, type IepkitConfig } from './load/read-config.js';

export { validateIep, type ValidationResult } from './validate/validate-iep.js';
export { checkCompliance, complianceSummary, type ComplianceSummary } from './rules/check-compliance.js';
export { RULES } from './rules/registry.js';
// The rule API a profile's own rules are written against (docs/rules-api.md): `import type { ProfileRule } from 'iepkit'`.
export type { Finding, ProfileRule, RuleContext, RuleHelpers } from './rules/profile-rule.js';
export { lintIep, type LintOptions } from './lint/lint-iep.js';
export { readingGrade, readingReport } from './readability/reading-level.js';
export { checkReadingLevel, measureReadingLevels } from './pipeline/check-reading-level.js';

export { composeDocument, type ComposeOptions, type ComposedDocument } from './compose/compose-document.js';
export { parityReport, type ParityReport } from './i18n/parity-report.js';
export { printedFields } from './compose/printed-fields.js';
export { exportXliff, type XliffInput, type XliffExport } from './translate/export-xliff.js';
export { importXliff, type XliffImport } from './translate/import-xliff.js';
export type { MemoryPair } from './translate/memory-pair.js';

export { FORMATS, type OutputFormat } from './model/formats.js';
export { DEFAULTS, BATCH_DEFAULTS, PAGE_SIZES, resolveRenderOptions, type LanguageChoice, type OutputOptions } from './model/defaults.js';
export { renderIep, type RenderOptions, type RenderResult, type RenderedFile } from './pipeline/render-iep.js';
export { planJobs, type Job } from './pipeline/plan-jobs.js';
export { runJob, type JobOptions, type JobResult, type JobOutput } from './pipeline/run-job.js';
export { renderFiles, type RenderFilesOptions, type RenderFilesResult } from './pipeline/render-files.js';
export { renderHtml } from './render/html/render-html.js';
export { renderDocx } from './render/docx/render-docx.js';
export { BrowserPool, type BrowserPoolOptions } from './render/pdf/browser-pool.js';
export { renderPdf, type RenderPdfOptions } from './render/pdf/render-pdf.js';
export { findBrowser } from './render/pdf/find-browser.js';
export { checkGlyphCoverage } from './render/fonts/check-glyph-coverage.js';

export { runBatch, type BatchOptions, type BatchProgress } from './batch/run-batch.js';
export type { Manifest, ManifestEntry } from './batch/manifest.js';
