/**
 * `iep render --brief` (what `npm run demo` uses): one line per document, its formats together and its warnings
 * counted; at the end, per file, the commands that list the warnings; errors still printed in full.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runIep } from '../helpers/run-iep.js';

const out = mkdtempSync(path.join(tmpdir(), 'iepkit-brief-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const MAYA = 'examples/maya-thompson.iep.yaml';

describe('iep render --brief', () => {
  it('prints one line per document with its formats and its warnings counted, and lists no warning', async () => {
    const dir = path.join(out, 'maya');
    const args = ['render', MAYA, '--layout', 'official,student', '--format', 'docx,pdf', '--out', dir];
    const full = await runIep(args);
    const brief = await runIep([...args, '--brief']);
    expect(brief.code).toBe(0);
    // The full run lists the student summary's shortenings, one warning each: the brief run counts them instead.
    const shortened = full.stderr.match(/student-summary-shortened/g) ?? [];
    expect(shortened).toHaveLength(5);
    expect(brief.stdout).toBe(
      `wrote ${path.join(dir, '209345671-official-en-v1.docx')}, .pdf\n` +
        `wrote ${path.join(dir, '209345671-student-en-v1.docx')}, .pdf  (5 warnings)\n`,
    );
    expect(brief.stderr).not.toContain('student-summary-shortened');
    expect(brief.stderr).toBe(`${MAYA}: 5 warnings not listed; to read them: the same command without --brief\n0 errors, 5 warnings\n`);
    expect(full.stderr.trimEnd().split('\n').at(-1)).toBe('0 errors, 5 warnings');
    // The files are the same either way: a PDF and a DOCX of each document, really written.
    expect(readdirSync(dir).sort()).toEqual(['209345671-official-en-v1.docx', '209345671-official-en-v1.pdf', '209345671-student-en-v1.docx', '209345671-student-en-v1.pdf']);
    expect(readFileSync(path.join(dir, '209345671-student-en-v1.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('names iep lint for wording warnings, and still prints every error in full', async () => {
    const dir = path.join(out, 'errors');
    const wording = path.join(out, 'wording.iep.yaml');
    const minimal = readFileSync('test/fixtures/minimal.iep.yaml', 'utf8');
    const need = '      - Ana is learning to decode words with two or more syllables.';
    expect(minimal).toContain(need);
    writeFileSync(wording, minimal.replace(need, '      - Ana is unable to decode words and has a severe deficit in reading.'));
    const broken = 'test/fixtures/malformed/five-errors.iep.yaml';
    const run = await runIep(['render', wording, broken, '--layout', 'official,progress', '--format', 'docx', '--out', dir, '--brief']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      `wrote ${path.join(dir, 'T0001-official-en-v1.docx')}  (2 warnings)\n` + `not written: ${wording} progress en  (1 error, 2 warnings)\n`,
    );
    // Each error with its position, message, code and hint, as without --brief.
    expect(run.stderr).toContain('this IEP has no progressReports, so there is no progress report to print  no-progress-reports');
    expect(run.stderr).toMatch(/ {2}8:14 {4}error {3}student\.firstName must be text, but it is number 42 {2}wrong-type\n {18}hint: write "42" \(in quotes\)/);
    expect(run.stderr).toContain('meeting.date is not a real calendar date: "2026-02-30"');
    expect(run.stderr.match(/ error /g)).toHaveLength(6);
    // The wording findings are counted, not listed, with the command that lists them.
    expect(run.stderr).not.toContain('deficit-wording');
    expect(run.stderr).toContain(`${wording}: 2 warnings not listed; to read them: iep lint ${wording}\n`);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('6 errors, 2 warnings');
  });

  it('is documented in iep render --help', async () => {
    const run = await runIep(['render', '--help']);
    // Help text wraps at the terminal's width: compare with single spaces.
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('--brief one line per document with its warnings counted, and per file the command that lists them; errors are still printed in full');
  });
});
