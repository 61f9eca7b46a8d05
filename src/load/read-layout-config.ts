import type { ErrorObject } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import { closest } from '../model/closest.js';
import { formatJsonPath, type Diagnostic, type JsonPath } from '../model/diagnostic.js';
import type { LayoutConfig } from '../model/layout-config.js';
import { SourceMap } from './source-map.js';
import { describeType, describeValue, pathOfPointer } from '../model/schema-error-words.js';
import { validateLayoutConfig } from './validate-layout-config.generated.js';

export interface ReadLayoutConfig {
  /** Present only when the front matter has no problems. */
  config?: LayoutConfig;
  /** The front matter as written, also when it has problems (so other checks can still report theirs). */
  data?: unknown;
  /** 1-based line and column in layout.md of the value (or, with `key`, the key) at a front matter path. */
  locate(path: JsonPath, options?: { key?: boolean }): { line?: number; column?: number };
  diagnostics: Diagnostic[];
}

const HINT = 'see the front matter section of docs/templates.md';

/**
 * Reads the YAML front matter of a layout.md (between the first two `---` lines) and checks it against
 * LayoutConfigSchema. Every problem of the file is a `layout-error` with the line of the offending key or value,
 * its JSON path, and a hint (a did-you-mean for a misspelled key or value).
 */
export function readLayoutConfig(text: string, file: string): ReadLayoutConfig {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const nowhere: ReadLayoutConfig['locate'] = () => ({});
  const problem = (message: string, hint: string, at: { line?: number; column?: number } = {}): Diagnostic => ({ code: 'layout-error', severity: 'error', file, ...at, message, hint });
  if (lines[0]?.trim() !== '---') {
    return { locate: nowhere, diagnostics: [problem('layout.md does not start with front matter (a line `---`, the YAML, then `---`)', HINT, { line: 1, column: 1 })] };
  }
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end < 0) return { locate: nowhere, diagnostics: [problem('the front matter is never closed: no second `---` line', HINT, { line: 1, column: 1 })] };

  // The YAML starts on line 2 of the file; positions are shifted by that one line.
  const lineCounter = new LineCounter();
  const doc = parseDocument(lines.slice(1, end).join('\n'), { lineCounter, schema: 'core', version: '1.2', uniqueKeys: true, prettyErrors: true });
  const shift = (pos: { line: number; column: number } | undefined) => (pos ? { line: pos.line + 1, column: pos.column } : {});
  if (doc.errors.length > 0) {
    const diagnostics = doc.errors.map((e) => {
      const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
      return problem(`the front matter is not valid YAML: ${e.message.split('\n')[0]}`, 'check the indentation, colons and brackets around this line', shift({ line: pos.line, column: pos.col }));
    });
    return { locate: nowhere, diagnostics };
  }
  const sourceMap = new SourceMap(doc, lineCounter);
  const locate: ReadLayoutConfig['locate'] = (path, options) => shift(sourceMap.locate(path, options));
  const data: unknown = doc.toJS();
  // LayoutConfigSchema compiled by `npm run generate` (scripts/schema-validator-code.ts), not at every start.
  const validate = validateLayoutConfig;
  if (validate(data)) return { config: data as LayoutConfig, data, locate, diagnostics: [] };

  const errors = validate.errors ?? [];
  // A value of the wrong type also fails its enum; the type error alone says it.
  const typeErrorAt = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const diagnostics = errors
    .filter((e) => !(e.keyword === 'enum' && typeErrorAt.has(e.instancePath)))
    .map((e) => {
      const described = describe(e);
      return { ...problem(described.message, described.hint, locate(described.path, { key: described.key })), path: formatJsonPath(described.path) };
    });
  return { data, locate, diagnostics };
}

function describe(e: ErrorObject): { path: JsonPath; key?: boolean; message: string; hint: string } {
  const path = [...pathOfPointer(e.instancePath)];
  const here = path.length === 0 ? 'the front matter' : formatJsonPath(path);
  const schema = (e.parentSchema ?? {}) as { description?: string; properties?: Record<string, { description?: string }> };
  const described = schema.description ?? HINT;
  switch (e.keyword) {
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const why = schema.properties?.[missing]?.description;
      return {
        path: [...path, missing],
        message: `${formatJsonPath([...path, missing])} is required${why ? `: ${lowerFirst(why).replace(/\.$/, '')}` : ''}`,
        hint: `add \`${missing}:\` ${path.length === 0 ? 'to the front matter' : `under ${here}`}`,
      };
    }
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(schema.properties ?? {});
      const guess = closest(extra, known);
      return {
        path: [...path, extra],
        key: true,
        message: `${formatJsonPath([...path, extra])} is not a key of ${here}`,
        hint: guess ? `did you mean \`${guess}\`?` : `keys here: ${known.join(', ')}`,
      };
    }
    case 'type':
      return { path, message: `${here} must be ${describeType((e.params as { type: string }).type)}, but it is ${describeValue(e.data)}`, hint: described };
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const guess = typeof e.data === 'string' ? closest(e.data, allowed) : undefined;
      return { path, message: `${here} must be one of: ${allowed.join(', ')}; found ${describeValue(e.data)}`, hint: guess ? `did you mean \`${guess}\`?` : described };
    }
    case 'uniqueItems': {
      const { i } = e.params as { i: number; j: number };
      const list = e.data as unknown[];
      return { path, message: `${here} lists ${describeValue(list[i])} twice`, hint: 'list each entry once' };
    }
    case 'minItems':
      return { path, message: `${here} must list at least ${(e.params as { limit: number }).limit}`, hint: described };
    case 'minLength':
      return { path, message: `${here} must not be empty`, hint: described };
    case 'pattern':
      return { path, message: `${here} is not written the expected way: ${describeValue(e.data)}`, hint: described };
    case 'minimum':
      return { path, message: `${here} must be at least ${(e.params as { limit: number }).limit}, found ${describeValue(e.data)}`, hint: described };
    default:
      return { path, message: `${here} ${e.message ?? 'is not valid'}`, hint: described };
  }
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
