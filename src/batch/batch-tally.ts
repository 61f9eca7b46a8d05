import type { ManifestEntry } from './manifest.js';

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

/** Counts a batch's finished documents as they come (rendered here or by queue workers) and reports progress. */
export class BatchTally {
  readonly #started = performance.now();
  readonly #total: number;
  readonly #onProgress: (p: BatchProgress) => void;
  #done = 0;
  #failed = 0;
  #skipped = 0;

  /** `decided`: the entries known before any rendering (failed inputs, skipped by --resume). */
  constructor(total: number, decided: readonly ManifestEntry[], onProgress: (p: BatchProgress) => void) {
    this.#total = total;
    this.#onProgress = onProgress;
    for (const entry of decided) this.#count(entry);
  }

  add(entry: ManifestEntry): void {
    this.#count(entry);
    this.report();
  }

  report(current?: string): void {
    const seconds = (performance.now() - this.#started) / 1000;
    const rate = seconds > 0 ? this.#done / seconds : 0;
    const remaining = this.#total - this.#done - this.#failed - this.#skipped;
    this.#onProgress({ done: this.#done, failed: this.#failed, skipped: this.#skipped, total: this.#total, rate, etaSeconds: rate > 0 ? remaining / rate : undefined, current });
  }

  #count(entry: ManifestEntry): void {
    if (entry.status === 'done') this.#done++;
    else if (entry.status === 'failed') this.#failed++;
    else if (entry.status === 'skipped') this.#skipped++;
  }
}
