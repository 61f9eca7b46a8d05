import { hasErrors, type Diagnostic } from '../model/diagnostic.js';
import { DEFAULTS, resolveRenderOptions, type OutputOptions } from '../model/defaults.js';
import { lintIep } from '../lint/lint-iep.js';
import { BrowserPool } from '../render/pdf/browser-pool.js';
import { removeStaleProfiles } from '../render/pdf/browser-profile.js';
import { loadInput } from './load-input.js';
import { planJobs, type Job } from './plan-jobs.js';
import { BILINGUAL_LAYOUT } from '../model/layouts.js';
import { runJob, type JobOptions, type JobOutput } from './run-job.js';
import { removeStalePartials } from './write-file-atomic.js';
import { checkVersions } from '../diff/check-versions.js';

export interface RenderFilesOptions extends OutputOptions, Pick<JobOptions, 'final' | 'withCompliance' | 'onWritten' | 'pdfTimeoutMs' | 'timestamp' | 'progressPeriod' | 'redline' | 'templates' | 'locales' | 'templatesDir' | 'localesDir'> {
  /**
   * An earlier version of the files' IEP (`--base OLD`, `--redline OLD`): read and checked once; each file must be a
   * later version of the same student's IEP, or it is reported (versions-different-student, -out-of-order).
   */
  baseFile?: string;
  /** Default `out`. */
  outDir?: string;
  /** Also report strength-based wording warnings for each file (default true). */
  lint?: boolean;
  /** The pool to print PDFs with; without one, one is started for the run and closed as soon as its last PDF is printed. */
  browserPool?: BrowserPool;
  /**
   * Close `browserPool` too as soon as the run's last PDF is printed (the CLI's pool serves one run): a browser keeps
   * both cores busy for most of a second after it starts, and would slow the last document's post-print stage and
   * writing (a one-page `iep render` took 1.6 s instead of 1.2).
   */
  closeBrowserPool?: boolean;
  /**
   * Called when each document (one layout in one language, all its formats) is done, with what was written and every
   * problem that concerns it: its file's loading and wording findings, and its own (`iep render --brief`).
   */
  onDocument?: (document: RenderedJob) => void;
}

export interface RenderedJob {
  job: Job;
  outputs: JobOutput[];
  diagnostics: Diagnostic[];
}

export interface RenderFilesResult {
  /** Every problem found, each once, in the order found. */
  diagnostics: Diagnostic[];
  written: JobOutput[];
}

/**
 * `iep render`: each file is read and checked once, then each of its documents (layouts x languages, see
 * planJobs) is one pipeline job writing its files into the output folder. A bad file is reported and the next one
 * is rendered. Temporary files and browser profiles left by killed runs are removed first.
 */
export async function renderFiles(files: readonly string[], options: RenderFilesOptions = {}): Promise<RenderFilesResult> {
  const resolved = resolveRenderOptions(options);
  const outDir = options.outDir ?? DEFAULTS.outDir;
  const diagnostics: Diagnostic[] = [];
  // The jobs of one file each repeat its loading warnings (and a --final refusal per language): report them once.
  const seen = new Set<string>();
  const report = (found: readonly Diagnostic[]) => {
    for (const d of found) {
      const key = JSON.stringify(d);
      if (seen.has(key)) continue;
      seen.add(key);
      diagnostics.push(d);
    }
  };
  // What runs killed earlier left (as batch does): their temporary files here, their browser profiles, which may
  // hold students' names, in the temporary folder.
  await removeStalePartials(outDir);
  removeStaleProfiles();
  const written: JobOutput[] = [];
  const pool = options.browserPool ?? (resolved.formats.includes('pdf') ? new BrowserPool() : undefined);
  try {
    const base = options.baseFile === undefined ? undefined : await loadInput(options.baseFile);
    if (base) report(base.diagnostics);
    if (base && (!base.iep || hasErrors(base.diagnostics))) return { diagnostics, written };
    for (const [index, file] of files.entries()) {
      const loaded = await loadInput(file);
      report(loaded.diagnostics);
      if (!loaded.iep || hasErrors(loaded.diagnostics)) continue;
      if (base) {
        const mismatch = checkVersions({ iep: base.iep!, file: base.file }, { iep: loaded.iep, file });
        report(mismatch);
        if (hasErrors(mismatch)) continue;
      }
      const wording = options.lint !== false ? lintIep(loaded.iep, { file, sourceMap: loaded.sourceMap, profile: resolved.profile, templates: resolved.templates, locales: resolved.locales, templatesDir: resolved.templatesDir, localesDir: resolved.localesDir }).filter((d) => d.severity !== 'info') : [];
      report(wording);
      const jobs = planJobs([{ input: file, iep: loaded.iep }], { ...resolved, withBase: base !== undefined });
      if (resolved.layouts.includes(BILINGUAL_LAYOUT) && !jobs.some((job) => job.layout === BILINGUAL_LAYOUT) && resolved.langs.includes('family')) {
        report([{ code: 'bilingual-english-family', severity: 'warning', file, message: 'no bilingual copy: no parent\'s preferred language is one iepkit writes other than English', hint: 'name the language the interpreter needs, e.g. `--lang bn`' }]);
      }
      // The run's last print: the browser is closed while that document is made accessible and written.
      const lastPrint = index === files.length - 1 ? jobs.findLast((job) => job.formats.includes('pdf')) : undefined;
      const closesPool = pool !== undefined && (!options.browserPool || options.closeBrowserPool === true);
      for (const job of jobs) {
        const afterLastPrint = closesPool && job === lastPrint ? () => pool.closeInBackground() : undefined;
        const result = await runJob(job, { ...resolved, outDir, browserPool: pool, base: base?.iep, afterLastPrint }, loaded);
        report(result.diagnostics);
        written.push(...result.outputs);
        options.onDocument?.({ job, outputs: result.outputs, diagnostics: [...wording, ...result.diagnostics] });
      }
    }
  } finally {
    if (!options.browserPool) await pool?.close();
  }
  // A warning a --final refusal raised to an error (text still to be written) is reported once, as the error.
  // So is the loader's line counting the warnings it did not list (`more`).
  const where = (d: Diagnostic) => `${d.file}\0${d.code}\0${d.more === undefined ? d.path : 'more'}`;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const raised = new Set([...errors.map(where), ...errors.map((d) => where({ ...d, more: 1 }))]);
  return { diagnostics: diagnostics.filter((d) => d.severity !== 'warning' || !raised.has(where(d))), written };
}
