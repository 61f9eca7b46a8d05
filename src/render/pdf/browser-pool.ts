/**
 * One headless browser per process, launched lazily on first use, with a small pool of locked-down pages reused
 * across documents. Pages are replaced after a number of documents; the whole browser is replaced when it has
 * printed many documents or grown in memory; a browser that crashed or stopped answering is replaced on the next
 * request. `close()` ends every process the pool started and deletes its temporary profile.
 *
 * Nothing of a document is kept in the profile: each page lives in its own incognito (off-the-record) browser
 * context, for which Chromium writes no history, cache, cookies, storage or session to disk. A profile that a killed
 * run could not delete is removed when the next pool starts its first browser (see browser-profile.ts).
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { makeProfileDir, removeProfileDir, removeStaleProfiles } from './browser-profile.js';
import { findBrowser, type FindBrowserOptions } from './find-browser.js';
import { lockDownPage, NETWORK_KILL_SWITCH_ARGS, openDocumentOrigin, type LockedPage } from './lockdown.js';
import { PdfRenderError } from './pdf-render-error.js';
import { killQuietly, memoryBytes, processesMentioning, processGroupMembers } from './processes.js';

export interface BrowserPoolOptions {
  /** Browser executable; otherwise IEPKIT_CHROMIUM, PUPPETEER_EXECUTABLE_PATH, then the usual install locations. */
  executablePath?: string;
  /** Environment for finding the browser (default: process.env). */
  env?: FindBrowserOptions['env'];
  /** Documents printed at the same time, one page each (default 2). */
  concurrency?: number;
  /** Launch with `--no-sandbox`. Default: only when running as root, where Chromium's sandbox cannot start. */
  noSandbox?: boolean;
  /** Close a page and open a fresh one after this many documents (default 100). */
  pageMaxDocuments?: number;
  /** Replace the browser after this many documents (default 2000: measured growth of about 30 MiB per 1,000 documents). */
  browserMaxDocuments?: number;
  /** Replace the browser when its processes use more than this much memory, in MiB (default 1536; Linux only). */
  browserMaxMemoryMb?: number;
  /** Measure the browser's memory every this many documents (default 25). */
  memoryCheckEvery?: number;
  /** How long the browser may take to start, in ms (default 30000). */
  launchTimeoutMs?: number;
  /** Extra browser flags, appended to iepkit's. */
  extraArgs?: readonly string[];
}

interface ResolvedPoolOptions {
  executablePath: string | undefined;
  env: FindBrowserOptions['env'];
  concurrency: number;
  noSandbox: boolean;
  pageMaxDocuments: number;
  browserMaxDocuments: number;
  browserMaxMemoryBytes: number;
  memoryCheckEvery: number;
  launchTimeoutMs: number;
  extraArgs: readonly string[];
}

function resolvePoolOptions(options: BrowserPoolOptions): ResolvedPoolOptions {
  const positive = (value: number | undefined, fallback: number) =>
    value !== undefined && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
  return {
    executablePath: options.executablePath,
    env: options.env,
    concurrency: positive(options.concurrency, 2),
    noSandbox: options.noSandbox ?? process.getuid?.() === 0,
    pageMaxDocuments: positive(options.pageMaxDocuments, 100),
    browserMaxDocuments: positive(options.browserMaxDocuments, 2000),
    browserMaxMemoryBytes: positive(options.browserMaxMemoryMb, 1536) * 1024 * 1024,
    memoryCheckEvery: positive(options.memoryCheckEvery, 25),
    launchTimeoutMs: positive(options.launchTimeoutMs, 30_000),
    extraArgs: options.extraArgs ?? [],
  };
}

