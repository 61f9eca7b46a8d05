/**
 * runJob, one document through the whole pipeline from a file: what it writes for a valid IEP, how `final` refuses
 * a draft, and where a character no font can draw is reported. DOCX and HTML only, so no browser is needed.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runJob, type JobOutput } from '../../src/pipeline/run-job.js';
import type { Job } from '../../src/pipeline/plan-jobs.js';
import { examplePath, loadExample } from '../e2e/helpers.js';

// Every folder a test makes is removed after it (a test may make more than one).
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tmp = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'iepkit-run-job-'));
  dirs.push(dir);
  return dir;
};

const job = (input: string, layout: Job['layout'], formats: Job['formats'] = ['docx']): Job => ({ id: `${input}#${layout}#en`, input, layout, lang: 'en', formats });

/** 1-based line and column where `text` first appears in the file. */
function positionOf(file: string, text: string): { line: number; column: number } {
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(text));
  expect(line, `${text} in ${file}`).toBeGreaterThanOrEqual(0);
  return { line: line + 1, column: lines[line]!.indexOf(text) + 1 };
}

describe('runJob', () => {
  it('renders a valid IEP and writes each format into the output folder, announcing each file as it is written', async () => {
    const out = tmp();
    const file = examplePath('maya-thompson');
    const announced: JobOutput[] = [];
    const result = await runJob(job(file, 'student', ['docx', 'html']), { outDir: out, onWritten: (o) => announced.push(o) });
    const id = loadExample('maya-thompson').student.id;
    expect(result.complete).toBe(true);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.outputs.map((o) => [o.format, o.path])).toEqual([
      ['docx', path.join(out, `${id}-student-en-v1.docx`)],
      ['html', path.join(out, `${id}-student-en-v1.html`)],
    ]);
    expect(announced.map((o) => o.path)).toEqual(result.outputs.map((o) => o.path));
    for (const output of result.outputs) expect(readFileSync(output.path!)).toEqual(output.data);
    expect(result.inputSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.document?.meta.layout).toBe('student');
  });

  it('refuses the official layout of a draft with final, located at document.status, and writes nothing', async () => {
    const out = tmp();
    const file = examplePath('mateo-almonte');
    expect(loadExample('mateo-almonte').document.status).toBe('draft');
    const result = await runJob(job(file, 'official'), { outDir: out, final: true });
    expect(result.complete).toBe(false);
    expect(result.outputs).toEqual([]);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    const refusal = result.diagnostics.find((d) => d.code === 'final-from-draft');
    const at = positionOf(file, 'status: draft');
    expect(refusal).toMatchObject({ severity: 'error', file, path: 'document.status', line: at.line, column: at.column + 'status: '.length });
    // The other layouts of a draft are not the legal document: final does not refuse them.
    const family = await runJob(job(file, 'family'), { outDir: out, final: true });
    expect(family.complete).toBe(true);
    expect(family.diagnostics.map((d) => d.code)).not.toContain('final-from-draft');
  });

  it('reports a character no bundled font can draw at its file, line and column, and writes nothing', async () => {
    const out = tmp();
    const file = path.join(tmp(), 'maya.iep.yaml');
    writeFileSync(file, readFileSync(examplePath('maya-thompson'), 'utf8').replace('preferredName: Maya', 'preferredName: ሀና'));
    const result = await runJob(job(file, 'student'), { outDir: out });
    expect(result.complete).toBe(false);
    expect(result.outputs).toEqual([]);
    const glyphs = result.diagnostics.filter((d) => d.code === 'missing-glyph');
    expect(glyphs).toHaveLength(2); // ሀ and ና
    const at = positionOf(file, 'preferredName: ሀና');
    for (const d of glyphs) {
      expect(d).toMatchObject({ severity: 'error', file, path: 'student.preferredName', line: at.line, column: at.column + 'preferredName: '.length });
    }
  });

  it('reports an output folder it cannot write to as output-unwritable, naming the file, instead of throwing', async () => {
    // Before, the write error escaped the render and reached the user as an internal error with exit code 4.
    const notAFolder = path.join(tmp(), 'out');
    writeFileSync(notAFolder, 'a file where the output folder should be');
    const result = await runJob(job(examplePath('maya-thompson'), 'student'), { outDir: notAFolder });
    expect(result.complete).toBe(false);
    expect(result.outputs).toEqual([]);
    const id = loadExample('maya-thompson').student.id;
    const target = path.join(notAFolder, `${id}-student-en-v1.docx`);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'output-unwritable', severity: 'error', file: target, message: `cannot write ${target}: ${notAFolder} is a file, not a folder` }));
  });

  it('reports an unreadable input as a diagnostic instead of throwing', async () => {
    const missing = path.join(tmp(), 'gone.iep.yaml');
    const result = await runJob(job(missing, 'student'));
    expect(result.complete).toBe(false);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'file-unreadable', file: missing })]);
  });
});
