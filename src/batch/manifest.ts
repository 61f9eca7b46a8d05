import { existsSync, readFileSync } from 'node:fs';
import { appendFile, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import type { OutputFormat } from '../model/formats.js';
import { sha256, writeFileAtomic } from '../pipeline/index.js';

export type JobStatus = 'done' | 'failed' | 'pending' | 'skipped';

export interface ManifestOutput {
  format: OutputFormat;
  /** Path relative to the output folder. */
  path: string;
  sha256: string;
  bytes: number;
}

export interface ManifestEntry {
  /** `<input>#<layout>#<lang>`, or `<input>` for an input that could not be read or validated (or was not read: the run was stopped first). */
  id: string;
  input: string;
  /** sha256 of the input file: --resume redoes a document whose input changed. */
  inputSha256?: string;
  layout?: string;
  lang?: string;
  profile?: string;
  /** What else decides the output (formats, page size); --resume redoes a document when it changed. */
  optionsKey: string;
  status: JobStatus;
  outputs: ManifestOutput[];
  durationMs: number;
  diagnostics: Diagnostic[];
  finishedAt?: string;
}

export interface Manifest {
  tool: 'iepkit';
  version: string;
  startedAt: string;
  finishedAt?: string;
  /** True when the run stopped early (a signal); pending entries are left for --resume. */
  interrupted: boolean;
  summary: { total: number; done: number; skipped: number; failed: number; pending: number };
  entries: ManifestEntry[];
}

export const MANIFEST_FILE = 'manifest.json';
/** One line per finished document, appended as the batch goes: survives a crash that prevents manifest.json. Removed once manifest.json is written. */
export const JOURNAL_FILE = '.manifest.journal.jsonl';

/** The entries of a previous run (its manifest, then its journal, later lines winning), by id. */
export async function readPreviousEntries(outDir: string): Promise<Map<string, ManifestEntry>> {
  const entries = new Map<string, ManifestEntry>();
  const manifestPath = join(outDir, MANIFEST_FILE);
  if (existsSync(manifestPath)) {
    try {
      for (const e of (JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest).entries) entries.set(e.id, e);
    } catch {
      // A damaged manifest only means nothing can be skipped.
    }
  }
  const journalPath = join(outDir, JOURNAL_FILE);
  if (existsSync(journalPath)) {
    for (const line of (await readFile(journalPath, 'utf8')).split('\n')) {
      if (!line.trim()) continue;
      try {
        const e = JSON.parse(line) as ManifestEntry;
        entries.set(e.id, e);
      } catch {
        // The last line of a killed run may be cut short; the document is simply redone.
      }
    }
  }
  return entries;
}

/**
 * A previous entry still holds when it is complete (rendered then, or skipped then as already complete), for the
 * same input and options, and its files are intact.
 */
export function isStillComplete(previous: ManifestEntry | undefined, inputSha256: string, optionsKey: string, outDir: string): boolean {
  if (!previous || (previous.status !== 'done' && previous.status !== 'skipped') || previous.outputs.length === 0 || previous.inputSha256 !== inputSha256 || previous.optionsKey !== optionsKey) return false;
  return previous.outputs.every((o) => {
    const path = join(outDir, o.path);
    return existsSync(path) && sha256(readFileSync(path)) === o.sha256;
  });
}

export async function appendJournal(outDir: string, entry: ManifestEntry): Promise<void> {
  await appendFile(join(outDir, JOURNAL_FILE), JSON.stringify(entry) + '\n');
}

/**
 * Writes manifest.json, then removes the journal: the manifest now holds every entry the journal had (a skipped
 * document keeps its outputs), so the journal only ever covers the run in progress instead of growing run after run.
 */
export async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(join(outDir, MANIFEST_FILE), Buffer.from(JSON.stringify(manifest, null, 2) + '\n'));
  await rm(join(outDir, JOURNAL_FILE), { force: true });
}
