/**
 * Finds a Chromium or Chrome to print with: an explicit option first, then IEPKIT_CHROMIUM (or puppeteer's
 * PUPPETEER_EXECUTABLE_PATH), then the usual install locations, then puppeteer's own download cache. When there is
 * none, the answer is a `browser-not-found` diagnostic that says exactly how to get one.
 */
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Diagnostic } from '../../model/diagnostic.js';

export interface FindBrowserOptions {
  /** A browser executable chosen by the caller (e.g. `--chromium` on the command line). */
  executablePath?: string;
  /** Environment to read IEPKIT_CHROMIUM and PUPPETEER_EXECUTABLE_PATH from (default: process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** For tests: the platform and home directory to search for (default: this machine's). */
  platform?: NodeJS.Platform;
  homedir?: string;
  /** For tests: replaces the known install locations. */
  candidates?: readonly string[];
}

export type BrowserSource = 'option' | 'IEPKIT_CHROMIUM' | 'PUPPETEER_EXECUTABLE_PATH' | 'install-location' | 'puppeteer-cache';

export type FindBrowserResult =
  | { found: true; executablePath: string; source: BrowserSource }
  | { found: false; diagnostic: Diagnostic };

export const INSTALL_HINT =
  'on Debian or Ubuntu run `sudo apt-get install -y chromium`; elsewhere run ' +
  '`npx @puppeteer/browsers install chrome-headless-shell@stable`; or set IEPKIT_CHROMIUM=/path/to/chrome';

export function knownBrowserLocations(platform: NodeJS.Platform = process.platform, env = process.env): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES ?? 'C:\\Program Files', env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', env.LOCALAPPDATA];
    return roots
      .filter((r): r is string => Boolean(r))
      .flatMap((r) => [path.win32.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'), path.win32.join(r, 'Chromium', 'Application', 'chrome.exe')]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/snap/bin/chromium',
  ];
}

export function findBrowser(options: FindBrowserOptions = {}): FindBrowserResult {
  const env = options.env ?? process.env;
  const explicit: [BrowserSource, string | undefined][] = [
    ['option', options.executablePath],
    ['IEPKIT_CHROMIUM', env.IEPKIT_CHROMIUM],
    ['PUPPETEER_EXECUTABLE_PATH', env.PUPPETEER_EXECUTABLE_PATH],
  ];
  for (const [source, value] of explicit) {
    if (!value) continue;
    // A browser someone named must be used or reported, never silently replaced by another one.
    if (isExecutable(value)) return { found: true, executablePath: value, source };
    const where = source === 'option' ? 'the browser path given' : `${source}`;
    return {
      found: false,
      diagnostic: {
        code: 'browser-not-found',
        severity: 'error',
        message: `${where} (${value}) is not an executable file, so PDFs cannot be printed`,
        hint: `point it at a Chrome or Chromium executable, or unset it to let iepkit search; to install one: ${INSTALL_HINT}`,
      },
    };
  }
  const platform = options.platform ?? process.platform;
  for (const candidate of options.candidates ?? knownBrowserLocations(platform, process.env)) {
    if (isExecutable(candidate)) return { found: true, executablePath: candidate, source: 'install-location' };
  }
  const cached = puppeteerCacheBrowser(options.homedir ?? os.homedir(), platform, env);
  if (cached) return { found: true, executablePath: cached, source: 'puppeteer-cache' };
  return {
    found: false,
    diagnostic: {
      code: 'browser-not-found',
      severity: 'error',
      message: 'no Chrome or Chromium was found, and PDFs are printed with one (DOCX output does not need it)',
      hint: INSTALL_HINT,
    },
  };
}

/** The newest chrome-headless-shell (or chrome) in puppeteer's cache, `~/.cache/puppeteer` or PUPPETEER_CACHE_DIR. */
function puppeteerCacheBrowser(home: string, platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const root = env.PUPPETEER_CACHE_DIR ?? path.join(home, '.cache', 'puppeteer');
  const layouts: [string, (dir: string) => string[]][] = [
    [
      'chrome-headless-shell',
      (dir) =>
        platform === 'win32'
          ? [path.join(dir, 'chrome-headless-shell-win64', 'chrome-headless-shell.exe')]
          : platform === 'darwin'
            ? [path.join(dir, 'chrome-headless-shell-mac-arm64', 'chrome-headless-shell'), path.join(dir, 'chrome-headless-shell-mac-x64', 'chrome-headless-shell')]
            : [path.join(dir, 'chrome-headless-shell-linux64', 'chrome-headless-shell')],
    ],
    [
      'chrome',
      (dir) =>
        platform === 'win32'
          ? [path.join(dir, 'chrome-win64', 'chrome.exe')]
          : platform === 'darwin'
            ? ['mac-arm64', 'mac-x64'].map((p) => path.join(dir, `chrome-${p}`, 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'))
            : [path.join(dir, 'chrome-linux64', 'chrome')],
    ],
  ];
  for (const [product, executables] of layouts) {
    let versions: string[];
    try {
      versions = readdirSync(path.join(root, product));
    } catch {
      continue;
    }
    // Folders are `<platform>-<version>`; try the newest version first.
    versions.sort((a, b) => compareVersions(b, a));
    for (const version of versions) {
      for (const exe of executables(path.join(root, product, version))) {
        if (isExecutable(exe)) return exe;
      }
    }
  }
  return undefined;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[^0-9]+/).filter(Boolean).map(Number);
  const pb = b.split(/[^0-9]+/).filter(Boolean).map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
