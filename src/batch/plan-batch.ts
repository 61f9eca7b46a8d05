import { resolve } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { BATCH_DEFAULTS, resolveRenderOptions, type OutputOptions } from '../model/defaults.js';
import { loadInput, planJobs, type Job, type JobOptions } from '../pipeline/index.js';
import { isStillComplete, readPreviousEntries, type ManifestEntry } from './manifest.js';

/** What a batch is asked for, rendered here (runBatch) or by queue workers (src/queue): the same plan, manifest and --resume. */
export interface BatchPlanOptions extends OutputOptions, Pick<JobOptions, 'final' | 'withCompliance' | 'timestamp' | 'templates' | 'locales'> {
  inputs: readonly string[];
  outDir: string;
  /** Skip documents whose outputs are complete and unchanged from a previous run. */
  resume?: boolean;
  /** Stop reading inputs when aborted: the rest are left pending. */
  signal?: AbortSignal;
}

export type ResolvedBatchPlanOptions<T extends BatchPlanOptions = BatchPlanOptions> = ReturnType<typeof resolveRenderOptions<T>>;

/** A pipeline job and the sha256 of its input as read when the batch was planned. */
export interface PlannedJob extends Job {
  inputSha256: string;
}

export interface BatchPlan {
  /** What else decides the outputs (formats, page size, profile, ...): --resume redoes a document when it changed. */
  optionsKey: string;
  /** Entries already decided: inputs that failed to load, inputs not read (stopped), documents skipped by --resume. */
  entries: ManifestEntry[];
  /** The documents to render, in input order. */
  todo: PlannedJob[];
}

/** The batch's options with iepkit's batch defaults applied (every layout, English and each family's language). */
export function resolveBatchOptions<T extends BatchPlanOptions>(options: T): ResolvedBatchPlanOptions<T> {
  return resolveRenderOptions(options, BATCH_DEFAULTS);
}

/**
 * Reads every input once: a bad one becomes a failed entry, the others one job per layout x language; with
 * `resume`, a document whose outputs a previous run left complete is a skipped entry instead of a job. The parsed
 * IEP is not kept (a district's thousands of them would hold gigabytes): a job reads its input again.
 */
export async function planBatch(options: ResolvedBatchPlanOptions): Promise<BatchPlan> {
  const optionsKey = JSON.stringify({
    formats: [...options.formats].sort(),
    // Unset: the layouts' own paper size.
    pageSize: options.pageSize ?? 'layout',
    profile: options.profile,
    // The overlay folders decide the outputs as the profile does: a resume with others redoes every document. Only
    // when given, so the manifests of runs without them still match.
    ...(options.templates?.length ? { templates: options.templates.map((d) => resolve(d)) } : {}),
    ...(options.locales?.length ? { locales: options.locales.map((d) => resolve(d)) } : {}),
    // Only when set, so the manifests of runs without them still match.
    ...(options.final ? { final: true } : {}),
    ...(options.withCompliance ? { withCompliance: true } : {}),
    // A pinned timestamp (SOURCE_DATE_EPOCH) is written into every file: outputs stamped otherwise are redone.
    ...(options.timestamp ? { timestamp: options.timestamp.toISOString() } : {}),
  });
  const previous = options.resume ? await readPreviousEntries(options.outDir) : new Map<string, ManifestEntry>();
  const entries: ManifestEntry[] = [];
  const jobs: PlannedJob[] = [];
  const studentInputs = new Map<string, string>();
  for (const input of options.inputs) {
    // Reading and validating thousands of files takes minutes: a stop request must not wait for all of them.
    if (options.signal?.aborted) {
      entries.push({ id: input, input, optionsKey, status: 'pending', outputs: [], durationMs: 0, diagnostics: [] });
      continue;
    }
    const loaded = await loadInput(input);
    const { iep, inputSha256 } = loaded;
    if (!iep || inputSha256 === undefined) {
      entries.push(failedInput(input, inputSha256, optionsKey, loaded.diagnostics));
      continue;
    }
    // Outputs are named <student-id>-<layout>-<lang>-v<version>: a second file for the same student and version would
    // overwrite the first (two versions of one IEP, an amendment beside the original, are written side by side).
    const written = `${iep.student.id}-v${iep.document.version}`;
    const first = studentInputs.get(written);
    if (first !== undefined) {
      entries.push(failedInput(input, inputSha256, optionsKey, [duplicateStudent(input, iep.student.id, iep.document.version, first, loaded.sourceMap?.locate(['student', 'id']))]));
      continue;
    }
    studentInputs.set(written, input);
    for (const job of planJobs([{ input, iep }], options)) jobs.push({ ...job, inputSha256 });
  }

  const todo: PlannedJob[] = [];
  // A document is found by what it is made from (the input's content, layout, language), not by the input's path:
  // a folder of inputs moved or copied elsewhere resumes too.
  const previousByContent = new Map([...previous.values()].filter((e) => e.inputSha256 && e.layout && e.lang).map((e) => [contentKey(e.inputSha256!, e.layout!, e.lang!), e]));
  for (const job of jobs) {
    const before = previousByContent.get(contentKey(job.inputSha256, job.layout, job.lang)) ?? previous.get(job.id);
    if (options.resume && isStillComplete(before, job.inputSha256, optionsKey, options.outDir)) {
      entries.push({ ...before!, id: job.id, input: job.input, status: 'skipped' });
    } else todo.push(job);
  }
  return { optionsKey, entries, todo };
}

const contentKey = (inputSha256: string, layout: string, lang: string) => `${inputSha256}#${layout}#${lang}`;

function duplicateStudent(input: string, studentId: string, version: number, first: string, at: { line: number; column: number } | undefined): Diagnostic {
  return {
    code: 'duplicate-student-id',
    severity: 'error',
    file: input,
    path: 'student.id',
    ...(at ? { line: at.line, column: at.column } : {}),
    message: `version ${version} of student ${studentId}'s IEP is also in ${first}, and both would be written to the same files (${studentId}-<layout>-<lang>-v${version}), so this file was not rendered`,
    hint: 'correct the student id (or, for an amendment, document.version), or render the other record in a separate batch with its own --out folder',
  };
}

function failedInput(input: string, inputSha256: string | undefined, optionsKey: string, diagnostics: Diagnostic[]): ManifestEntry {
  return { id: input, input, inputSha256, optionsKey, status: 'failed', outputs: [], durationMs: 0, diagnostics, finishedAt: new Date().toISOString() };
}
