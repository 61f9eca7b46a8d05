import { describe, expect, it } from 'vitest';
import { sortDiagnostics, type Diagnostic } from '../../src/model/diagnostic.js';
import { compareFormOrder, sortInFormOrder } from '../../src/model/form-order.js';

const at = (path: string | undefined, line?: number): Diagnostic => ({ code: 'missing-required-field', severity: 'error', message: '', path, line, column: line ? 1 : undefined });

describe('form order', () => {
  it('follows the schema property order, then list index, a field before the fields inside it', () => {
    const paths = ['services', 'goals[10].criteria', 'student.lastName', 'goals[2]', 'document', 'goals[2].baseline', 'student.firstName', 'goals'];
    expect([...paths].sort(compareFormOrder)).toEqual(['document', 'student.firstName', 'student.lastName', 'goals', 'goals[2]', 'goals[2].baseline', 'goals[10].criteria', 'services']);
  });

  it('puts a key the schema does not know after the known ones of its object', () => {
    expect(compareFormOrder('student.shoeSize', 'student.guardians')).toBeGreaterThan(0);
    expect(compareFormOrder('student.shoeSize', 'disability')).toBeLessThan(0);
  });

  it('sortInFormOrder: diagnostics about no field first, by line; the rest by form order, stable within a field', () => {
    const lint = { ...at('goals[0].goal'), code: 'deficit-wording' as const };
    const sorted = sortInFormOrder([at('team'), lint, at('goals[0].goal'), at(undefined, 9), at('student.school'), at(undefined, 2)]);
    expect(sorted.map((d) => `${d.path ?? d.line}:${d.code}`)).toEqual([
      '2:missing-required-field',
      '9:missing-required-field',
      'student.school:missing-required-field',
      'team:missing-required-field',
      'goals[0].goal:deficit-wording',
      'goals[0].goal:missing-required-field',
    ]);
  });

  it('sortDiagnostics (the CLI): at one position, form order instead of alphabetical', () => {
    const sorted = sortDiagnostics([at('team', 1), at('meeting', 1), at('disability', 1), at('student.school', 5)]);
    expect(sorted.map((d) => d.path)).toEqual(['disability', 'meeting', 'team', 'student.school']);
  });
});
