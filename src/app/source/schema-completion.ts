/**
 * Completion of keys and closed-list values from the IEP JSON Schema, for the YAML source tab.
 *
 * Written here rather than taken from codemirror-json-schema's yaml mode: that mode bundles shiki (with its
 * grammars), markdown-it, json5 and json-schema-library for hover text; a test build of it with esbuild was
 * 1.19 MB minified (334 kB gzip) against 431 kB (141 kB gzip) for CodeMirror with lang-yaml and this file.
 * Where the cursor is in the record is read from the lines above it (indentation and `- ` items), which also works
 * in a half-typed document that does not parse yet.
 */
import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import type { EditorState } from '@codemirror/state';
import type { PathKey } from '../form/json-path.js';
import { isTextSchema, objectBranch, schemaAt, type JSONSchema } from '../../model/json-schema.js';

interface LineShape {
  indent: number;
  dash: boolean;
  /** Column where the key (or the value) starts, after any `- `. */
  keyColumn: number;
  key?: string;
}

const LINE = /^(\s*)(-\s+)?(?:(["']?)([^\s:#"'][^:#]*?|[^"']*)\3\s*:(?:\s|$))?/;

function shape(text: string): LineShape | undefined {
  if (/^\s*(#|$)/.test(text)) return undefined;
  const m = LINE.exec(text)!;
  const indent = m[1]!.length;
  const dash = m[2] !== undefined;
  return { indent, dash, keyColumn: indent + (m[2]?.length ?? 0), ...(m[4] !== undefined ? { key: m[4] } : {}) };
}

/** The path of the map (or list item) a key at `column` of line `lineNumber` belongs to, and the keys it has above. */
export function containerAt(state: EditorState, lineNumber: number, column: number, dash: boolean): { path: PathKey[]; siblings: Set<string> } {
  const path: PathKey[] = [];
  const siblings = new Set<string>();
  let mode: 'map' | 'seq' = dash ? 'seq' : 'map';
  let own = !dash; // still in the map the key is written in (its keys are the siblings)
  let col = dash ? column - 2 : column;
  if (dash) path.unshift(0);
  for (let n = lineNumber - 1; n >= 1; n--) {
    const line = shape(state.doc.line(n).text);
    if (!line || line.keyColumn > col) continue;
    if (mode === 'map') {
      if (line.keyColumn === col) {
        if (line.key !== undefined && own) siblings.add(line.key);
        if (line.dash) {
          own = false;
          path.unshift(0);
          col = line.indent;
          mode = 'seq';
        }
        continue;
      }
    } else if (line.dash && line.indent === col) continue; // an earlier item of the same list
    if (line.key === undefined) return { path, siblings };
    own = false;
    path.unshift(line.key);
    if (line.dash) {
      path.unshift(0);
      col = line.indent;
      mode = 'seq';
    } else {
      col = line.keyColumn;
      mode = 'map';
    }
  }
  return { path, siblings };
}

export function schemaCompletion(schema: JSONSchema): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);
    if (/#/.test(before)) return null;

    const value = /^(\s*)(-\s+)?([\w$-]+)\s*:\s*([\w-]*)$/.exec(before);
    if (value) {
      const dash = value[2] !== undefined;
      const column = value[1]!.length + (value[2]?.length ?? 0);
      const { path } = containerAt(context.state, line.number, column, dash);
      const node = schemaAt(schema, [...path, value[3]!]);
      const options = node ? valueOptions(node) : [];
      if (!options.length) return null;
      return { from: context.pos - value[4]!.length, options, validFor: /^[\w-]*$/ };
    }

    const key = /^(\s*)(-\s+)?([\w$-]*)$/.exec(before);
    if (!key || (!context.explicit && key[3] === '')) return null; // nothing typed yet: only on Ctrl-Space
    const dash = key[2] !== undefined;
    const column = key[1]!.length + (key[2]?.length ?? 0);
    const { path, siblings } = containerAt(context.state, line.number, column, dash);
    const container = schemaAt(schema, path);
    const object = container ? objectBranch(container) : undefined;
    if (!object?.properties) return null;
    const indent = ' '.repeat(column);
    const options: Completion[] = Object.entries(object.properties)
      .filter(([name]) => !siblings.has(name))
      .map(([name, property], rank) => ({
        label: name,
        type: 'property',
        detail: kindOf(property),
        ...(property.description ? { info: property.description } : {}),
        apply: insertKey(name, property, indent),
        boost: -rank / 100, // keep the schema's order among equal matches
      }));
    return { from: context.pos - key[3]!.length, options, validFor: /^[\w$-]*$/ };
  };
}

function valueOptions(node: JSONSchema): Completion[] {
  const values = node.enum ?? node.anyOf?.flatMap((b) => b.enum ?? []) ?? [];
  if (node.type === 'boolean') values.push(true, false);
  return values.map((v) => ({ label: String(v), type: 'enum' }));
}

function kindOf(node: JSONSchema): string {
  if (isTextSchema(node)) return 'text';
  if (node.enum) return 'choice';
  if (node.anyOf) return 'choice or object';
  return typeof node.type === 'string' ? (node.format ? `${node.type} (${node.format})` : node.type) : '';
}

function insertKey(name: string, node: JSONSchema, indent: string): string {
  if (node.type === 'object') return `${name}:\n${indent}  `;
  if (node.type === 'array') return `${name}:\n${indent}  - `;
  return `${name}: `;
}
