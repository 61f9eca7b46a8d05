/**
 * runBatch as a library: stopping through the AbortSignal, and what the manifest says afterwards. DOCX only, so no
 * browser is needed and the tests are quick; the CLI tests cover PDF and real signals.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { runBatch, type BatchOptions } from '../../src/batch/run-batch.js';
import { copyExample, expectManifestComplete, JOURNAL, makeWorkspace, type Workspace } from './batch-helpers.js';

let ws: Workspace | undefined;
afterEach(() => ws?.cleanup());

function options(ws: Workspace, inputs: string[], extra: Partial<BatchOptions> = {}): BatchOptions {
  return { inputs, outDir: ws.outDir, layouts: ['student'], langs: ['en'], formats: ['docx'], concurrency: 2, ...extra };
}

describe('runBatch stopped through its signal', () => {
  it('stops reading inputs at once: a batch stopped before it starts reads none and leaves each pending', async () => {
    // Planning read and validated every file before looking at the signal: minutes for a district's thousands.
    ws = makeWorkspace('lib-aborted');
    const inputs = ['a', 'b', 'c'].map((n) => path.join(ws!.inDir, `${n}.iep.yaml`)); // none exists: reading one would fail it
    const controller = new AbortController();
    controller.abort();
    const manifest = await runBatch(options(ws, inputs, { signal: controller.signal }));
    expect(manifest.interrupted).toBe(true);
    expect(manifest.summary).toEqual({ total: 3, done: 0, skipped: 0, failed: 0, pending: 3 });
    expect(manifest.entries.map((e) => [e.input, e.status])).toEqual(inputs.map((i) => [i, 'pending']));
  });

  it('finishes the documents in progress, leaves the rest pending, and --resume completes the batch', async () => {
    ws = makeWorkspace('lib-stop');
    const inputs = Array.from({ length: 6 }, (_, i) => copyExample(ws!, 'maya-thompson', `74000000${i}`));
    const controller = new AbortController();
    const first = await runBatch(options(ws, inputs, { signal: controller.signal }), (p) => {
      if (p.done >= 1) controller.abort();
    });
    expect(first.interrupted).toBe(true);
    expect(first.summary.done).toBeGreaterThanOrEqual(1);
    expect(first.summary.pending).toBeGreaterThan(0);
    expect(first.summary.done + first.summary.pending).toBe(6);
    expect(readdirSync(ws.outDir).filter((n) => n.endsWith('.docx'))).toHaveLength(first.summary.done);
    for (const entry of first.entries.filter((e) => e.status === 'pending')) expect(entry.outputs).toEqual([]);

    const second = await runBatch(options(ws, inputs, { resume: true }));
    expect(second.summary).toEqual({ total: 6, done: 6 - first.summary.done, skipped: first.summary.done, failed: 0, pending: 0 });
    expectManifestComplete(ws.outDir, 6);
  });
});

describe('the journal', () => {
  it('does not grow run after run: it is folded into manifest.json at the end of each run', async () => {
    // Every run appended a line per rendered document and nothing ever removed them; each --resume read them all.
    ws = makeWorkspace('lib-journal');
    const inputs = [copyExample(ws, 'maya-thompson', '750000001'), copyExample(ws, 'maya-thompson', '750000002')];
    const journal = path.join(ws.outDir, JOURNAL);
    const seen: boolean[] = [];
    for (let run = 0; run < 3; run++) {
      await runBatch(options(ws, inputs), () => seen.push(existsSync(journal)));
      expect(existsSync(journal)).toBe(false);
    }
    // It was there while each run went on.
    expect(seen).toContain(true);
    const resumed = await runBatch(options(ws, inputs, { resume: true }));
    expect(resumed.summary).toMatchObject({ done: 0, skipped: 2 });
    expectManifestComplete(ws.outDir, 2);
  });
});

describe('memory', () => {
  it('does not hold every parsed IEP while the documents are rendered', async () => {
    // Each job kept its input's parsed IEP until the end of the run: about 200 KB per file, some 2 GB for a
    // district's 10,000. The heap is measured right after planning (the first progress report), then the run stops.
    v8.setFlagsFromString('--expose_gc');
    const gc = vm.runInNewContext('gc') as () => void;
    ws = makeWorkspace('lib-heap');
    const heapAfterPlanning = async (inputs: string[]) => {
      const controller = new AbortController();
      let heap = 0;
      await runBatch(options(ws!, inputs, { layouts: ['official', 'family', 'student'], signal: controller.signal }), () => {
        if (heap > 0) return;
        gc();
        heap = process.memoryUsage().heapUsed;
        controller.abort();
      });
      return heap;
    };
    const inputs = Array.from({ length: 40 }, (_, i) => copyExample(ws!, 'amira-saleh', `7600001${String(i).padStart(2, '0')}`));
    // A first pass warms up what stays anyway (the compiled schema, and the optimized code of the loader, which
    // alone is a few MB), so the second one measures what planning keeps per input.
    await heapAfterPlanning(inputs);
    gc();
    const before = process.memoryUsage().heapUsed;
    const after = await heapAfterPlanning(inputs);
    expect((after - before) / inputs.length).toBeLessThan(50 * 1024);
  }, 120_000);
});
