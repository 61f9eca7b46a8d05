import { describe, expect, it } from 'vitest';
import { at, lintSource, MINIMAL, minimalWith } from './lint-fixture.js';

const codes = (source: string, code: string) => lintSource(source).filter((d) => d.code === code);

describe('strength-first structure', () => {
  it('finds nothing in the minimal IEP: every domain with needs has strengths, the goal builds on two', () => {
    expect(lintSource(MINIMAL)).toEqual([]);
  });

  it('flags a domain that states needs but no strengths, at its strengths list', () => {
    const source = minimalWith((doc) => {
      doc.setIn(['presentLevels', 'social', 'strengths'], []);
      doc.setIn(['presentLevels', 'social', 'needs'], ['Ana is learning to join a group game.']);
    });
    const [d, ...rest] = codes(source, 'needs-without-strengths');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'warning', path: 'presentLevels.social.strengths', source: '34 CFR 300.324(a)(1)(i)' });
    expect(d!.message).toContain('presentLevels.social');
    expect(d!.hint).toContain('presentLevels.social.strengths');
    expect(at(source, d!).startsWith('[]')).toBe(true);
  });

  it('does not flag a domain with neither needs nor strengths', () => {
    const source = minimalWith((doc) => doc.setIn(['presentLevels', 'physical', 'strengths'], []));
    expect(codes(source, 'needs-without-strengths')).toEqual([]);
  });

  it('flags a goal that names no strength, and suggests the ids there are', () => {
    const source = minimalWith((doc) => doc.setIn(['goals', 0, 'buildsOn'], []));
    const [d, ...rest] = codes(source, 'goal-without-strength');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'warning', path: 'goals[0].buildsOn' });
    expect(d!.message).toContain('"decoding"');
    expect(d!.hint).toContain('retells-stories');
    expect(d!.line).toBeGreaterThan(1);
  });

  it('makes both errors with strict', () => {
    const source = minimalWith((doc) => {
      doc.setIn(['goals', 0, 'buildsOn'], []);
      doc.setIn(['presentLevels', 'academic', 'strengths'], []);
      doc.setIn(['goals', 0, 'buildsOn'], []);
    });
    // Removing the strengths also removes the ids the goal referred to; the goal no longer names any.
    const d = lintSource(source, { strict: true });
    expect(d.map((x) => [x.code, x.severity])).toEqual([
      ['needs-without-strengths', 'error'],
      ['goal-without-strength', 'error'],
    ]);
  });
});
