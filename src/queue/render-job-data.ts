import type { OutputFormat } from '../model/formats.js';
import type { Language } from '../model/languages.js';
import type { LayoutName } from '../model/layouts.js';
import type { PageSize } from '../model/document.js';
import type { Profile } from '../model/profiles.js';
import { sha256 } from '../pipeline/index.js';

/** The BullMQ queue `iep worker` and `iep batch --queue` use unless told another (`--queue`). */
export const DEFAULT_QUEUE_NAME = 'iepkit-render';

/** BullMQ's name for a render job (one queue could carry other kinds later). */
export const RENDER_JOB_NAME = 'render';

/**
 * One document for a worker: the input travels in the job (a worker need not see the input's path), with every
 * option that decides the output and the folder to write into (shared by every worker's machine).
 */
export interface RenderJobData {
  /** The manifest entry's id, `<input>#<layout>#<lang>`. */
  id: string;
  /** The input's name, for diagnostics. */
  file: string;
  /** The input's bytes, base64: byte for byte what the batch read, so its sha256 (and --resume) agree on every worker. */
  inputBase64: string;
  inputSha256: string;
  layout: LayoutName;
  lang: Language;
  formats: readonly OutputFormat[];
  profile: Profile;
  /**
   * The overlay folders (`--templates`, `--locales`), absolute: a worker renders with them, so on other machines they
   * must be at the same paths (as the output folder).
   */
  templates?: readonly string[];
  locales?: readonly string[];
  pageSize?: PageSize;
  final?: boolean;
  withCompliance?: boolean;
  /** ISO time written into every file (SOURCE_DATE_EPOCH), when pinned. */
  timestamp?: string;
  pdfTimeoutMs?: number;
  /** Absolute output folder; workers on other machines need it mounted at the same path. */
  outDir: string;
  /** The batch's options key (src/batch/plan-batch.ts), recorded in the manifest entry. */
  optionsKey: string;
}

/**
 * The job's id: sha256 of what the output is made from (input content, layout, language, options, output folder).
 * BullMQ adds a job only once per id, so enqueuing the same work again does not duplicate it.
 */
export function renderJobId(data: RenderJobData): string {
  return sha256(Buffer.from(JSON.stringify([data.inputSha256, data.layout, data.lang, data.optionsKey, data.pdfTimeoutMs ?? null, data.outDir])));
}
