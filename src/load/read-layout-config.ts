import { LineCounter, parseDocument } from 'yaml';
import { formatJsonPath, type Diagnostic, type JsonPath } from '../model/diagnostic.js';
import type { LayoutConfig } from '../model/layout-config.js';
import { SourceMap } from './source-map.js';
import { describeSchemaError } from './describe-schema-error.js';
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
      const described = describeSchemaError(e, 'the front matter', HINT);
      return { ...problem(described.message, described.hint, locate(described.path, { key: described.key })), path: formatJsonPath(described.path) };
    });
  return { data, locate, diagnostics };
}
