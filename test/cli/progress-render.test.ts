/**
 * `iep render --layout progress,progress-official` from the command line: the file names, `--period`, and the
 * refusal (exit 1, nothing written) for an IEP without progress reports or a period it does not have.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runIep } from '../helpers/run-iep.js';

const out = mkdtempSync(path.join(tmpdir(), 'iepkit-progress-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('iep render --layout progress', () => {
  it('writes <id>-progress-<lang> and <id>-progress-official-<lang> files for each language', async () => {
    const dir = path.join(out, 'written');
    const run = await runIep(['render', 'examples/mateo-almonte.iep.yaml', '--layout', 'progress,progress-official', '--lang', 'en,family', '--format', 'docx', '--out', dir]);
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['231876045-progress-en-v1.docx', '231876045-progress-es-v1.docx', '231876045-progress-official-en-v1.docx', '231876045-progress-official-es-v1.docx']);
  });

  it('refuses an IEP without progress reports: exit 1, no-progress-reports, nothing written', async () => {
    const dir = path.join(out, 'refused');
    const run = await runIep(['render', 'test/fixtures/minimal.iep.yaml', '--layout', 'progress', '--format', 'docx', '--out', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no-progress-reports');
    expect(run.stderr).toContain('this IEP has no progressReports');
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('prints the period asked for, and refuses one the IEP does not have', async () => {
    const dir = path.join(out, 'period');
    const bad = await runIep(['render', 'examples/mateo-almonte.iep.yaml', '--layout', 'progress', '--period', '5', '--format', 'html', '--out', dir]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('there is no progress report for period 5; the IEP has periods 1, 2');
    const usage = await runIep(['render', 'examples/mateo-almonte.iep.yaml', '--layout', 'progress', '--period', '0', '--out', dir]);
    expect(usage.code).toBe(2);
    const good = await runIep(['render', 'examples/mateo-almonte.iep.yaml', '--layout', 'progress', '--period', '1', '--format', 'html', '--out', dir]);
    expect(good.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['231876045-progress-en-v1.html']);
  });
});
