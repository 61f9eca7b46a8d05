/** Small numeric helpers for the benchmark. */

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank.
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

export const round = (value: number, digits = 1): number => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);

export const mib = (bytes: number): number => round(bytes / 1024 / 1024, 0);

/**
 * Runs `work` over `items` with `concurrency` workers taking the next item in order; answers each item's latency
 * in ms (in item order) and the wall time of the whole run.
 */
export async function runConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number, worker: number) => Promise<void>,
): Promise<{ latencies: number[]; wallMs: number }> {
  const latencies = new Array<number>(items.length);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async (_, worker) => {
      while (next < items.length) {
        const index = next++;
        const t0 = performance.now();
        await work(items[index]!, index, worker);
        latencies[index] = performance.now() - t0;
      }
    }),
  );
  return { latencies, wallMs: performance.now() - started };
}
