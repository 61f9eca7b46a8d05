/**
 * Loads a rule file of a profile's `rules/` folder, synchronously so that checkCompliance stays synchronous.
 *
 * Every file (.js, .mjs, .ts) goes through tsx's `require` in a namespace of its own, not through Node's own
 * `require(esm)`: Node keeps an ES module it loaded in a cache that `require.cache` cannot clear, so a rule file
 * edited while `iep serve` runs would never be read again, and its syntax errors carry no line. tsx (esbuild)
 * compiles the file, answers a syntax error with its line and column, and a fresh namespace loads a fresh copy
 * (with the files it imports) once the file changed; the namespace's entries are dropped from `require.cache` after.
 */
import { statSync } from 'node:fs';
import { createRequire, findSourceMap } from 'node:module';
import type { Diagnostic } from '../model/diagnostic.js';

const nodeRequire = createRequire(import.meta.url);

interface TsxApi {
  register(options: { namespace: string }): { require(id: string, fromFile: string): unknown; unregister(): void };
}

let tsx: TsxApi | undefined;
let loads = 0;

export interface LoadedRuleFile {
  /** The default export (or, for a CommonJS file, `module.exports`): a rule or a list of rules, still to be checked. */
  exported?: unknown;
  /** `rule-load-failed` when the file could not be loaded. */
  diagnostic?: Diagnostic;
}

const cache = new Map<string, { signature: string; loaded: LoadedRuleFile }>();

/** The file's default export, read again only when the file's size or modification time changed. */
export function loadRuleFile(file: string): LoadedRuleFile {
  const stat = statSync(file, { throwIfNoEntry: false, bigint: true });
  if (!stat) return { diagnostic: failed(file, 'the file does not exist (any more)') };
  const signature = `${stat.size}:${stat.mtimeNs}`;
  const hit = cache.get(file);
  if (hit?.signature === signature) return hit.loaded;
  const loaded = load(file);
  cache.set(file, { signature, loaded });
  return loaded;
}

function load(file: string): LoadedRuleFile {
  tsx ??= nodeRequire('tsx/cjs/api') as TsxApi;
  const namespace = `iepkit-rules-${process.pid}-${++loads}`;
  const api = tsx.register({ namespace });
  const sourceMaps = process.sourceMapsEnabled;
  // With source maps on while it compiles, Node keeps the file's source map: errorPosition maps a stack through it.
  process.setSourceMapsEnabled(true);
  try {
    const exports = api.require(file, import.meta.url) as Record<string, unknown> | undefined;
    const exported = exports !== null && typeof exports === 'object' && 'default' in exports ? exports.default : exports;
    return { exported };
  } catch (error) {
    return { diagnostic: loadFailure(file, error) };
  } finally {
    process.setSourceMapsEnabled(sourceMaps);
    api.unregister();
    for (const key of Object.keys(nodeRequire.cache)) if (key.endsWith(`?namespace=${namespace}`)) delete nodeRequire.cache[key];
  }
}

function loadFailure(file: string, error: unknown): Diagnostic {
  const text = error instanceof Error ? error.message : String(error);
  // esbuild: "Transform failed with 1 error:\n/path/file.js:3:11: ERROR: Expected identifier but found ","" (column from 0).
  const transform = /:(\d+):(\d+): ERROR: (.*)/.exec(text);
  if (transform) {
    const message = transform[3]!.includes('Top-level await') ? 'it uses top-level await, which a rule file cannot (rules are loaded synchronously)' : `it is not valid JavaScript or TypeScript: ${transform[3]}`;
    return failed(file, message, { line: Number(transform[1]), column: Number(transform[2]) + 1 });
  }
  const firstLine = text.split('\n')[0]!;
  return failed(file, `it threw while loading: ${firstLine}`, error instanceof Error ? errorPosition(error, file) : undefined);
}

/**
 * The line and column in `file` where an error was raised: the first frame of its stack in that file, mapped back
 * through the source map tsx compiled the file with (registered because source maps were on while it loaded).
 * Read from the stack's call sites, not its text, so that a runner's own stack formatting cannot shift it.
 */
export function errorPosition(error: Error, file: string): { line: number; column: number } | undefined {
  const previous = Error.prepareStackTrace;
  let sites: unknown;
  Error.prepareStackTrace = (_error, callSites) => callSites;
  try {
    sites = error.stack;
  } finally {
    Error.prepareStackTrace = previous;
  }
  if (!Array.isArray(sites)) return undefined; // the stack was printed already: no call sites to read
  for (const site of sites as NodeJS.CallSite[]) {
    const name = site.getFileName();
    if (name === undefined || name === null || name.replace(/\?namespace=[\w-]+$/, '') !== file) continue;
    const line = site.getLineNumber();
    const column = site.getColumnNumber();
    if (line === null || column === null) continue;
    const entry = findSourceMap(name)?.findEntry(line - 1, column - 1) as { originalLine?: number; originalColumn?: number } | undefined;
    if (entry?.originalLine !== undefined && entry.originalColumn !== undefined) return { line: entry.originalLine + 1, column: entry.originalColumn + 1 };
  }
  return undefined;
}

function failed(file: string, message: string, position?: { line: number; column: number }): Diagnostic {
  return {
    code: 'rule-load-failed',
    severity: 'error',
    file,
    ...(position ?? {}),
    message: `the rule file could not be loaded: ${message}`,
    hint: 'fix the file: an ES module (or TypeScript) whose default export is a rule or a list of rules, without top-level await (docs/rules-api.md)',
  };
}
