import { createHash } from 'node:crypto';

/** Hex sha256 of a file's bytes: inputs and outputs in a batch manifest, and what --resume compares. */
export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
