/**
 * Batch rendering for a whole district: many IEPs x layouts x languages through ONE browser pool, each output
 * written complete-or-absent, a journal line per finished document, a manifest at the end, and --resume that
 * skips what is already done. A bad input is recorded and the batch goes on.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { hasErrors } from '../model/diagnostic.js';
import type { PageSize } from '../model/document.js';
import type { Iep } from '../model/iep.js';
import type { Language } from '../model/languages.js';
import { resolveLanguages, type LanguageChoice } from '../i18n/resolve-languages.js';
import { loadIep } from '../validate/load-iep.js';
import type { LayoutName, Profile } from '../load/load-layout.js';
import { BrowserPool, type BrowserPoolOptions } from '../render/pdf/browser-pool.js';
import { renderIep, type OutputFormat } from '../render/render-iep.js';
import { writeFileAtomic } from '../render/write-file-atomic.js';
import { appendJournal, isStillComplete, readPreviousEntries, sha256, writeManifest, type Manifest, type ManifestEntry } from './manifest.js';

export interface BatchOptions {
  inputs: readonly string[];
  outDir: string;
  layouts: readonly LayoutName[];
  /** Languages; `family` means each parent's preferred language. */
  langs: readonly LanguageChoice[];
  formats: readonly OutputFormat[];
  profile?: Profile;
  pageSize?: PageSize;
  /** The timestamp written into every document (SOURCE_DATE_EPOCH in the CLI); default: each IEP's own dates. */
  timestamp?: Date;
  /** Documents in flight at once (and browser pages). Default 2. */
  concurrency?: number;
  /** Skip documents whose outputs are complete and unchanged from a previous run. */
  resume?: boolean;
  /** Stop taking new documents when aborted; documents in flight finish, the rest stay pending. */
  signal?: AbortSignal;
  /** Browser pool settings (recycling thresholds, executable). */
  pool?: BrowserPoolOptions;
  version?: string;
}

export interface BatchProgress {
  done: number;
  failed: number;
  skipped: number;
  total: number;
  /** Documents finished per second since the start (skipped ones not counted). */
  rate: number;
  /** Seconds left at the current rate, when known. */
  etaSeconds?: number;
  current?: string;
}

interface Job {
  id: string;
  input: string;
  inputSha256: string;
  layout: LayoutName;
  lang: Language;
}

