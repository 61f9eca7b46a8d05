import { describe, expect, it } from 'vitest';
import { formatJsonPath, hasErrors, parseJsonPath, sortDiagnostics, type Diagnostic } from '../../src/model/diagnostic.js';

/** `code` is only a label here, so any string is accepted. */
const d = ({ code = 'x', ...over }: Omit<Partial<Diagnostic>, 'code'> & { code?: string }): Diagnostic => ({ severity: 'error', message: 'm', ...over, code: code as Diagnostic['code'] });

describe('formatJsonPath', () => {
  it('writes keys with dots and indexes in brackets', () => {
    expect(formatJsonPath(['goals', 2, 'criteria'])).toBe('goals[2].criteria');
    expect(formatJsonPath(['presentLevels', 'academic', 'strengths', 0, 'id'])).toBe('presentLevels.academic.strengths[0].id');
  });

  it('keeps hyphenated keys readable and quotes keys that are not names', () => {
    expect(formatJsonPath(['parentConcerns', 'zh-Hans'])).toBe('parentConcerns.zh-Hans');
    expect(formatJsonPath(['student', '1'])).toBe('student["1"]');
    expect(formatJsonPath(['a b'])).toBe('["a b"]');
  });

  it('is empty for the whole record', () => {
    expect(formatJsonPath([])).toBe('');
  });
});

describe('parseJsonPath', () => {
  it('reads back every path formatJsonPath writes', () => {
    const paths = [['goals', 2, 'criteria'], ['parentConcerns', 'zh-Hans'], ['student', '1'], ['a b'], ['a', 'say "hi"', 0], []];
    for (const path of paths) expect(parseJsonPath(formatJsonPath(path))).toEqual(path);
  });

  it('refuses text that is not a path rather than guessing', () => {
    expect(parseJsonPath('.goals')).toBeUndefined();
    expect(parseJsonPath('goals[two]')).toBeUndefined();
    expect(parseJsonPath('goals[2]criteria x')).toBeUndefined();
  });
});

describe('sortDiagnostics', () => {
  it('orders by file, then line, then column, with unlocated problems last in their file', () => {
    const list = [
      d({ file: 'b.yaml', line: 1, column: 1, code: 'b1' }),
      d({ file: 'a.yaml', code: 'a-unlocated' }),
      d({ file: 'a.yaml', line: 10, column: 2, code: 'a10-2' }),
      d({ file: 'a.yaml', line: 2, column: 9, code: 'a2-9' }),
      d({ file: 'a.yaml', line: 10, column: 1, code: 'a10-1' }),
    ];
    expect(sortDiagnostics(list).map((x) => x.code)).toEqual(['a2-9', 'a10-1', 'a10-2', 'a-unlocated', 'b1']);
  });

  it('does not change the list it is given', () => {
    const list = [d({ line: 2 }), d({ line: 1 })];
    sortDiagnostics(list);
    expect(list.map((x) => x.line)).toEqual([2, 1]);
  });
});

describe('hasErrors', () => {
  it('is true only when some diagnostic is an error', () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([d({ severity: 'warning' }), d({ severity: 'info' })])).toBe(false);
    expect(hasErrors([d({ severity: 'warning' }), d({ severity: 'error' })])).toBe(true);
  });
});
