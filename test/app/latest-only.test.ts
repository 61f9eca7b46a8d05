import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { latestOnly } from '../../src/app/latest-only.js';

/** A run that stays in flight until the test lets it finish. */
function controlledRun() {
  const started: string[] = [];
  const finishers: (() => void)[] = [];
  const run = (value: string) => {
    started.push(value);
    return new Promise<void>((resolve) => finishers.push(resolve));
  };
  const finish = async () => {
    finishers.shift()!();
    await vi.advanceTimersByTimeAsync(0);
  };
  return { started, run, finish };
}

describe('latestOnly (the live preview\'s request scheduler)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once with the last value of a burst of keystrokes, after the quiet time', async () => {
    const { started, run } = controlledRun();
    const preview = latestOnly(run, 150);
    for (const text of ['M', 'Ma', 'May', 'Maya']) {
      preview.schedule(text);
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(started).toEqual([]);
    await vi.advanceTimersByTimeAsync(150);
    expect(started).toEqual(['Maya']);
  });

  it('counts the quiet time from the change itself, not from after the work of applying it', async () => {
    const { started, run } = controlledRun();
    const preview = latestOnly(run, 150);
    // The keystroke came 100 ms ago (applying a form edit to a large record took that long): 50 ms are left.
    preview.schedule('Maya', performance.now() - 100);
    await vi.advanceTimersByTimeAsync(60);
    expect(started).toEqual(['Maya']);
  });

  it('keeps one run in flight and then runs only the newest value that came in meanwhile', async () => {
    const { started, run, finish } = controlledRun();
    const preview = latestOnly(run, 150);
    preview.schedule('a');
    await vi.advanceTimersByTimeAsync(150);
    preview.schedule('ab');
    await vi.advanceTimersByTimeAsync(150);
    preview.schedule('abc');
    await vi.advanceTimersByTimeAsync(150);
    expect(started).toEqual(['a']);
    expect(preview.busy()).toBe(true);
    // The run in flight can tell that its result is already stale.
    expect(preview.superseded()).toBe(true);
    await finish();
    expect(started).toEqual(['a', 'abc']);
    await finish();
    expect(started).toEqual(['a', 'abc']);
    expect(preview.busy()).toBe(false);
    expect(preview.superseded()).toBe(false);
  });

  it('runs at once for now(), and a run that fails does not stop the next', async () => {
    const started: string[] = [];
    const preview = latestOnly(async (value: string) => {
      started.push(value);
      if (value === 'bad') throw new Error('server down');
    }, 150);
    preview.now('bad');
    await vi.advanceTimersByTimeAsync(0);
    preview.now('good');
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual(['bad', 'good']);
  });
});
