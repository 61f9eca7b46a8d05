import { join } from 'node:path';
import { hasErrors, type Diagnostic } from '../model/diagnostic.js';
import type { DocumentTree } from '../model/document.js';
import type { ComposeOptions } from '../compose/compose-document.js';
import type { Profile, ProfileDirs } from '../model/profiles.js';
import type { UntranslatedField } from '../compose/view-model.js';
import { checkCompliance, complianceSummary } from '../rules/check-compliance.js';
import { checkExtensions } from '../validate/validate-extensions.js';
import type { BrowserPool } from '../render/pdf/browser-pool.js';
import { finalPolicy } from './final-policy.js';
import { loadInput, type LoadedInput } from './load-input.js';
import type { Job } from './plan-jobs.js';
import { renderDocument, type RenderedFile } from './render-document.js';
import { describeWriteFailure } from './describe-write-failure.js';
import { writeFileAtomic } from './write-file-atomic.js';

export interface JobOptions extends Omit<ComposeOptions, 'layout' | 'lang' | 'profile'> {
  /** The state profile by name: `ny` (the default), `federal`, `ma`, or one in a `templates` folder. */
  profile?: Profile;
  /** Refuse the official layout of a draft, or of an IEP that breaks an error-level compliance rule (`--final`). */
  final?: boolean;
  /** Append the compliance summary to the official layout of a draft (`--with-compliance`). */
  withCompliance?: boolean;
  /** Write each output into this folder, complete or not at all; without it the outputs are only returned. */
  outDir?: string;
  /** Called as soon as a file is written, before the next one is. */
  onWritten?: (output: JobOutput) => void;
  /** A browser pool to print PDFs with; without one, each job starts and closes its own. */
  browserPool?: BrowserPool;
  /** Per-document PDF timeout in ms. */
  pdfTimeoutMs?: number;
  /** Called once the job's last PDF is printed, before its post-print stage (see renderDocument). */
  afterLastPrint?: () => void;
}

export interface JobOutput extends RenderedFile {
  /** Where it was written (with `outDir`). */
  path?: string;
}

export interface JobResult {
  job: Job;
  /** sha256 of the input's bytes as read for this job. */
  inputSha256?: string;
  outputs: JobOutput[];
  diagnostics: Diagnostic[];
  untranslated: UntranslatedField[];
  document?: DocumentTree;
  /** Every format was made (and written, with `outDir`) and no error was found. */
  complete: boolean;
}

/**
 * One document: load -> validate -> rules (with `final` or `withCompliance`) -> compose -> fit to pages -> render
 * -> write atomically. Pass the input when it is already loaded (a batch reads each file once for all its
 * documents; `renderIep` has the record in memory); otherwise `job.input` is read. Never throws for bad data:
 * problems come back as diagnostics, each carrying the input's file.
 */
/** The folders a profile is looked for in, from a job's options. */
function profileDirsOf(options: JobOptions): ProfileDirs {
  const { templates, locales, templatesDir, localesDir } = options;
  return { templates, locales, templatesDir, localesDir };
}

export async function runJob(job: Job, options: JobOptions = {}, input?: LoadedInput | Promise<LoadedInput>): Promise<JobResult> {
  const loaded = await (input ?? loadInput(job.input));
  const source = { file: loaded.file, sourceMap: loaded.sourceMap };
  const result = (diagnostics: Diagnostic[], rest: Partial<JobResult> = {}): JobResult => {
    const located = loaded.file === undefined ? diagnostics : diagnostics.map((d) => ({ ...d, file: d.file ?? loaded.file }));
    const outputs = rest.outputs ?? [];
    return { job, inputSha256: loaded.inputSha256, outputs, untranslated: [], ...rest, diagnostics: located, complete: outputs.length === job.formats.length && !hasErrors(located) };
  };
  if (!loaded.iep || hasErrors(loaded.diagnostics)) return result(loaded.diagnostics);
  const iep = loaded.iep;
  // The profile's own data (extensions.<namespace>) against its schema: an error stops the document before compose.
  const extensions = checkExtensions(iep, { ...profileDirsOf(options), profile: options.profile, ...source });
  if (hasErrors(extensions)) return result([...loaded.diagnostics, ...extensions]);

  const official = job.layout === 'official';
  const compliance = official && (options.final || options.withCompliance) ? checkCompliance(iep, { ...profileDirsOf(options), profile: options.profile, ...source }) : [];
  if (official && options.final) {
    const refusals = finalPolicy(iep, compliance, source);
    // A warning the refusal raises to an error (text still to be written) is reported once, as the error.
    const restated = (d: Diagnostic) => refusals.some((r) => r.code === d.code && r.path === d.path);
    if (refusals.length > 0) return result([...loaded.diagnostics.filter((d) => !restated(d)), ...extensions, ...refusals]);
  }
  // A final IEP is the legal document: the compliance summary is appended to drafts only.
  const summary = official && options.withCompliance && iep.document.status === 'draft' ? complianceSummary(compliance) : options.compliance;
  const rendered = await renderDocument(iep, { ...options, layout: job.layout, lang: job.lang, formats: job.formats, compliance: summary }, source);
  const diagnostics = [...loaded.diagnostics, ...extensions, ...rendered.diagnostics];
  const outputs: JobOutput[] = [];
  for (const output of rendered.outputs) {
    if (options.outDir === undefined) {
      outputs.push(output);
      continue;
    }
    const path = join(options.outDir, output.fileName);
    try {
      await writeFileAtomic(path, output.data);
    } catch (error) {
      diagnostics.push({ code: 'output-unwritable', severity: 'error', file: path, message: `cannot write ${path}: ${describeWriteFailure(path, error as NodeJS.ErrnoException)}`, hint: 'check that the output folder (--out) exists or can be created, is writable, and that the disk is not full' });
      break;
    }
    const written = { ...output, path };
    outputs.push(written);
    options.onWritten?.(written);
  }
  return result(diagnostics, { outputs, untranslated: rendered.untranslated, document: rendered.document });
}
