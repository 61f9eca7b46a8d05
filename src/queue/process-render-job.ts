import { UnrecoverableError } from 'bullmq';
import type { ManifestEntry } from '../batch/manifest.js';
import { renderEntry } from '../batch/render-entry.js';
import { EXIT, exitCodeFor } from '../model/diagnostic-catalog.js';
import { loadInputBytes, type BrowserPool } from '../pipeline/index.js';
import { encodeFailure } from './job-failure.js';
import type { RenderJobData } from './render-job-data.js';

/**
 * Renders one job's document into its output folder (atomically, through the pipeline) and answers its manifest
 * entry. A failure the machine caused (the browser crashed or timed out, the folder could not be written: exit codes
 * 3, 4 and 5) throws an Error, so BullMQ retries it with backoff; one the input caused (invalid, --final refused)
 * throws an UnrecoverableError: retrying would fail the same way. Both carry the entry (see job-failure.ts).
 */
export async function processRenderJob(data: RenderJobData, pool: BrowserPool | undefined): Promise<ManifestEntry> {
  const input = loadInputBytes(Buffer.from(data.inputBase64, 'base64'), data.file);
  const entry = await renderEntry(
    { id: data.id, input: data.file, layout: data.layout, lang: data.lang, formats: data.formats, inputSha256: data.inputSha256 },
    input,
    {
      profile: data.profile,
      templates: data.templates,
      locales: data.locales,
      pageSize: data.pageSize,
      final: data.final,
      withCompliance: data.withCompliance,
      timestamp: data.timestamp ? new Date(data.timestamp) : undefined,
      pdfTimeoutMs: data.pdfTimeoutMs,
      outDir: data.outDir,
      browserPool: pool,
    },
    data.optionsKey,
  );
  if (entry.status === 'done') return entry;
  const code = exitCodeFor(entry.diagnostics);
  if (code === EXIT.renderFailed || code === EXIT.internal || code === EXIT.environment) throw new Error(encodeFailure(entry));
  throw new UnrecoverableError(encodeFailure(entry));
}
