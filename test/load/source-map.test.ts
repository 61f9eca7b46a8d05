import { describe, expect, it } from 'vitest';
import { lineColumnAt } from '../../src/load/source-map.js';
import { parseSource } from '../../src/load/parse-source.js';

describe('lineColumnAt', () => {
  it('answers 1-based line and column for an offset', () => {
    const text = 'ab\ncd\n\nef';
    expect(lineColumnAt(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt(text, 1)).toEqual({ line: 1, column: 2 });
    expect(lineColumnAt(text, 3)).toEqual({ line: 2, column: 1 });
    expect(lineColumnAt(text, 6)).toEqual({ line: 3, column: 1 });
    expect(lineColumnAt(text, 8)).toEqual({ line: 4, column: 2 });
  });

  it('counts a CRLF line break as one line', () => {
    expect(lineColumnAt('a\r\nbc', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('SourceMap.locate', () => {
  const text = [
    'student:', //                                   1
    '  firstName: Ana', //                           2
    '  guardians:', //                               3
    '    - name: Maria', //                          4
    '      relationship: mother', //                 5
    'goals:', //                                     6
    '  - { id: decoding, buildsOn: [a, b] }', //     7
    '',
  ].join('\n');
  const map = parseSource(text, 'f').sourceMap!;

  it('finds a value by its JSON path', () => {
    expect(map.locate(['student', 'firstName'])).toEqual({ line: 2, column: 14 });
    expect(map.locate(['student', 'guardians', 0, 'relationship'])).toEqual({ line: 5, column: 21 });
  });

  it('finds items of flow lists and maps', () => {
    expect(map.locate(['goals', 0, 'id'])).toEqual({ line: 7, column: 11 });
    expect(map.locate(['goals', 0, 'buildsOn', 1])).toEqual({ line: 7, column: 35 });
  });

  it('finds the key instead of the value when asked (for unknown and forbidden keys)', () => {
    expect(map.locate(['student', 'firstName'], { key: true })).toEqual({ line: 2, column: 3 });
  });

  it('answers the nearest written parent for a path that is not written', () => {
    // student.lastName is missing: point at the student mapping's content.
    expect(map.locate(['student', 'lastName'])).toEqual({ line: 2, column: 3 });
    expect(map.locate(['goals', 5, 'id'])).toEqual({ line: 7, column: 3 });
  });

  it('answers the start of the document for the empty path', () => {
    expect(map.locate([])).toEqual({ line: 1, column: 1 });
  });

  it('gives the source offset of the place it locates, for finding words inside a value', () => {
    const offset = map.offset(['student', 'guardians', 0, 'relationship'])!;
    expect(text.slice(offset, offset + 'mother'.length)).toBe('mother');
    expect(text.slice(map.offset(['student', 'firstName'], { key: true }))).toMatch(/^firstName: Ana/);
  });

  it('locates in a JSON document', () => {
    const json = parseSource('{\n  "student": {\n    "firstName": 42\n  }\n}\n', 'f.json').sourceMap!;
    expect(json.locate(['student', 'firstName'])).toEqual({ line: 3, column: 18 });
  });
});