export async function runBatch(options: BatchOptions, onProgress: (p: BatchProgress) => void = () => {}): Promise<Manifest> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const profile = options.profile ?? 'ny';
  const optionsKey = JSON.stringify({ formats: [...options.formats].sort(), pageSize: options.pageSize ?? 'letter', profile });
  const previous = options.resume ? await readPreviousEntries(options.outDir) : new Map<string, ManifestEntry>();
  const entries: ManifestEntry[] = [];
  const jobs: Job[] = [];
  await removeStalePartials(options.outDir);

  // Plan: read every input once; a bad one becomes a failed entry, the others become one job per layout x language.
  // The parsed IEP is not kept (a district's thousands of them would hold gigabytes); it is read again when its
  // documents are rendered, once per input (see InputCache).
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
    // Outputs are named <student-id>-<layout>-<lang>: a second file for the same student would overwrite the first.
    const first = studentInputs.get(iep.student.id);
    if (first !== undefined) {
      entries.push(failedInput(input, inputSha256, optionsKey, [duplicateStudent(input, iep.student.id, first, loaded.studentIdAt)]));
      continue;
    }
    studentInputs.set(iep.student.id, input);
    for (const layout of options.layouts) {
      for (const lang of resolveLanguages(options.langs, iep)) {
        jobs.push({ id: `${input}#${layout}#${lang}`, input, inputSha256, layout, lang });
      }
    }
  }

  const total = jobs.length + entries.length;
  let done = 0;
  let failed = entries.filter((e) => e.status === 'failed').length;
  let skipped = 0;
  const report = (current?: string) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const remaining = total - done - failed - skipped;
    onProgress({ done, failed, skipped, total, rate, etaSeconds: rate > 0 ? remaining / rate : undefined, current });
  };

  const todo: Job[] = [];
  for (const job of jobs) {
    const before = previous.get(job.id);
    if (options.resume && isStillComplete(before, job.inputSha256, optionsKey, options.outDir)) {
      entries.push({ ...before!, status: 'skipped' });
      skipped++;
    } else todo.push(job);
  }
  report();

  const needsBrowser = options.formats.includes('pdf') && todo.length > 0;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const pool = needsBrowser ? new BrowserPool({ ...options.pool, concurrency }) : undefined;
  const inputs = new InputCache(todo);
  let next = 0;
  const finished = new Set<string>();
  try {
    const worker = async () => {
      while (next < todo.length && !options.signal?.aborted) {
        const job = todo[next++]!;
        report(job.id);
        const entry = await renderJob(job, await inputs.take(job.input), options, profile, optionsKey, pool);
        inputs.release(job.input);
        entries.push(entry);
        finished.add(job.id);
        if (entry.status === 'done') done++;
        else failed++;
        await appendJournal(options.outDir, entry);
        report();
      }
    };
    await mkdir(options.outDir, { recursive: true });
    await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(todo.length, 1)) }, worker));
  } finally {
    await pool?.close();
  }

  for (const job of todo) {
    if (!finished.has(job.id)) entries.push({ id: job.id, input: job.input, inputSha256: job.inputSha256, layout: job.layout, lang: job.lang, profile, optionsKey, status: 'pending', outputs: [], durationMs: 0, diagnostics: [] });
  }
  const order = new Map([...options.inputs].map((input, i) => [input, i]));
  entries.sort((a, b) => (order.get(a.input) ?? 0) - (order.get(b.input) ?? 0) || a.id.localeCompare(b.id));
  const count = (status: ManifestEntry['status']) => entries.filter((e) => e.status === status).length;
  const manifest: Manifest = {
    tool: 'iepkit',
    version: options.version ?? '0',
    startedAt,
    finishedAt: new Date().toISOString(),
    interrupted: Boolean(options.signal?.aborted) && count('pending') > 0,
    summary: { total: entries.length, done: count('done'), skipped: count('skipped'), failed: count('failed'), pending: count('pending') },
    entries,
  };
  await writeManifest(options.outDir, manifest);
  return manifest;
}

async function renderJob(job: Job, input: LoadedInput, options: BatchOptions, profile: Profile, optionsKey: string, pool: BrowserPool | undefined): Promise<ManifestEntry> {
  const t0 = performance.now();
  // The sha256 of the bytes actually rendered (the file may have been edited since the batch was planned).
  const base = { id: job.id, input: job.input, inputSha256: input.inputSha256 ?? job.inputSha256, layout: job.layout, lang: job.lang, profile, optionsKey };
  const diagnostics: Diagnostic[] = [];
  const outputs: ManifestEntry['outputs'] = [];
  if (!input.iep) {
    return { ...base, status: 'failed', outputs, durationMs: 0, diagnostics: input.diagnostics, finishedAt: new Date().toISOString() };
  }
  try {
    const result = await renderIep(input.iep, { layout: job.layout, profile, lang: job.lang, formats: options.formats, pageSize: options.pageSize, timestamp: options.timestamp, browserPool: pool });
    diagnostics.push(...result.diagnostics.map((d) => ({ ...d, file: d.file ?? job.input })));
    for (const output of result.outputs) {
      const path = join(options.outDir, output.fileName);
      await writeFileAtomic(path, output.data);
      outputs.push({ format: output.format, path: relative(options.outDir, path), sha256: sha256(output.data), bytes: output.data.length });
    }
    const complete = outputs.length === options.formats.length && !hasErrors(diagnostics);
    return { ...base, status: complete ? 'done' : 'failed', outputs, durationMs: Math.round(performance.now() - t0), diagnostics, finishedAt: new Date().toISOString() };
  } catch (error) {
    diagnostics.push({ code: 'render-failed', severity: 'error', file: job.input, message: `the document could not be rendered: ${(error as Error).message}`, hint: 'run `iep render` on this file alone to see more' });
    return { ...base, status: 'failed', outputs, durationMs: Math.round(performance.now() - t0), diagnostics, finishedAt: new Date().toISOString() };
  }
}

