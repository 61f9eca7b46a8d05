import { LineCounter, Parser, isNode, isPair, isScalar, isSeq, parseDocument, visit, YAMLParseError, YAMLWarning, type CST } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import { formatJsonPath } from '../model/diagnostic.js';
import { MAX_IEP_BYTES } from './decode-text.js';
import { SourceMap, lineColumnAt } from './source-map.js';
import { unquotedText } from './unquoted-text.js';

/**
 * Deeper than any IEP needs (about 8 levels), and far below the depth at which the YAML composer's recursion
 * exhausts the stack: past that, a few KB of `[[[[...]]]]` can crash the process outright.
 */
export const MAX_NESTING = 64;

/** The most text the expanded record may hold: as much as the largest IEP file, once aliases are written out. */
export const MAX_EXPANDED_CHARACTERS = MAX_IEP_BYTES;

/** Keys that could reach an object's prototype if code ever merged the data naively. Refused outright. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ParsedSource {
  data?: unknown;
  sourceMap?: SourceMap;
  diagnostics: Diagnostic[];
}

/**
 * Parses YAML or JSON text (JSON is read as YAML 1.2, its superset) keeping source positions.
 * YAML 1.2 core schema: dates stay strings (so the schema can check them), no custom tags, no merge keys.
 */
export function parseSource(text: string, file: string): ParsedSource {
  const deep = firstTooDeep(text);
  if (deep !== undefined) {
    return {
      diagnostics: [
        {
          code: 'too-deeply-nested',
          severity: 'error',
          file,
          ...lineColumnAt(text, deep),
          message: `the data is nested more than ${MAX_NESTING} levels deep here; an IEP record needs far fewer`,
          hint: 'check for unclosed or repeated [ and { brackets, or runaway indentation; the file may be damaged',
        },
      ],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    schema: 'core',
    version: '1.2',
    uniqueKeys: true,
    prettyErrors: true,
    strict: true,
  });
  const diagnostics: Diagnostic[] = [];
  const located = (e: YAMLParseError | YAMLWarning) => {
    const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
    return { line: pos.line, column: pos.col };
  };
  for (const e of doc.errors) {
    // Text split at a colon says which line to type; any other syntax error keeps the parser's words.
    const split = unquotedText(text, e.code, e.pos[0], e.pos[1]);
    diagnostics.push({
      code: split ? 'text-needs-quotes' : 'syntax-error',
      severity: 'error',
      file,
      ...located(e),
      message: split?.message ?? syntaxMessage(e),
      hint: split?.hint ?? syntaxHint(e.code),
    });
  }
  for (const w of doc.warnings) {
    diagnostics.push({
      code: w.code === 'TAG_RESOLVE_FAILED' ? 'unsupported-yaml-tag' : 'syntax-error',
      severity: 'error',
      file,
      ...located(w),
      message: firstLine(w.message),
      hint: 'write plain values; YAML tags such as !!js/function or !include are not allowed in IEP data',
    });
  }
  if (diagnostics.length > 0) return { diagnostics };

  // Refuse prototype-reaching keys and non-scalar keys before turning the document into objects.
  visit(doc, {
    Pair(_, pair, path) {
      const keyNode = pair.key;
      const at = isNode(keyNode) && keyNode.range ? lineCounter.linePos(keyNode.range[0]) : undefined;
      const where = at ? { line: at.line, column: at.col } : {};
      const jsonPath = formatJsonPath(ancestorPath(path));
      if (!isScalar(keyNode)) {
        diagnostics.push({ code: 'complex-key', severity: 'error', file, ...where, path: jsonPath, message: 'a key must be a plain name, not a list or mapping', hint: 'write keys as plain words, e.g. `firstName:`' });
        return visit.REMOVE;
      }
      const key = String(keyNode.value);
      if (FORBIDDEN_KEYS.has(key)) {
        diagnostics.push({
          code: 'forbidden-key',
          severity: 'error',
          file,
          ...where,
          path: jsonPath ? `${jsonPath}.${key}` : key,
          message: `the key "${key}" is not allowed in IEP data`,
          hint: 'remove this key; it is not an IEP field and could be used to tamper with the program',
        });
        return visit.REMOVE;
      }
      return undefined;
    },
  });

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    diagnostics.push({
      code: 'too-many-aliases',
      severity: 'error',
      file,
      line: 1,
      column: 1,
      message: `the file could not be expanded: ${firstLine(String((error as Error).message))}`,
      hint: 'write the values out instead of using many YAML aliases (*name)',
    });
    return { diagnostics };
  }
  // Aliases share one value in memory but are printed once per use: a 4 MB text aliased in ten fields is a 40 MB
  // document to render. The expanded text is held to what an IEP file may hold written out.
  const expanded = expandedTextLength(data, MAX_EXPANDED_CHARACTERS);
  if (expanded > MAX_EXPANDED_CHARACTERS) {
    diagnostics.push({
      code: 'too-many-aliases',
      severity: 'error',
      file,
      line: 1,
      column: 1,
      message: `the file's aliases (*name) expand to more than ${MAX_EXPANDED_CHARACTERS} characters of text; an IEP record holds at most that much`,
      hint: 'write the values out instead of repeating a long text with YAML aliases (*name)',
    });
    return { diagnostics };
  }
  const sourceMap = new SourceMap(doc, lineCounter, text);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const found = data === null ? 'nothing' : Array.isArray(data) ? 'a list' : `a single ${typeof data} value`;
    diagnostics.push({
      code: 'not-a-record',
      severity: 'error',
      file,
      path: '',
      line: 1,
      column: 1,
      message: `the file must hold one IEP record (a mapping of fields such as student: and goals:), but it holds ${found}`,
      hint: 'start from one of the files in examples/',
    });
    return { diagnostics, sourceMap };
  }
  return { data, sourceMap, diagnostics };
}

