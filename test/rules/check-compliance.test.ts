import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCompliance, complianceSummary } from '../../src/rules/check-compliance.js';
import type { Profile } from '../../src/rules/rule.js';
import { loadFixture, minimal } from './helpers.js';

describe('checkCompliance', () => {
  it('reports nothing for the minimal New York IEP, in both profiles', () => {
    expect(checkCompliance(minimal())).toEqual([]);
    expect(checkCompliance(minimal(), { profile: 'federal' })).toEqual([]);
  });

  it('defaults to the ny profile', () => {
    const { iep } = loadFixture('compliance/ny-age-15-no-transition.iep.yaml');
    expect(checkCompliance(iep).map((d) => d.code)).toEqual(checkCompliance(iep, { profile: 'ny' }).map((d) => d.code));
    expect(checkCompliance(iep).map((d) => d.code)).toContain('ny-transition-required');
  });

  it('locates each finding in the file, with code, citation, hint and path', () => {
    const { iep, sourceMap, file } = loadFixture('compliance/ny-program-limits.iep.yaml');
    const diagnostics = checkCompliance(iep, { profile: 'ny', file, sourceMap });
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(diagnostics.map((d) => d.code)).toEqual(['ny-special-class-ratio-invalid', 'ny-ict-too-many-students']);
    const ratio = diagnostics[0]!;
    expect(ratio).toMatchObject({ severity: 'error', file, path: 'services.specialEducation[0].ratio', source: '8 NYCRR 200.6(h)(4)' });
    expect(lines[ratio.line! - 1]!.slice(ratio.column! - 1)).toBe('"16:1"');
    const ict = diagnostics[1]!;
    expect(ict).toMatchObject({ path: 'services.specialEducation[1].studentsWithDisabilities', source: '8 NYCRR 200.6(g)(1)' });
    expect(lines[ict.line! - 1]).toContain('studentsWithDisabilities: 14');
    expect(ict.hint).toBeTruthy();
  });

  it('points a missing section at the nearest written parent', () => {
    const { iep, sourceMap } = loadFixture('compliance/ny-age-15-no-transition.iep.yaml');
    const missing = checkCompliance(iep, { sourceMap }).find((d) => d.code === 'ny-transition-required')!;
    expect(missing.path).toBe('transition');
    expect(missing.line).toBeGreaterThan(0);
  });

  it('answers an unknown profile with one diagnostic and a did-you-mean, never a throw', () => {
    expect(checkCompliance(minimal(), { profile: 'texas' as Profile })).toEqual([
      expect.objectContaining({ code: 'profile-unknown', severity: 'error', message: expect.stringMatching(/^there is no profile "texas" \(profiles: .*federal.*ny/) }),
    ]);
    expect(checkCompliance(minimal(), { profile: 'fedral' })).toEqual([expect.objectContaining({ code: 'profile-unknown', hint: 'did you mean `federal`?' })]);
  });
});

describe('complianceSummary', () => {
  it('counts by severity and lists the findings', () => {
    const iep = minimal();
    iep.goals[0]!.criteria = 'with improvement';
    iep.services.specialEducation[0]!.groupSize = 7;
    const summary = complianceSummary(checkCompliance(iep));
    expect(summary).toMatchObject({ passed: false, errors: 1, warnings: 1, infos: 0 });
    expect(summary.items.map((i) => [i.code, i.severity, i.source])).toEqual([
      ['goal-criteria-vague', 'warning', '34 CFR 300.320(a)(2)(i)'],
      ['ny-resource-room-group-too-large', 'error', '8 NYCRR 200.6(f)'],
    ]);
    expect(summary.items[1]).toMatchObject({ path: 'services.specialEducation[0].groupSize' });
  });

  it('passes with warnings only, and with nothing', () => {
    expect(complianceSummary([])).toEqual({ passed: true, errors: 0, warnings: 0, infos: 0, items: [] });
    const iep = minimal();
    delete iep.services.specialEducation[0]!.groupSize;
    expect(complianceSummary(checkCompliance(iep))).toMatchObject({ passed: true, errors: 0, warnings: 1 });
  });
});
