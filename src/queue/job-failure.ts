import type { ManifestEntry } from '../batch/manifest.js';

/**
 * A failed render's manifest entry travels back as the BullMQ error message (kept as the failed job's
 * `failedReason`), so the batch that waits for it records the same diagnostics a local batch would.
 */
export function encodeFailure(entry: ManifestEntry): string {
  return JSON.stringify(entry);
}

/** The entry of a failed job, or undefined when BullMQ itself failed it (e.g. it stalled too often). */
export function decodeFailure(reason: string | undefined): ManifestEntry | undefined {
  if (!reason?.startsWith('{')) return undefined;
  try {
    const entry = JSON.parse(reason) as ManifestEntry;
    return typeof entry.status === 'string' && Array.isArray(entry.diagnostics) ? entry : undefined;
  } catch {
    return undefined;
  }
}