/** The flags every iepkit browser gets (see docs in shared/design/environment.md). */
export function browserArgs(noSandbox: boolean): string[] {
  return [
    ...(noSandbox ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--disable-default-apps',
    '--mute-audio',
    // The PDF's Creator field is the browser's user agent: say iepkit, not the browser build.
    '--user-agent=iepkit',
    // No crash uploads. (Debian's build still starts a crash handler; its database is inside our temporary profile
    // because HOME points there, and it is killed with the browser. `--disable-crashpad-for-testing` would stop it
    // but also stops request interception from seeing any request: measured with Chromium 156.)
    '--disable-breakpad',
    '--disable-crash-reporter',
    ...NETWORK_KILL_SWITCH_ARGS,
  ];
}

export interface BrowserPoolStats {
  /** Browsers started (the first launch included). */
  launches: number;
  /** Documents printed. */
  documents: number;
  /** Attempts that failed (each is retried once). */
  failedAttempts: number;
  /** Browsers that went away without being asked (crash, killed). */
  crashes: number;
  /** Browsers replaced because they stopped answering, printed their quota or grew in memory. */
  browserRecycles: number;
  pagesCreated: number;
  pageRecycles: number;
  /** Requests refused by the lockdown, across all documents. */
  blockedRequests: number;
  /** How long the last launch took, in ms. */
  lastLaunchMs: number | undefined;
  /** The last memory measurement of the browser's processes, in bytes. */
  lastMemoryBytes: number | undefined;
}

interface BrowserInstance {
  browser: Browser;
  pid: number | undefined;
  userDataDir: string;
  documents: number;
  idle: PooledPage[];
  /** Pages of this browser currently printing. */
  busy: number;
  /** No new work: replaced, crashed or closing. */
  retired: boolean;
  /** `shutdown` started (so a disconnect is expected). */
  closing: Promise<void> | undefined;
  exitCleanup: () => void;
}

/** A page on loan to one document. */
export interface PooledPage extends LockedPage {
  instance: BrowserInstance;
  /** The page's own incognito context, closed with it. */
  context: BrowserContext;
  documents: number;
}

export class BrowserPool {
  readonly options: Readonly<ResolvedPoolOptions>;
  readonly stats: BrowserPoolStats = {
    launches: 0,
    documents: 0,
    failedAttempts: 0,
    crashes: 0,
    browserRecycles: 0,
    pagesCreated: 0,
    pageRecycles: 0,
    blockedRequests: 0,
    lastLaunchMs: undefined,
    lastMemoryBytes: undefined,
  };

  #current: BrowserInstance | undefined;
  #launching: Promise<BrowserInstance> | undefined;
  /** The launch `warm()` started, until the first page is asked for. */
  #warmLaunch: Promise<BrowserInstance> | undefined;
  /** The page `warm()` is opening: the first document waits for it rather than opening a second one. */
  #warmPage: Promise<void> | undefined;
  #instances = new Set<BrowserInstance>();
  #permits: number;
  #waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  #closing: Promise<void> | undefined;

  constructor(options: BrowserPoolOptions = {}) {
    this.options = resolvePoolOptions(options);
    this.#permits = this.options.concurrency;
  }

  get closed(): boolean {
    return this.#closing !== undefined;
  }

  /**
   * How many documents a caller should keep in progress on this pool: twice its pages. While one document prints on
   * a page, another is composed and an earlier one made accessible, both on Node's thread; with only as many
   * documents as pages, each page waited for that work between its documents.
   */
  get documentsInFlight(): number {
    return this.options.concurrency * 2;
  }

  /** The running browser's process id, if one is running (for tests and diagnostics). */
  get browserPid(): number | undefined {
    return this.#current?.pid;
  }

  /** The running browser's temporary profile directory, if one is running. */
  get userDataDir(): string | undefined {
    return this.#current?.userDataDir;
  }

  /**
   * Starts the browser now rather than when the first document needs a page, and opens that document's locked-down
   * page, so that both overlap the caller's own work (the CLI reads, validates and composes meanwhile). Does nothing
   * when a browser is running or starting. A launch that fails is not retried at once: the first document to ask
   * for a page gets its error. Resolves, never rejects, when the launch and the page have ended either way.
   */
  async warm(): Promise<void> {
    if (this.closed || this.#current || this.#launching) return;
    const launch = this.#browser();
    this.#warmLaunch = launch;
    // The error reaches the first document, or is dropped when none comes (the run stopped before printing).
    this.#warmPage = launch.then(
      (instance) => this.#openIdlePage(instance),
      () => undefined,
    );
    await this.#warmPage;
  }

  /** A page opened ahead (warm), left idle for the first document; a page that cannot be opened is left to it. */
  async #openIdlePage(instance: BrowserInstance): Promise<void> {
    if (this.closed || instance.retired || instance.idle.length > 0) return;
    instance.busy++;
    let page: PooledPage | undefined;
    try {
      page = await this.#newPage(instance);
      instance.busy--;
      // At the document origin already, fonts decoded: the first document is written into it.
      await openDocumentOrigin(page, this.options.launchTimeoutMs).catch(() => undefined);
    } catch {
      // #newPage counted it back; the first document opens its own page and meets the problem itself.
    }
    if (page && !this.closed && !instance.retired) instance.idle.push(page);
    else if (page) await withTimeout(page.context.close(), 5000).catch(() => undefined);
    if (instance.retired && instance.busy === 0) void this.#shutdown(instance);
  }

  /**
   * Runs `work` with a locked-down page, waiting while `concurrency` pages are busy. If `work` throws, the page is
   * closed rather than reused. Used by renderPdf; the page must not be kept after `work` settles.
   */
  async withPage<T>(work: (page: PooledPage) => Promise<T>): Promise<T> {
    await this.#acquirePermit();
    try {
      const page = await this.#takePage();
      let ok = false;
      try {
        const result = await work(page);
        ok = true;
        return result;
      } finally {
        await this.#returnPage(page, ok);
      }
    } finally {
      this.#releasePermit();
    }
  }

  /**
   * After a failed attempt: if the browser that page belonged to has gone or stops answering, end it, so the next
   * page comes from a fresh browser.
   */
  async recover(page: PooledPage): Promise<void> {
    const instance = page.instance;
    if (instance.retired || instance.closing) return;
    const healthy = instance.browser.connected && (await answersWithin(instance.browser, 3000));
    if (healthy) return;
    this.stats.browserRecycles++;
    // Broken for every page: end it now; documents still printing on it fail and are retried on the next browser.
    this.#retire(instance);
    await this.#shutdown(instance);
  }

  /** Counts a refused request (the lockdown reports them here). */
  noteBlocked(): void {
    this.stats.blockedRequests++;
  }

  /** Ends the browser and every process it started, and deletes its profile. Safe to call many times. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      for (const waiter of this.#waiters.splice(0)) waiter.reject(poolClosedError());
      const launching = this.#launching;
      if (launching) await launching.catch(() => undefined);
      await Promise.all([...this.#instances].map((instance) => this.#shutdown(instance)));
      this.#current = undefined;
    })();
    return this.#closing;
  }

  /**
   * Starts close() without waiting for it: for a run that has printed its last document and goes on making it
   * accessible and writing it. An error comes from the close() the run awaits at its end (the same promise).
   */
  closeInBackground(): void {
    this.close().catch(() => undefined);
  }

  /**
   * Kills every browser process at once, synchronously, and deletes the profiles: for a second Ctrl-C or an exit
   * path that cannot wait. `close()` is the orderly way.
   */
  killNow(): void {
    this.#closing ??= Promise.resolve();
    for (const instance of this.#instances) {
      instance.retired = true;
      instance.closing ??= Promise.resolve(); // the disconnect that follows is expected, not a crash
      instance.exitCleanup();
      process.removeListener('exit', instance.exitCleanup);
    }
    this.#instances.clear();
    this.#current = undefined;
  }

  async #acquirePermit(): Promise<void> {
    if (this.closed) throw poolClosedError();
    if (this.#permits > 0) {
      this.#permits--;
      return;
    }
    await new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  #releasePermit(): void {
    const next = this.#waiters.shift();
    if (next) next.resolve();
    else this.#permits++;
  }

  async #takePage(): Promise<PooledPage> {
    if (this.closed) throw poolClosedError();
    const warming = this.#warmPage;
    if (warming) {
      this.#warmPage = undefined;
      await warming;
    }
    const instance = await this.#browser();
    const idle = instance.idle.pop();
    instance.busy++;
    if (idle) return idle;
    return this.#newPage(instance);
  }

  /** A fresh locked-down page of `instance`, counted busy (the caller has counted it); on failure, uncounted. */
  async #newPage(instance: BrowserInstance): Promise<PooledPage> {
    let context: BrowserContext | undefined;
    try {
      // Off the record: in the default context each document's title (the student's name) and URL went into the
      // profile's History, and its URL into Sessions and segmentation_platform/ukm_db (measured with Chromium 156).
      context = await instance.browser.createBrowserContext();
      const page = await context.newPage();
      const pooled: PooledPage = { page, context, job: undefined, instance, documents: 0 };
      await lockDownPage(pooled, () => this.noteBlocked());
      this.stats.pagesCreated++;
      return pooled;
    } catch (error) {
      instance.busy--;
      // Never hand out, or leave open, a page that is not fully locked down.
      if (context) await withTimeout(context.close(), 5000).catch(() => undefined);
      throw error;
    }
  }

  async #returnPage(page: PooledPage, ok: boolean): Promise<void> {
    const instance = page.instance;
    instance.busy--;
    page.job = undefined;
    if (ok) {
      page.documents++;
      instance.documents++;
      this.stats.documents++;
      this.#checkBrowserLimits(instance);
    }
    const reuse = ok && !instance.retired && !instance.closing && page.documents < this.options.pageMaxDocuments;
    if (reuse) {
      instance.idle.push(page);
    } else {
      if (ok && page.documents >= this.options.pageMaxDocuments) this.stats.pageRecycles++;
      // A page that failed may be stuck; closing it must not hang the pool.
      await withTimeout(page.context.close(), 5000).catch(() => undefined);
    }
    if (instance.retired && instance.busy === 0) void this.#shutdown(instance);
  }

  #checkBrowserLimits(instance: BrowserInstance): void {
    if (instance.retired) return;
    let replace = instance.documents >= this.options.browserMaxDocuments;
    if (!replace && instance.pid !== undefined && instance.documents % this.options.memoryCheckEvery === 0) {
      const bytes = memoryBytes(processGroupMembers(instance.pid));
      if (bytes !== undefined) {
        this.stats.lastMemoryBytes = bytes;
        replace = bytes > this.options.browserMaxMemoryBytes;
      }
    }
    if (replace) {
      this.stats.browserRecycles++;
      this.#retire(instance);
    }
  }

  /** No new pages from this browser; it is shut down once its busy pages are returned. */
  #retire(instance: BrowserInstance): void {
    instance.retired = true;
    if (this.#current === instance) this.#current = undefined;
    for (const idle of instance.idle.splice(0)) void idle.context.close().catch(() => undefined);
    if (instance.busy === 0 || !instance.browser.connected) void this.#shutdown(instance);
  }

  async #browser(): Promise<BrowserInstance> {
    const warmed = this.#warmLaunch;
    if (warmed) {
      this.#warmLaunch = undefined;
      // Throws the launch's error, as a launch made here would have.
      const instance = await warmed;
      if (!instance.retired && instance.browser.connected) return instance;
    }
    const current = this.#current;
    if (current && !current.retired && current.browser.connected) return current;
    this.#launching ??= this.#launch().finally(() => {
      this.#launching = undefined;
    });
    return this.#launching;
  }

  async #launch(): Promise<BrowserInstance> {
    const found = findBrowser({ executablePath: this.options.executablePath, env: this.options.env });
    if (!found.found) throw new PdfRenderError(found.diagnostic);
    // Loaded with the first launch: a run that prints no PDF does not pay for puppeteer.
    const { default: puppeteer } = await import('puppeteer-core');
    // Before the first browser: what runs killed earlier left behind (their documents' names among it, before
    // profiles kept nothing) goes before another profile is added.
    if (this.stats.launches === 0) removeStaleProfiles();
    const userDataDir = makeProfileDir();
    const started = performance.now();
    let browser: Browser;
    try {
      browser = await puppeteer.launch({
        executablePath: found.executablePath,
        headless: true,
        // Talk over a pipe: no debugging port is opened, and the browser exits when this process goes away.
        pipe: true,
        userDataDir,
        args: [...browserArgs(this.options.noSandbox), ...this.options.extraArgs],
        // Our own signal handler (src/cli/shutdown.ts) decides the order: close the browser, then exit.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        timeout: this.options.launchTimeoutMs,
        defaultViewport: null,
        env: browserEnv(userDataDir),
      });
    } catch (error) {
      removeProfileDir(userDataDir);
      throw new PdfRenderError(
        {
          code: 'browser-launch-failed',
          severity: 'error',
          message: `the browser at ${found.executablePath} did not start: ${firstLine(error)}`,
          hint:
            'check that it runs by itself (`' + found.executablePath + ' --headless --version`); on Linux it may need ' +
            'system libraries (`sudo apt-get install -y chromium` brings them); or set IEPKIT_CHROMIUM to another browser',
        },
        { cause: error },
      );
    }
    this.stats.launches++;
    this.stats.lastLaunchMs = Math.round(performance.now() - started);
    const pid = browser.process()?.pid;
    const instance: BrowserInstance = {
      browser,
      pid,
      userDataDir,
      documents: 0,
      idle: [],
      busy: 0,
      retired: false,
      closing: undefined,
      exitCleanup: () => {
        killBrowserProcesses(pid, userDataDir);
        removeProfileDir(userDataDir);
      },
    };
    process.on('exit', instance.exitCleanup);
    browser.on('disconnected', () => {
      if (!instance.closing) {
        this.stats.crashes++;
        this.#retire(instance);
        void this.#shutdown(instance);
      }
    });
    this.#instances.add(instance);
    // The pool may have been closed while the browser was starting.
    if (this.closed) {
      await this.#shutdown(instance);
      throw poolClosedError();
    }
    this.#current = instance;
    return instance;
  }

  #shutdown(instance: BrowserInstance): Promise<void> {
    instance.retired = true;
    if (this.#current === instance) this.#current = undefined;
    instance.closing ??= (async () => {
      const child = instance.browser.process();
      const exited =
        child && child.exitCode === null && child.signalCode === null
          ? new Promise<void>((resolve) => child.once('exit', () => resolve()))
          : Promise.resolve();
      // Killed rather than asked to close: its profile is deleted next, so there is nothing for it to save, and a
      // graceful close cost about 200 ms at the end of every run (a tenth of a one-document `iep render`).
      if (instance.pid === undefined && instance.browser.connected) {
        await withTimeout(instance.browser.close(), 5000).catch(() => undefined);
      }
      killBrowserProcesses(instance.pid, instance.userDataDir);
      await withTimeout(exited, 5000).catch(() => undefined);
      removeProfileDir(instance.userDataDir);
      process.removeListener('exit', instance.exitCleanup);
      this.#instances.delete(instance);
    })();
    return instance.closing;
  }
}

