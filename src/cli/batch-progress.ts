import cliProgress from 'cli-progress';
import type { BatchProgress } from '../batch/run-batch.js';
import type { CliIo } from './io.js';

function eta(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/**
 * A progress bar on a terminal; on a pipe or in CI, a plain line every few seconds (and at the end), so logs stay
 * readable. Both show done/total, the rate and the time left.
 */
export function batchProgressReporter(io: CliIo): { update(p: BatchProgress): void; stop(): void } {
  if (io.isTty) {
    const bar = new cliProgress.SingleBar(
      { format: 'rendering [{bar}] {value}/{total} | {rate} docs/s | {eta_text} left | {failed} failed', hideCursor: true, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        const payload = { rate: p.rate.toFixed(1), eta_text: eta(p.etaSeconds), failed: p.failed };
        if (!started) {
          bar.start(p.total, p.done + p.failed + p.skipped, payload);
          started = true;
        } else bar.update(p.done + p.failed + p.skipped, payload);
      },
      stop: () => started && bar.stop(),
    };
  }
  let lastLine = 0;
  /** The latest state not printed yet. */
  let unprinted: BatchProgress | undefined;
  const line = (p: BatchProgress) =>
    io.err(`progress ${p.done + p.failed + p.skipped}/${p.total} (done ${p.done}, skipped ${p.skipped}, failed ${p.failed}) ${p.rate.toFixed(1)} docs/s, ${eta(p.etaSeconds)} left\n`);
  return {
    update(p) {
      unprinted = p;
      const now = Date.now();
      if (now - lastLine >= 2000) {
        lastLine = now;
        unprinted = undefined;
        line(p);
      }
    },
    // The final state, unless the last update already printed it.
    stop: () => {
      if (unprinted) line(unprinted);
      unprinted = undefined;
    },
  };
}
