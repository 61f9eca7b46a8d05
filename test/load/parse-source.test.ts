import { afterEach, describe, expect, it } from 'vitest';
import { MAX_NESTING, parseSource } from '../../src/load/parse-source.js';

const diags = (text: string) => parseSource(text, 'f.yaml').diagnostics.map(({ code, line, column, path }) => ({ code, line, column, ...(path !== undefined ? { path } : {}) }));

describe('parseSource', () => {
  afterEach(() => {
    // A test below feeds prototype-reaching keys; none of them may leak onto every object.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('parses YAML into plain data and keeps dates as strings for the schema to check', () => {
    const { data, diagnostics } = parseSource('a: 1\nb: 2026-05-14\nc: [x, y]\n', 'f');
    expect(diagnostics).toEqual([]);
    expect(data).toEqual({ a: 1, b: '2026-05-14', c: ['x', 'y'] });
  });

  it('parses JSON (indented with spaces, with tabs, on one line, with CRLF) as the same data', () => {
    const value = { schemaVersion: 1, student: { firstName: 'Ana', guardians: [{ name: 'M' }] } };
    for (const text of [JSON.stringify(value, null, 2), JSON.stringify(value, null, '\t'), JSON.stringify(value), JSON.stringify(value, null, 2).replace(/\n/g, '\r\n')]) {
      expect(parseSource(text, 'f.json')).toMatchObject({ data: value, diagnostics: [] });
    }
  });

  it('reports a YAML syntax error with its line and column and a hint', () => {
    const result = parseSource('student:\n  firstName: Ana\n  note: "Our wish" read\n', 'f.yaml');
    expect(result.data).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ code: 'syntax-error', severity: 'error', file: 'f.yaml', line: 3, column: 20 }]);
    expect(result.diagnostics[0]?.hint).toBeTruthy();
    // The library's own " at line L, column C" suffix is dropped; positions are printed separately.
    expect(result.diagnostics[0]?.message).not.toMatch(/at line \d+/);
  });

  it('reports text split at a colon as text-needs-quotes, with the line to type (test/validate/first-hour-messages.test.ts has more)', () => {
    const result = parseSource('student:\n  firstName: Ana\n  note: Our wish: read\n', 'f.yaml');
    expect(result.data).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ code: 'text-needs-quotes', severity: 'error', file: 'f.yaml', line: 3, column: 9 }]);
    expect(result.diagnostics[0]?.hint).toBe('put the text in double quotes: note: "Our wish: read"');
  });

  it('reports a JSON object missing its closing brace as syntax-error at the end of the file', () => {
    expect(diags('{\n  "a": 1,\n  "b": {\n    "c": 2\n  }\n')).toEqual([{ code: 'syntax-error', line: 6, column: 1 }]);
    expect(parseSource('{\n  "a": 1\n', 'f.json').diagnostics[0]?.hint).toMatch(/not closed/);
  });

  it('reports a string cut off before its closing quote at the end of the file', () => {
    const [d] = parseSource('a: 1\nb: "2026-0', 'f.yaml').diagnostics;
    expect(d).toMatchObject({ code: 'syntax-error', line: 2, column: 11 });
    expect(d?.message).toMatch(/quote/);
  });

  it('reports a duplicate key at the second occurrence', () => {
    const [d, ...rest] = parseSource('student:\n  lastName: Lopez\n  lastName: López\n', 'f.yaml').diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'syntax-error', line: 3, column: 3 });
    expect(d?.hint).toMatch(/once/);
  });

  it('reports duplicate keys in JSON too', () => {
    expect(diags('{"a": 1, "a": 2}')).toEqual([{ code: 'syntax-error', line: 1, column: 10 }]);
  });

  it('reports two YAML documents in one file at the separator, in words for the person editing it', () => {
    const [d, ...rest] = parseSource('a: 1\n---\nb: 2\n', 'f.yaml').diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'syntax-error', line: 2, column: 1 });
    expect(d?.message).toMatch(/more than one YAML document/);
    expect(d?.message).not.toMatch(/parseAllDocuments/);
    expect(d?.hint).toMatch(/---/);
  });

  it.each([
    ['a list', '- a\n- b\n', /holds a list/],
    ['a scalar', 'Ana Lopez\n', /holds a single string value/],
    ['a number', '42\n', /holds a single number value/],
    ['null', 'null\n', /holds nothing/],
    ['only a comment', '# nothing here\n', /holds nothing/],
    ['a JSON array', '[{"schemaVersion": 1}]', /holds a list/],
  ])('reports a top level that is %s as not-a-record at 1:1', (_, text, message) => {
    const result = parseSource(text, 'f');
    expect(result.data).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ code: 'not-a-record', path: '', line: 1, column: 1 }]);
    expect(result.diagnostics[0]?.message).toMatch(message);
  });

  it.each([
    ['!!js/function', 'a: 1\nrun: !!js/function "function () { return 1 }"\n', 2, 6],
    ['!include', 'a: !include other.yaml\n', 1, 4],
    ['a custom tag', 'a:\n  - !exec ls\n', 2, 5],
  ])('refuses the YAML tag %s as unsupported-yaml-tag, located at the tag', (_, text, line, column) => {
    const result = parseSource(text, 'f');
    expect(result.data).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ code: 'unsupported-yaml-tag', line, column }]);
  });

  it('stops an alias bomb (billion laughs) with too-many-aliases instead of expanding it', () => {
    const rows = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g'], ['i', 'h']]) {
      rows.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const result = parseSource(rows.join('\n') + '\n', 'f');
    expect(result.data).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ code: 'too-many-aliases', line: 1, column: 1 }]);
  });

  it('still reads a few ordinary aliases', () => {
    expect(parseSource('a: &x Ana\nb: *x\n', 'f')).toMatchObject({ data: { a: 'Ana', b: 'Ana' }, diagnostics: [] });
  });

  it('refuses __proto__, constructor and prototype keys at their position, and drops them from the data', () => {
    const text = 'student:\n  firstName: Ana\n  __proto__: { polluted: true }\n  constructor: { polluted: true }\n  prototype:\n    polluted: true\n';
    const result = parseSource(text, 'f');
    expect(diags(text)).toEqual([
      { code: 'forbidden-key', line: 3, column: 3, path: 'student.__proto__' },
      { code: 'forbidden-key', line: 4, column: 3, path: 'student.constructor' },
      { code: 'forbidden-key', line: 5, column: 3, path: 'student.prototype' },
    ]);
    expect(result.data).toEqual({ student: { firstName: 'Ana' } });
    expect(Object.getPrototypeOf((result.data as { student: object }).student)).toBe(Object.prototype);
  });

  it('refuses a forbidden key at the top level and inside lists, with the JSON path', () => {
    expect(diags('__proto__: { polluted: true }\ngoals:\n  - id: a\n    constructor: x\n')).toEqual([
      { code: 'forbidden-key', line: 1, column: 1, path: '__proto__' },
      { code: 'forbidden-key', line: 4, column: 5, path: 'goals[0].constructor' },
    ]);
  });

  it('refuses a JSON "__proto__" key without polluting Object.prototype', () => {
    const result = parseSource('{"__proto__": {"polluted": true}, "a": {"constructor": {"prototype": {"polluted": true}}}}', 'f.json');
    expect(result.diagnostics.map((d) => [d.code, d.path, d.line, d.column])).toEqual([
      ['forbidden-key', '__proto__', 1, 2],
      ['forbidden-key', 'a.constructor', 1, 41],
    ]);
    expect(result.data).toEqual({ a: {} });
  });

  it('reports a list or mapping used as a key as complex-key, with its position', () => {
    expect(diags('student:\n  firstName: Ana\n  ? [a, b]\n  : x\n')).toEqual([{ code: 'complex-key', line: 3, column: 5, path: 'student' }]);
  });

  it.each([
    ['flow lists', (n: number) => 'a: ' + '['.repeat(n) + ']'.repeat(n), 1, 3 + MAX_NESTING],
    ['flow mappings', (n: number) => 'a: ' + '{a: '.repeat(n) + '1' + '}'.repeat(n), 1, 3 + 4 * (MAX_NESTING - 1) + 1],
    ['an unclosed run of [', (n: number) => '['.repeat(n * 10), 1, MAX_NESTING + 1],
    ['compact block lists', (n: number) => '- '.repeat(n) + 'x\n', 1, 2 * MAX_NESTING + 1],
    ['indented mappings', (n: number) => Array.from({ length: n }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + '\n', MAX_NESTING + 1, MAX_NESTING + 1],
  ])('refuses %s nested past MAX_NESTING as too-deeply-nested, at the first level too deep', (_, build, line, column) => {
    // Each input is parsed twice: before the nesting limit, the second deep parse in one process killed node.
    for (const depth of [MAX_NESTING + 1, 5000]) {
      for (let round = 0; round < 2; round++) {
        const result = parseSource(build(depth), 'f');
        expect(result.data).toBeUndefined();
        expect(result.diagnostics).toMatchObject([{ code: 'too-deeply-nested', line, column }]);
      }
    }
  });

  it('reads data nested exactly MAX_NESTING levels deep', () => {
    const result = parseSource('a: ' + '['.repeat(MAX_NESTING - 1) + ']'.repeat(MAX_NESTING - 1), 'f');
    expect(result.diagnostics).toEqual([]);
    // The top-level mapping, then MAX_NESTING - 1 lists, each holding the next.
    let value: unknown = (result.data as { a: unknown }).a;
    let lists = 0;
    while (Array.isArray(value)) [value, lists] = [value[0], lists + 1];
    expect(1 + lists).toBe(MAX_NESTING);
  });

  it('returns a source map that locates values in the parsed text', () => {
    const { sourceMap } = parseSource('student:\n  firstName: Ana\n', 'f');
    expect(sourceMap?.locate(['student', 'firstName'])).toEqual({ line: 2, column: 14 });
  });
});
