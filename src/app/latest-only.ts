/**
 * Runs a task on the latest value once the value has stopped changing for `delayMs`, with at most one run in
 * flight: a value given while a run is in flight waits for it, and only the newest waiting value runs next.
 * The live preview uses it so that typing never queues a request per keystroke and never shows an older answer
 * after a newer one.
 */
export interface LatestOnly<T> {
  /** The value changed (at `since`, default now, on performance.now()'s clock): run with it once it has been quiet for the delay. */
  schedule(value: T, since?: number): void;
  /** Run with this value as soon as nothing is in flight (a picker changed: no reason to wait). */
  now(value: T): void;
  /** Whether a value waits or runs. */
  busy(): boolean;
  /** Whether a newer value waits (a run may then leave its now stale result unshown). */
  superseded(): boolean;
}

export function latestOnly<T>(run: (value: T) => Promise<void>, delayMs: number): LatestOnly<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting: { value: T } | undefined;
  let inFlight = false;

  const fire = (): void => {
    timer = undefined;
    if (inFlight || !waiting) return;
    const { value } = waiting;
    waiting = undefined;
    inFlight = true;
    run(value)
      .catch(() => undefined)
      .finally(() => {
        inFlight = false;
        // A value that came in meanwhile and whose quiet time is over runs now; one still in its quiet time waits.
        if (waiting && timer === undefined) fire();
      });
  };

  return {
    schedule(value, since = performance.now()) {
      waiting = { value };
      if (timer !== undefined) clearTimeout(timer);
      // The quiet time counts from the change itself: the work of applying it is not waited for twice.
      timer = setTimeout(fire, Math.max(0, delayMs - (performance.now() - since)));
    },
    now(value) {
      waiting = { value };
      if (timer !== undefined) clearTimeout(timer);
      fire();
    },
    busy: () => inFlight || waiting !== undefined,
    superseded: () => waiting !== undefined,
  };
}
