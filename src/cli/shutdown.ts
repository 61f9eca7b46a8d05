/**
 * Ctrl-C and `kill` during a run: close the browser first, then exit with the conventional code (130 for SIGINT,
 * 143 for SIGTERM), so no Chromium outlives the CLI. The browser is launched without puppeteer's own signal
 * handlers so that this order holds. A second signal while closing kills the browser at once and exits.
 */
export interface Closable {
  close(): Promise<void>;
  /** Synchronous last resort for a second signal. */
  killNow?(): void;
}

export interface ShutdownOptions {
  /** Exit function (default process.exit); tests pass their own. */
  exit?: (code: number) => void;
  /** How long close() may take before the process exits anyway, in ms (default 10000). */
  closeTimeoutMs?: number;
  /** Where signals arrive (default process); tests pass an EventEmitter. */
  signals?: Pick<NodeJS.EventEmitter, 'on' | 'removeListener'>;
}

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type HandledSignal = keyof typeof EXIT_CODES;

/** Installs SIGINT/SIGTERM handlers that close the pools, then exit. Returns a function that removes them. */
export function closePoolOnSignals(pools: Closable | readonly Closable[], options: ShutdownOptions = {}): () => void {
  const list = Array.isArray(pools) ? [...(pools as readonly Closable[])] : [pools as Closable];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const closeTimeoutMs = options.closeTimeoutMs ?? 10_000;
  let stopping = false;

  const handler = (signal: HandledSignal) => {
    const code = EXIT_CODES[signal];
    if (stopping) {
      for (const pool of list) pool.killNow?.();
      exit(code);
      return;
    }
    stopping = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        for (const pool of list) pool.killNow?.();
        resolve();
      }, closeTimeoutMs);
    });
    void Promise.race([Promise.allSettled(list.map((pool) => pool.close())), timeout]).then(() => {
      clearTimeout(timer);
      exit(code);
    });
  };
  const onSigint = () => handler('SIGINT');
  const onSigterm = () => handler('SIGTERM');
  const signals = options.signals ?? process;
  signals.on('SIGINT', onSigint);
  signals.on('SIGTERM', onSigterm);
  return () => {
    signals.removeListener('SIGINT', onSigint);
    signals.removeListener('SIGTERM', onSigterm);
  };
}
