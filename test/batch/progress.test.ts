/**
 * Progress when stderr is not a terminal (CI logs, `2> log`, a pipe): plain lines, no bar, no escape codes, no
 * carriage returns; one every few seconds with done/total, the rate and the time left, and a last one at the end.
 */
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { BatchProgress } from '../../src/batch/run-batch.js';
import { batchProgressReporter } from '../../src/cli/batch-progress.js';
import type { CliIo } from '../../src/cli/io.js';
import { copyExample, iep, makeWorkspace, type Workspace } from './batch-helpers.js';

const LINE = /^progress (\d+)\/(\d+) \(done (\d+), skipped (\d+), failed (\d+)\) (\d+\.\d) docs\/s, (\?|\d+s|\d+m\d\ds|\d+h\d\dm) left$/;

function captureIo(): { io: CliIo; lines: () => string[] } {
  let err = '';
  return {
    io: { out: () => {}, err: (s) => (err += s), color: false, isTty: false },
    lines: () => err.split('\n').filter(Boolean),
  };
}

const at = (done: number, total: number, rate: number, etaSeconds?: number): BatchProgress => ({ done, failed: 0, skipped: 0, total, rate, etaSeconds });

describe('batch progress without a terminal', () => {
  afterEach(() => vi.useRealTimers());

  it('prints a line at most every 2 seconds, however often it is updated', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const { io, lines } = captureIo();
    const reporter = batchProgressReporter(io);
    for (let i = 0; i <= 100; i++) {
      reporter.update(at(i, 100, 10, (100 - i) / 10));
      vi.advanceTimersByTime(100);
    }
    // 10 s of updates every 0.1 s: the first line, then one per 2 s (at 2, 4, 6, 8 and 10 s).
    expect(lines()).toHaveLength(6);
    for (const line of lines()) expect(line).toMatch(LINE);
    expect(lines()[0]).toBe('progress 0/100 (done 0, skipped 0, failed 0) 10.0 docs/s, 10s left');
    expect(lines()[1]).toBe('progress 20/100 (done 20, skipped 0, failed 0) 10.0 docs/s, 8s left');
  });

  it('ends with exactly one line for the final state', () => {
    // The final state was printed twice when the last update happened to fall on a 2-second mark.
    vi.useFakeTimers({ now: 1_000_000 });
    const { io, lines } = captureIo();
    const reporter = batchProgressReporter(io);
    reporter.update(at(0, 3, 0));
    vi.advanceTimersByTime(2500);
    reporter.update(at(3, 3, 1.2, 0));
    reporter.stop();
    expect(lines()).toEqual([
      'progress 0/3 (done 0, skipped 0, failed 0) 0.0 docs/s, ? left',
      'progress 3/3 (done 3, skipped 0, failed 0) 1.2 docs/s, 0s left',
    ]);
  });

  it('prints the final state at the end when the last update fell between two lines', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const { io, lines } = captureIo();
    const reporter = batchProgressReporter(io);
    reporter.update(at(0, 2, 0));
    vi.advanceTimersByTime(500);
    reporter.update(at(2, 2, 4, 0));
    reporter.stop();
    expect(lines().at(-1)).toBe('progress 2/2 (done 2, skipped 0, failed 0) 4.0 docs/s, 0s left');
    expect(lines()).toHaveLength(2);
  });

  it('formats long times left in minutes and hours', () => {
    const { io, lines } = captureIo();
    const reporter = batchProgressReporter(io);
    reporter.update(at(10, 10_000, 0.5, 19_980));
    reporter.stop();
    expect(lines()).toEqual(['progress 10/10000 (done 10, skipped 0, failed 0) 0.5 docs/s, 5h33m left']);
  });
});

describe('iep batch progress in a log', () => {
  let ws: Workspace | undefined;
  beforeAll(() => {
    expect(inject('buildError')).toBe('');
  });
  afterEach(() => ws?.cleanup());

  it('prints plain periodic lines with done/total, rate and time left, ending at total/total', async () => {
    ws = makeWorkspace('progress');
    for (let i = 1; i <= 4; i++) copyExample(ws, 'maya-thompson', `73000000${i}`);
    const run = await iep(['batch', path.join(ws.inDir, '*.iep.yaml'), '--out', ws.outDir, '--layouts', 'student,family', '--langs', 'en', '--formats', 'docx,pdf'], ws);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/\r|\u001b\[/);
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(LINE);
    const parsed = lines.map((l) => LINE.exec(l)!.slice(1).map((v, i) => (i < 6 ? Number(v) : v)) as [number, number, number, number, number, number, string]);
    for (const [count, total, done, skipped, failed] of parsed) {
      expect(total).toBe(8);
      expect(count).toBe(done + skipped + failed);
    }
    // Counts never go back, and the last line is the whole batch with no time left.
    for (let i = 1; i < parsed.length; i++) expect(parsed[i]![0]).toBeGreaterThanOrEqual(parsed[i - 1]![0]);
    expect(lines.at(-1)).toMatch(/^progress 8\/8 \(done 8, skipped 0, failed 0\) \d+\.\d docs\/s, 0s left$/);
    expect(Number(parsed.at(-1)![5])).toBeGreaterThan(0);
    // Exactly one line says the batch is finished.
    expect(lines.filter((l) => l.startsWith('progress 8/8'))).toHaveLength(1);
    expect(run.stdout).toBe(`8 rendered, 0 skipped (already complete), 0 failed, 0 pending; manifest: ${ws.outDir}/manifest.json\n`);
  }, 180_000);
});