/** SIGKILL to the browser's process group and to anything else naming our profile directory. */
function killBrowserProcesses(pid: number | undefined, userDataDir: string): void {
  if (pid !== undefined && process.platform !== 'win32') {
    try {
      // Launched detached, the browser leads its own process group: this reaches its renderers and helpers too.
      process.kill(-pid, 'SIGKILL');
    } catch {
      // group already gone
    }
  }
  if (pid !== undefined) killQuietly(pid);
  for (const other of processesMentioning(userDataDir)) killQuietly(other);
}

/** HOME and XDG dirs inside the temporary profile on Linux, so nothing the browser writes outlives it. */
function browserEnv(userDataDir: string): Record<string, string | undefined> {
  if (process.platform !== 'linux') return { ...process.env };
  return {
    ...process.env,
    HOME: userDataDir,
    XDG_CONFIG_HOME: path.join(userDataDir, '.config'),
    XDG_CACHE_HOME: path.join(userDataDir, '.cache'),
  };
}

async function answersWithin(browser: Browser, ms: number): Promise<boolean> {
  try {
    await withTimeout(browser.version(), ms);
    return true;
  } catch {
    return false;
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, message = `timed out after ${ms} ms`): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function poolClosedError(): PdfRenderError {
  return new PdfRenderError({
    code: 'render-failed',
    severity: 'error',
    message: 'the document was not printed because the browser pool was closed (the run is stopping)',
  });
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0] ?? '';
}

export type { Page };
