import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/cli/print-diagnostics.js';
import { IepSchema } from '../../src/model/iep.js';
import { REQUIRED_BY_LAW, validateIep } from '../../src/validate/validate-iep.js';
import { minimalData } from '../load/minimal-text.js';

/** minimal.iep.yaml as data, changed by `change`, validated. */
function validateChanged(change: (iep: any) => void) {
  const data = minimalData();
  change(data);
  return validateIep(data, { file: 'f.iep.yaml' }).diagnostics;
}

describe('a field the schema requires because the law does carries its citation', () => {
  it('a service without a frequency cites 34 CFR 300.320(a)(7), and iep check prints it', () => {
    const diagnostics = validateChanged((d) => delete d.services.specialEducation[0].frequency);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'missing-required-field', path: 'services.specialEducation[0].frequency', source: '34 CFR 300.320(a)(7)' }),
    ]);
    expect(formatDiagnostics(diagnostics, { color: false })).toContain('(34 CFR 300.320(a)(7))');
  });

  it.each([
    ['goals[0].criteria', (d: any) => delete d.goals[0].criteria, '34 CFR 300.320(a)(3)(i)'],
    ['specialFactors.braille.needed', (d: any) => delete d.specialFactors.braille.needed, '34 CFR 300.324(a)(2)(iii)'],
    ['presentLevels.effectOnProgress', (d: any) => delete d.presentLevels.effectOnProgress, '34 CFR 300.320(a)(1)(i)'],
    ['nondisabledParticipation.explanation', (d: any) => delete d.nondisabledParticipation.explanation, '34 CFR 300.320(a)(5)'],
  ])('%s', (path, change, source) => {
    expect(validateChanged(change)).toEqual([expect.objectContaining({ code: 'missing-required-field', path, source })]);
  });

  it('an empty goals list cites 34 CFR 300.320(a)(2)(i)', () => {
    expect(validateChanged((d) => (d.goals = []))).toEqual([expect.objectContaining({ code: 'too-few-items', path: 'goals', source: '34 CFR 300.320(a)(2)(i)' })]);
  });

  it('a field iepkit requires for itself cites nothing', () => {
    const [d] = validateChanged((d) => delete d.student.firstName);
    expect(d).toMatchObject({ code: 'missing-required-field', path: 'student.firstName' });
    expect(d!.source).toBeUndefined();
  });

  it('names only fields the schema has and requires (in their section, which may itself be optional), each with a 34 CFR citation', () => {
    type Node = { properties?: Record<string, Node>; items?: Node; required?: string[]; minItems?: number };
    for (const [key, source] of Object.entries(REQUIRED_BY_LAW)) {
      expect(source, key).toMatch(/^34 CFR 300\.\d+(\([a-z0-9]+\))+$/);
      let parent: Node | undefined;
      let node: Node | undefined = IepSchema as Node;
      let name = '';
      for (const part of key.split('.')) {
        name = part.replace(/\[\]$/, '');
        parent = node;
        node = node?.properties?.[name];
        if (part.endsWith('[]')) node = node?.items;
      }
      expect(node, key).toBeDefined();
      expect(parent?.required ?? [], key).toContain(name);
    }
  });
});