interface LoadedInput {
  /** Undefined when the file cannot be read or is not a valid IEP (the diagnostics say why). */
  iep?: Iep;
  inputSha256?: string;
  diagnostics: Diagnostic[];
  /** Where student.id is in the file. */
  studentIdAt?: { line: number; column: number };
}

/**
 * Each input is read and parsed again when its first document is rendered and forgotten after its last one, so
 * only the inputs in progress are in memory however long the batch is.
 */
class InputCache {
  #remaining = new Map<string, number>();
  #loaded = new Map<string, Promise<LoadedInput>>();

  constructor(jobs: readonly Job[]) {
    for (const job of jobs) this.#remaining.set(job.input, (this.#remaining.get(job.input) ?? 0) + 1);
  }

  take(input: string): Promise<LoadedInput> {
    let loaded = this.#loaded.get(input);
    if (!loaded) {
      loaded = loadInput(input);
      this.#loaded.set(input, loaded);
    }
    return loaded;
  }

  release(input: string): void {
    const left = (this.#remaining.get(input) ?? 1) - 1;
    this.#remaining.set(input, left);
    if (left <= 0) {
      this.#remaining.delete(input);
      this.#loaded.delete(input);
    }
  }
}

async function loadInput(input: string): Promise<LoadedInput> {
  let bytes: Buffer;
  try {
    bytes = await readFile(input);
  } catch (error) {
    return { diagnostics: [{ code: 'file-unreadable', severity: 'error', file: input, message: `cannot read ${input}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, hint: 'check the path' }] };
  }
  const inputSha256 = sha256(bytes);
  let loaded: ReturnType<typeof loadIep>;
  try {
    loaded = loadIep(bytes, { file: input });
  } catch (error) {
    // loadIep reports problems as diagnostics; this is a bug in iepkit, kept to this one file.
    return { inputSha256, diagnostics: [{ code: 'internal-error', severity: 'error', file: input, message: `the file could not be loaded: ${(error as Error).message}`, hint: 'this is a bug in iepkit; please report it' }] };
  }
  if (!loaded.iep || hasErrors(loaded.diagnostics)) return { inputSha256, diagnostics: loaded.diagnostics };
  return { iep: loaded.iep, inputSha256, diagnostics: [], studentIdAt: loaded.sourceMap?.locate(['student', 'id']) };
}

/** `<out>/<name>.<pid>-<hex>.partial`, the temporary name writeFileAtomic writes under before renaming. */
const PARTIAL_FILE = /\.(\d+)-[0-9a-f]+\.partial$/;

/**
 * A run killed between writing a temporary file and renaming it leaves `*.partial` files. They are never taken
 * for outputs, but they pile up run after run: remove those whose writer is gone (or is a previous process that
 * had this one's pid), leaving any another live process may still be writing.
 */
async function removeStalePartials(outDir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(outDir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(PARTIAL_FILE.exec(name)?.[1] ?? NaN);
    if (!Number.isInteger(pid) || (pid !== process.pid && isRunning(pid))) continue;
    await rm(join(outDir, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function duplicateStudent(input: string, studentId: string, first: string, at: { line: number; column: number } | undefined): Diagnostic {
  return {
    code: 'duplicate-student-id',
    severity: 'error',
    file: input,
    path: 'student.id',
    ...(at ? { line: at.line, column: at.column } : {}),
    message: `student ${studentId} is also in ${first}, and both would be written to the same files (${studentId}-<layout>-<lang>), so this file was not rendered`,
    hint: 'correct the student id, or render the other record in a separate batch with its own --out folder',
  };
}

function failedInput(input: string, inputSha256: string | undefined, optionsKey: string, diagnostics: Diagnostic[]): ManifestEntry {
  return { id: input, input, inputSha256, optionsKey, status: 'failed', outputs: [], durationMs: 0, diagnostics, finishedAt: new Date().toISOString() };
}
