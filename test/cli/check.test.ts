/**
 * `iep check` as a person runs it: the real `node bin/iep.js`, built from the current src/ by test/global-setup.ts
 * (or here, when the suite runs without that setup).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function iep(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/iep.js', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, output: result.stdout + result.stderr };
}

let buildError = '';
beforeAll(() => {
  const provided = inject('buildError');
  if (provided !== undefined) {
    buildError = provided;
    return;
  }
  try {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const { stdout = '' } = error as { stdout?: string };
    buildError = `npx tsc -p tsconfig.build.json failed:\n${stdout}`;
  }
});

describe('iep check', () => {
  it('runs the freshly built CLI', () => {
    expect(buildError).toBe('');
    expect(existsSync(`${root}/dist/cli/commands/check.js`)).toBe(true);
  });

  it('exits 0 on the minimal fixture', () => {
    const r = iep('check', 'test/fixtures/minimal.iep.yaml');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('1 file passes the ny compliance rules');
    expect(r.code).toBe(0);
  });

  it('exits 1 on a failing fixture, printing line:column, the code and the citation', () => {
    const file = 'test/fixtures/compliance/ny-program-limits.iep.yaml';
    const r = iep('check', file);
    expect(r.code).toBe(1);
    const lines = readFileSync(`${root}/${file}`, 'utf8').split('\n');
    const ratioLine = lines.findIndex((l) => l.includes('ratio: "16:1"')) + 1;
    const ratioColumn = lines[ratioLine - 1]!.indexOf('"16:1"') + 1;
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(new RegExp(`\\n\\s+${ratioLine}:${ratioColumn}\\s+error\\s+.*16 students.*ny-special-class-ratio-invalid`));
    expect(r.stderr).toContain('(8 NYCRR 200.6(h)(4))');
    expect(r.stderr).toContain('ny-ict-too-many-students');
    expect(r.stderr).toContain('(8 NYCRR 200.6(g)(1))');
    expect(r.stderr).toContain('2 errors, 0 warnings');
  });

  it('fails a 15-year-old without transition in New York (the default) but not federally', () => {
    const file = 'test/fixtures/compliance/ny-age-15-no-transition.iep.yaml';
    const ny = iep('check', file);
    expect(ny.code).toBe(1);
    expect(ny.stderr).toContain('ny-transition-required');
    expect(ny.stderr).toContain('(8 NYCRR 200.4(d)(2)(ix))');
    const federal = iep('check', '--profile', 'federal', file);
    expect(federal.code).toBe(0);
    expect(federal.stdout).toContain('1 file passes the federal compliance rules');
  });

  it('exits 0 with warnings only, and prints them', () => {
    const r = iep('check', 'test/fixtures/compliance/warning-only.iep.yaml');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('ny-resource-room-group-unstated');
    expect(r.stderr).toContain('0 errors, 1 warning');
  });

  it('prints JSON that parses with --json', () => {
    const r = iep('check', '--json', 'test/fixtures/minimal.iep.yaml', 'test/fixtures/compliance/ny-program-limits.iep.yaml');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { profile: string; files: { file: string; valid: boolean; passed: boolean; errors: number; diagnostics: { code: string; source?: string; line?: number }[] }[] };
    expect(report.profile).toBe('ny');
    expect(report.files.map((f) => [f.file, f.valid, f.passed, f.errors])).toEqual([
      ['test/fixtures/minimal.iep.yaml', true, true, 0],
      ['test/fixtures/compliance/ny-program-limits.iep.yaml', true, false, 2],
    ]);
    expect(report.files[1]!.diagnostics[0]).toMatchObject({ code: 'ny-special-class-ratio-invalid', source: '8 NYCRR 200.6(h)(4)' });
    expect(report.files[1]!.diagnostics[0]!.line).toBeGreaterThan(0);
  });

  it('reports validation errors and does not rule-check an invalid IEP', () => {
    const file = 'test/fixtures/compliance/invalid-not-checked.iep.yaml';
    const text = iep('check', file);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('student.grade');
    expect(text.stderr).not.toContain('ny-resource-room-group-too-large');
    const r = iep('check', '--json', file);
    const report = JSON.parse(r.stdout) as { files: { valid: boolean; checked: boolean; diagnostics: { code: string; source?: string }[] }[] };
    expect(r.code).toBe(1);
    expect(report.files[0]).toMatchObject({ valid: false, checked: false });
    expect(report.files[0]!.diagnostics.map((d) => d.code)).toEqual(['invalid-value']);
  });

  it('exits 2 on an unknown profile', () => {
    const r = iep('check', '--profile', 'bogus', 'test/fixtures/minimal.iep.yaml');
    expect(r.code).toBe(2);
    // Profiles are data now (issue 21): not a choice list of commander's, but profile-unknown naming those that exist.
    expect(r.stderr).toMatch(/there is no profile "bogus" \(profiles: federal, ma, ny\).*profile-unknown/);
  });

  it('exits 2 on a missing file', () => {
    expect(iep('check', 'test/fixtures/compliance/no-such-file.iep.yaml').code).toBe(2);
  });

  it('finds no New York compliance error in the bundled examples', () => {
    const examples = existsSync(`${root}/examples`) ? readdirSync(`${root}/examples`).filter((f) => f.endsWith('.iep.yaml')) : [];
    if (examples.length === 0) return;
    const r = iep('check', '--profile', 'ny', '--json', ...examples.map((f) => `examples/${f}`));
    const report = JSON.parse(r.stdout) as { files: { file: string; errors: number; diagnostics: unknown[] }[] };
    expect(report.files.filter((f) => f.errors > 0), r.stdout).toEqual([]);
    expect(r.code).toBe(0);
  });
});
