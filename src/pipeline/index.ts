/**
 * The pipeline stage's entry point for the stages above it (batch, queue, server, cli), which may not reach into
 * render, load or validate themselves: plan the jobs, run one job, and what a job needs from outside (a browser
 * pool shared by many jobs, atomic writes, input hashing, removing what killed runs left behind).
 */
export { loadInput, loadInputBytes, type LoadedInput } from './load-input.js';
export { planJobs, type Job, type PlanOptions } from './plan-jobs.js';
export { runJob, type JobOptions, type JobOutput, type JobResult } from './run-job.js';
export { renderFiles, type RenderFilesOptions, type RenderFilesResult } from './render-files.js';
export { renderIep, type RenderOptions, type RenderResult, type RenderedFile } from './render-iep.js';
export { writeFileAtomic, removeStalePartials } from './write-file-atomic.js';
export { removeStaleProfiles } from '../render/pdf/browser-profile.js';
export { isProcessRunning } from '../render/pdf/processes.js';
export { describeWriteFailure } from './describe-write-failure.js';
export { sha256 } from './sha256.js';
export { BrowserPool, type BrowserPoolOptions } from '../render/pdf/browser-pool.js';
export { previewDraft, type PreviewOptions, type PreviewResult } from './preview-draft.js';
export { starterIep, type StarterOptions } from './starter-iep.js';
// What the server answers with, through the pipeline (src/server may not reach into validate, rules or lint).
export { loadIep, type LoadedIep } from '../validate/load-iep.js';
export { MAX_IEP_BYTES } from '../load/decode-text.js';
export { checkCompliance } from '../rules/check-compliance.js';
export { loadProfile } from '../load/load-profile.js';
export { listProfiles, type ProfileSummary } from '../load/list-profiles.js';
export { iepSchemaWithExtensions } from '../model/extension-schema.js';
export { checkExtensions } from '../validate/validate-extensions.js';
export { lintIep } from '../lint/lint-iep.js';
export { iepJsonSchema } from '../model/iep.js';
export { readFontAsset } from '../render/fonts/read-font-asset.js';
export { FONT_URL_PREFIX } from '../render/fonts/origin.js';
