/**
 * `iep diff OLD NEW` as a case manager runs it: the real `node bin/iep.js` (built by test/global-setup.ts) on the
 * example amendment pair, in text and --json, and on the mistakes it must refuse with exit 1 (different students,
 * versions out of order, an invalid file) or 2 (usage).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { IepDiff } from '../../src/diff/iep-change.js';
import { runIep, ROOT } from '../helpers/run-iep.js';

const V1 = 'examples/mateo-almonte.iep.yaml';
const V2 = 'examples/amendments/mateo-almonte-v2.iep.yaml';
const OTHER_STUDENT = 'examples/amira-saleh.iep.yaml';

const tmp = mkdtempSync(join(tmpdir(), 'diff-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('iep diff', () => {
  it('runs the freshly built CLI', () => {
    expect(inject('buildError')).toBe('');
  });

  it('prints the changes grouped by subject, with their paths and lines, and the minutes table', async () => {
    const r = await runIep(['diff', V1, V2]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain(`version 1 (${V1}) -> version 2 (${V2})`);
    expect(out).toContain('3 changes:');
    // Grouped: services, then accommodations, then goals; each change with its path (and the file's line).
    const services = out.indexOf('\nServices\n');
    const accommodations = out.indexOf('\nAccommodations and supports\n');
    const goals = out.indexOf('\nGoals\n');
    expect(services).toBeGreaterThan(0);
    expect(accommodations).toBeGreaterThan(services);
    expect(goals).toBeGreaterThan(accommodations);
    expect(out).toMatch(/changed {2}Speech-language therapy \(group of 3\): frequency 1 -> 2 times a week \(30 -> 60 minutes a week\)\n {11}services\.related\[2\], examples\/amendments\/mateo-almonte-v2\.iep\.yaml:\d+\n/);
    expect(out).toMatch(/removed {2}Accommodation ended: A seat in a quieter part of the room, near one of his teachers\n {11}was services\.supplementaryAids\[7\], examples\/mateo-almonte\.iep\.yaml:\d+\n/);
    expect(out).toMatch(/added {4}Goal conversation-starters added \(communication\)\n {11}goals\[7\], examples\/amendments\/mateo-almonte-v2\.iep\.yaml:890\n/);
    // The line given is where the new goal is written.
    expect(readFileSync(join(ROOT, V2), 'utf8').split('\n')[889]).toContain('id: conversation-starters');
    // Every service, before and after.
    expect(out).toContain('Minutes per week');
    expect(out).toMatch(/^ +30 +60 +\+30 {2}Speech-language therapy \(group of 3\)$/m);
    expect(out).toMatch(/^ +1500 +- +ended {2}Accommodation: A seat in a quieter part of the room/m);
    expect(out).toMatch(/^ +225 +225 {2,}Integrated co-teaching services \(English language arts\)$/m);
  });

  it('prints { studentId, oldVersion, newVersion, changes, services } with --json', async () => {
    const r = await runIep(['diff', V1, V2, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const diff = JSON.parse(r.stdout) as IepDiff;
    expect(Object.keys(diff)).toEqual(['studentId', 'oldVersion', 'newVersion', 'changes', 'services']);
    expect(diff).toMatchObject({ studentId: '231876045', oldVersion: 1, newVersion: 2 });
    expect(diff.changes.map((c) => [c.kind, c.subject, c.path, c.fields])).toEqual([
      ['added', 'goal', ['goals', 7], undefined],
      ['changed', 'service', ['services', 'related', 2], ['frequency']],
      ['removed', 'accommodation', ['services', 'supplementaryAids', 7], undefined],
    ]);
    const speech = diff.services.find((s) => s.path.join('.') === 'services.related.2');
    expect(speech).toMatchObject({ item: 'Speech-language therapy (group of 3)', before: 30, after: 60, inBefore: true, inAfter: true });
    expect(diff.services.filter((s) => !s.inAfter).map((s) => s.item)).toEqual(['Accommodation: A seat in a quieter part of the room, near one of his teachers']);
  });

  it('compares a file with itself: no changes, exit 0', async () => {
    const r = await runIep(['diff', V1, V1]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No changes.');
    expect(r.stdout).toContain('Minutes per week');
    const json = JSON.parse((await runIep(['diff', V1, V1, '--json'])).stdout) as IepDiff;
    expect(json.changes).toEqual([]);
  });

  it('refuses two different students with exit 1, located in the new file', async () => {
    const r = await runIep(['diff', V1, OTHER_STUDENT]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^ +\d+:\d+ +error +examples\/amira-saleh\.iep\.yaml is student \d+ and examples\/mateo-almonte\.iep\.yaml is student 231876045.*versions-different-student$/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses versions given in the wrong order with exit 1, as JSON diagnostics with --json', async () => {
    const text = await runIep(['diff', V2, V1]);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('versions-out-of-order');
    const json = await runIep(['diff', V2, V1, '--json']);
    expect(json.code).toBe(1);
    const { diagnostics } = JSON.parse(json.stdout) as { diagnostics: { code: string; path: string; line: number }[] };
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'versions-out-of-order', path: 'document.version', line: expect.any(Number) })]);
  });

  it('reports an invalid file as `iep validate` does, with exit 1 and no comparison', async () => {
    const broken = join(tmp, 'mateo-broken.iep.yaml');
    writeFileSync(broken, readFileSync(join(ROOT, V2), 'utf8').replace('frequency: { times: 2, per: week }', 'frequency: { times: 2, per: fortnight }'));
    const r = await runIep(['diff', V1, broken]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(broken);
    expect(r.stderr).toMatch(/^ +\d+:\d+ +error .*invalid-value$/m);
    const validate = await runIep(['validate', broken]);
    expect(r.stderr).toBe(validate.stderr);
  });

  it('exits 2 on usage errors: a missing argument, a missing file, an unknown option', async () => {
    const missingArg = await runIep(['diff', V1]);
    expect(missingArg.code).toBe(2);
    expect(missingArg.stderr).toContain("missing required argument 'new'");
    const missingFile = await runIep(['diff', V1, join(tmp, 'no-such.iep.yaml')]);
    expect(missingFile.code).toBe(2);
    expect(missingFile.stderr).toContain('no such file');
    const unknown = await runIep(['diff', V1, V2, '--redline']);
    expect(unknown.code).toBe(2);
  });

  it('documents itself in --help and in the command list', async () => {
    const help = await runIep(['diff', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: iep diff [options] <old> <new>');
    expect(help.stdout).toContain('--json');
    expect(help.stdout).toMatch(/Exit codes: 0 compared .*1 a file is invalid, the files are different students/s);
    expect((await runIep(['--help'])).stdout).toMatch(/^ +diff \[options\] <old> <new> +compare two versions/m);
  });
});