/**
 * Offset of the first collection nested deeper than MAX_NESTING, found on the concrete syntax tree, which the yaml
 * library builds without recursion; walked here with an explicit stack for the same reason.
 */
function firstTooDeep(text: string): number | undefined {
  const stack: [CST.Token, number][] = [];
  for (const token of new Parser().parse(text)) stack.push([token, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    let children: (CST.Token | null | undefined)[];
    let childDepth = depth;
    if (token.type === 'document') children = [token.value];
    else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      childDepth = depth + 1;
      if (childDepth > MAX_NESTING) return token.offset;
      children = token.items.flatMap((item) => [item.key, item.value]);
    } else continue;
    for (const child of children) if (child) stack.push([child, childDepth]);
  }
  return undefined;
}

/**
 * The length of all keys and strings in `data` with every alias counted where it is used, walked with an explicit
 * stack and abandoned as soon as it passes `limit` (so a billion-laughs document costs no more than the limit).
 */
function expandedTextLength(data: unknown, limit: number): number {
  let total = 0;
  const stack: unknown[] = [data];
  while (stack.length > 0 && total <= limit) {
    const value = stack.pop();
    if (typeof value === 'string') total += value.length;
    else if (Array.isArray(value)) for (const item of value) stack.push(item);
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        total += key.length;
        stack.push(child);
      }
    }
  }
  return total;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  // The yaml library appends " at line L, column C:"; we print positions ourselves.
  return line.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

/** The parser's message, except where it speaks to programmers rather than to the person editing the file. */
function syntaxMessage(e: YAMLParseError): string {
  // The yaml library says "Source contains multiple documents; please use YAML.parseAllDocuments()".
  if (e.code === 'MULTIPLE_DOCS') return 'the file holds more than one YAML document (a line with `---` starts another)';
  return firstLine(e.message);
}

function syntaxHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'each field may appear once; merge the two entries';
    case 'BAD_INDENT':
    case 'BAD_SCALAR_START':
      return 'check indentation (spaces, not tabs) and that text with ":" or "#" is quoted';
    case 'MULTIPLE_DOCS':
      return 'an IEP file holds one record; remove the extra `---` separator';
    case 'MISSING_CHAR':
      return 'a quote or bracket is not closed; the file may be truncated';
    default:
      return 'fix the YAML/JSON syntax here; if the file was cut off, restore it from its source';
  }
}

/** The JSON path of a node from the ancestors `visit` gives: pair keys, and item indexes inside lists. */
function ancestorPath(ancestors: readonly unknown[]): (string | number)[] {
  const parts: (string | number)[] = [];
  ancestors.forEach((node, i) => {
    if (isPair(node) && isScalar(node.key)) parts.push(String(node.key.value));
    else if (isSeq(node)) {
      const index = node.items.indexOf(ancestors[i + 1] as never);
      if (index >= 0) parts.push(index);
    }
  });
  return parts;
}
