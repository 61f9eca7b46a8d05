import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { closest } from '../model/closest.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { lineColumnAt } from './source-map.js';

/** The config file's name, looked for in the current folder when no `--config FILE` is given. */
export const CONFIG_FILE = 'iepkit.config.json';

/** What an iepkit.config.json may say; every path is resolved (absolute), relative to the config file's folder. */
export interface IepkitConfig {
  /** The profile used when the command line names none. */
  profile?: string;
  /** Templates folders searched before the bundled ones, in order (`--templates`). */
  templates?: string[];
  /** Locales folders whose labels override the bundled ones key by key (`--locales`). */
  locales?: string[];
  /** Where each key's value is written, for diagnostics about a value found valid here but wrong later (an unknown profile). */
  located: Partial<Record<ConfigKey, { file: string; line: number; column: number }>>;
}

const KEYS = ['profile', 'templates', 'locales'] as const;
type ConfigKey = (typeof KEYS)[number];

const HINT = 'see "Config file" in docs/templates.md';

/**
 * Reads an iepkit.config.json: `{ "profile": "ma", "templates": ["./templates"], "locales": ["./locales"] }`. Never
 * throws: a file that cannot be read, text that is not JSON, an unknown key (with a did-you-mean), a value of the
 * wrong type and a folder that does not exist are each a `config-error` naming the file, line and column.
 */
export function readConfig(file: string): { config?: IepkitConfig; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    return { diagnostics: [{ code: 'config-error', severity: 'error', file, message: `the config file could not be read: ${why}`, hint: 'give the path of an iepkit.config.json with --config FILE' }] };
  }
  return parseConfig(text, file);
}

/** The config in `text` (the contents of `file`, whose folder relative paths are resolved against). */
export function parseConfig(text: string, file: string): { config?: IepkitConfig; diagnostics: Diagnostic[] } {
  const source = text.replace(/^\uFEFF/, '');
  const error = (at: { line: number; column: number } | undefined, message: string, hint: string): Diagnostic => ({ code: 'config-error', severity: 'error', file, ...(at ?? { line: 1, column: 1 }), message, hint });
  // JSON.parse decides what is JSON (the YAML parser below would take comments and unquoted keys too).
  try {
    JSON.parse(source);
  } catch (e) {
    const message = (e as Error).message;
    const position = /position (\d+)/.exec(message);
    const at = lineColumnAt(source, position ? Number(position[1]) : firstBadCharacter(source));
    const said = message.replace(/ (in JSON )?at position \d+.*$/s, '').replace(/, ".*is not valid JSON$/s, '');
    return { diagnostics: [error(at, `the config file is not valid JSON: ${said}`, 'keys and strings in double quotes, no comma after the last item, no comments')] };
  }
  // Parsed again, for where each key and value is written.
  const doc = parseDocument(source, { uniqueKeys: false });
  const at = (node: Node | null | undefined) => (node?.range ? lineColumnAt(source, node.range[0]) : undefined);
  if (!isMap(doc.contents)) return { diagnostics: [error(at(doc.contents as Node), 'the config file must hold a JSON object, e.g. { "profile": "ny", "templates": ["templates"] }', HINT)] };

  const base = dirname(resolve(file));
  const diagnostics: Diagnostic[] = [];
  const config: IepkitConfig = { located: {} };
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as Node;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = pair.value as Node | null;
    if (!(KEYS as readonly string[]).includes(key)) {
      const guess = closest(key, KEYS);
      diagnostics.push(error(at(keyNode), `unknown key "${key}" (the keys are ${KEYS.join(', ')})`, guess ? `did you mean \`${guess}\`?` : HINT));
      continue;
    }
    const where = at(value) ?? at(keyNode)!;
    config.located[key as ConfigKey] = { file, ...where };
    if (key === 'profile') {
      if (!isScalar(value) || typeof value.value !== 'string' || value.value === '') {
        diagnostics.push(error(where, '"profile" must be the name of a profile, as a string (e.g. "ny")', HINT));
      } else config.profile = value.value;
      continue;
    }
    // templates, locales: a list of folders.
    if (!isSeq(value) || !value.items.every((item) => isScalar(item) && typeof item.value === 'string' && item.value !== '')) {
      diagnostics.push(error(where, `"${key}" must be a list of folders, as strings (e.g. ["./${key}"])`, HINT));
      continue;
    }
    const folders: string[] = [];
    for (const item of value.items as Node[]) {
      const folder = resolve(base, String((item as { value: unknown }).value));
      if (!(statSync(folder, { throwIfNoEntry: false })?.isDirectory() ?? false)) {
        diagnostics.push(error(at(item), `there is no folder ${folder} (in "${key}"; relative paths start at the config file's folder)`, `create it, or correct the path`));
      } else folders.push(folder);
    }
    config[key as 'templates' | 'locales'] = folders;
  }
  return diagnostics.length > 0 ? { diagnostics } : { config, diagnostics };
}

/**
 * Where JSON.parse stopped, for the messages that do not say (Node 20: "Unexpected token '/', ... is not valid JSON"):
 * the shortest start of the text that is wrong already, not merely unfinished. A config file is small.
 */
function firstBadCharacter(text: string): number {
  const unfinished = (end: number) => {
    try {
      JSON.parse(text.slice(0, end));
      return true;
    } catch (error) {
      // Unfinished: the parser ran out of text (its position, when it gives one, is the end of the text).
      const message = (error as Error).message;
      const at = /position (\d+)/.exec(message);
      return /end of JSON input/i.test(message) || (at !== null && Number(at[1]) >= end);
    }
  };
  let low = 0;
  let high = text.length;
  // unfinished(low) holds, unfinished(high) does not: halve until they meet.
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (unfinished(middle)) low = middle;
    else high = middle;
  }
  return high - 1;
}
