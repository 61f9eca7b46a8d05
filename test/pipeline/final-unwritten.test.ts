/**
 * `iep render --final` refuses the official IEP of a record that still holds the starter's "TO WRITE: ..." text,
 * whatever its status says: each such text is an error (exit 1), located, reported once, and nothing is written for
 * the official layout. The real CLI, DOCX only: no browser.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { starterIep } from '../../src/pipeline/starter-iep.js';
import { ROOT, runIep } from '../helpers/run-iep.js';

const folder = mkdtempSync(path.join(tmpdir(), 'iep-final-unwritten-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const maya = readFileSync(path.join(ROOT, 'examples', 'maya-thompson.iep.yaml'), 'utf8');

describe('--final with text still to be written', () => {
  it('refuses a final IEP with one unwritten text: exit 1, the error at its line, the official IEP not written', async () => {
    const text = maya.replace(/^( {2}firstName: ).*$/m, '$1"TO WRITE: first name"');
    expect(text).not.toBe(maya);
    const file = path.join(folder, 'maya.iep.yaml');
    writeFileSync(file, text);
    const line = text.slice(0, text.indexOf('TO WRITE')).split('\n').length;
    const out = path.join(folder, 'out');
    const run = await runIep(['render', file, '--layout', 'official,family', '--format', 'docx', '--final', '--out', out]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^ {2}${line}:\\d+ +error +Legal first name \\(student\\.firstName\\) is still to be written: it says "TO WRITE: first name" +unwritten-text$`, 'm'));
    // Reported once, as the error (the family copy's warning is the same finding).
    expect(run.stderr).not.toMatch(/warning .*unwritten-text/);
    expect(run.stderr).not.toContain('final-from-draft');
    expect(run.stderr).not.toMatch(/^\s+at \S/m);
    expect(readdirSync(out).filter((n) => n.includes('official'))).toEqual([]);
    expect(readdirSync(out).filter((n) => n.includes('family')).length).toBe(1);
  }, 120_000);

  it('renders the same IEP once the text is written (the control: maya-thompson passes --final)', async () => {
    const file = path.join(folder, 'written.iep.yaml');
    writeFileSync(file, maya);
    const out = path.join(folder, 'out-written');
    const run = await runIep(['render', file, '--layout', 'official', '--format', 'docx', '--final', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(out).filter((n) => n.includes('official')).length).toBe(1);
  }, 120_000);

  it('refuses the starter set to final: every unwritten text is an error, reported once (not also as the warning)', async () => {
    const file = path.join(folder, 'starter.iep.yaml');
    writeFileSync(file, starterIep({ today: '2026-09-08' }).replace('status: draft', 'status: final'));
    const run = await runIep(['render', file, '--layout', 'official', '--format', 'docx', '--final', '--out', path.join(folder, 'out-starter')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error +Legal last name \(student\.lastName\) is still to be written/);
    expect(run.stderr).toMatch(/error +Full name \(team\[0\]\.name\) is still to be written/);
    expect(run.stderr).not.toMatch(/warning .*unwritten-text/);
  }, 120_000);
});
