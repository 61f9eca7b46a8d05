import { HttpError } from './http-error.js';

export interface RenderLimiterOptions {
  /** Renders at the same time (the browser pool's pages). */
  concurrency: number;
  /** Renders waiting for a turn; one more is refused with 429. */
  queue: number;
  /** The Retry-After, in seconds, of a refusal. */
  retryAfterSeconds?: number;
}

/**
 * Bounded render concurrency, as Gotenberg does: `concurrency` renders run, up to `queue` wait, and the next is
 * answered 429 at once rather than piling up memory and browser pages. Once closed, every waiting and new request
 * is answered 503 (the server is stopping).
 */
export class RenderLimiter {
  #running = 0;
  #waiting: { resolve: () => void; reject: (error: HttpError) => void }[] = [];
  #closed = false;

  constructor(readonly options: RenderLimiterOptions) {}

  get running(): number {
    return this.#running;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  /** Runs `work` when a slot is free; throws HttpError 429 when the queue is full, 503 when closed. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.#acquire();
    try {
      return await work();
    } finally {
      this.#release();
    }
  }

  /** Refuses what waits and what comes; running renders finish. */
  close(): void {
    this.#closed = true;
    for (const waiter of this.#waiting.splice(0)) waiter.reject(this.#stopping());
  }

  #retryAfter(): number {
    return this.options.retryAfterSeconds ?? 5;
  }

  #stopping(): HttpError {
    return new HttpError(503, 'unavailable', 'the server is stopping', this.#retryAfter());
  }

  #acquire(): Promise<void> {
    if (this.#closed) return Promise.reject(this.#stopping());
    if (this.#running < this.options.concurrency) {
      this.#running++;
      return Promise.resolve();
    }
    if (this.#waiting.length >= this.options.queue) {
      const message = `${this.#running} renders are running and ${this.#waiting.length} waiting: try again shortly`;
      return Promise.reject(new HttpError(429, 'busy', message, this.#retryAfter()));
    }
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  #release(): void {
    const next = this.#waiting.shift();
    // The slot passes straight to the next waiter, so `running` never dips and lets a newcomer jump the queue.
    if (next) next.resolve();
    else this.#running--;
  }
}
