/**
 * `iep render` and `iep batch` go through the same pipeline with the same options: `--final` refuses a draft the
 * same way in both, both accept `--layout`/`--layouts`, `--lang`/`--langs` and `--format`/`--formats`, and
 * `iep batch --json` prints the manifest. The real CLI (built by test/global-setup.ts), DOCX only: no browser.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { copyExample, iep, makeWorkspace, readManifest, root, type Workspace } from '../batch/batch-helpers.js';

const OFFICIAL = JSON.parse(readFileSync(path.join(root, 'locales/en/official.json'), 'utf8')) as { complianceHeading: string };

beforeAll(() => {
  expect(inject('buildError')).toBe('');
});

let ws: Workspace | undefined;
afterEach(() => ws?.cleanup());

/** Where `status: draft` is in the examples/mateo-almonte.iep.yaml copy: line 10, the value at column 11. */
const DRAFT_AT = { line: 11, column: 11 };
const REFUSAL_LINE = /^ {2}11:11 +error +the IEP is still a draft, so it cannot be printed as the final IEP +final-from-draft$/m;

describe('--final on a draft', () => {
  it('is refused alike by iep render and iep batch: the same located diagnostic, exit 1, the other layouts written', async () => {
    ws = makeWorkspace('final');
    const draft = copyExample(ws, 'mateo-almonte', '780000001');
    const renderOut = path.join(ws.dir, 'render-out');
    const [render, batch] = await Promise.all([
      iep(['render', draft, '--layout', 'official,family', '--format', 'docx', '--final', '--out', renderOut], ws),
      iep(['batch', draft, '--layouts', 'official,family', '--langs', 'en', '--formats', 'docx', '--final', '--out', ws.outDir], ws),
    ]);
    for (const run of [render, batch]) {
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toContain(draft);
      expect(run.stderr).toMatch(REFUSAL_LINE);
      expect(run.stderr).not.toMatch(/^\s+at \S/m);
    }
    expect(readdirSync(renderOut)).toEqual(['780000001-family-en-v1.docx']);
    expect(readdirSync(ws.outDir).filter((n) => n.endsWith('.docx'))).toEqual(['780000001-family-en-v1.docx']);

    const manifest = readManifest(ws.outDir);
    expect(manifest.summary).toMatchObject({ total: 2, done: 1, failed: 1 });
    const official = manifest.entries.find((e) => e.layout === 'official')!;
    expect(official.status).toBe('failed');
    expect(official.outputs).toEqual([]);
    expect(official.diagnostics).toContainEqual(expect.objectContaining({ code: 'final-from-draft', severity: 'error', file: draft, path: 'document.status', ...DRAFT_AT }));
    expect(batch.stdout).toContain('1 rendered, 0 skipped (already complete), 1 failed, 0 pending');
  }, 120_000);
});

describe('iep batch --with-compliance', () => {
  it('appends the compliance summary to a draft official IEP, as iep render does', async () => {
    ws = makeWorkspace('with-compliance');
    const draft = copyExample(ws, 'mateo-almonte', '780000004');
    const renderOut = path.join(ws.dir, 'render-out');
    const args = ['--layouts', 'official', '--langs', 'en', '--formats', 'html', '--with-compliance'];
    const [render, batch] = await Promise.all([iep(['render', draft, ...args, '--out', renderOut], ws), iep(['batch', draft, ...args, '--out', ws.outDir], ws)]);
    for (const run of [render, batch]) expect(run.code, run.stderr).toBe(0);
    const html = (dir: string) => readFileSync(path.join(dir, '780000004-official-en-v1.html'), 'utf8');
    expect(html(ws.outDir)).toContain(OFFICIAL.complianceHeading);
    expect(html(ws.outDir)).toBe(html(renderOut));
  }, 120_000);
});

describe('iep batch --json', () => {
  it('prints the manifest as JSON on stdout instead of the summary line', async () => {
    ws = makeWorkspace('json');
    copyExample(ws, 'maya-thompson', '780000002');
    const run = await iep(['batch', path.join(ws.inDir, '*.iep.yaml'), '--layouts', 'student', '--langs', 'en', '--formats', 'docx', '--json', '--out', ws.outDir], ws);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('rendered,');
    const printed = JSON.parse(run.stdout) as ReturnType<typeof readManifest>;
    expect(printed).toEqual(readManifest(ws.outDir));
    expect(printed.summary).toEqual({ total: 1, done: 1, skipped: 0, failed: 0, pending: 0 });
    expect(printed.entries[0]!.outputs.map((o) => o.path)).toEqual(['780000002-student-en-v1.docx']);
  }, 120_000);
});

describe('the singular and plural option names', () => {
  it('are one option in both commands, shown together in --help', async () => {
    ws = makeWorkspace('names');
    const file = copyExample(ws, 'maya-thompson', '780000003');
    const renderOut = path.join(ws.dir, 'render-out');
    const [render, batch, renderHelp, batchHelp] = await Promise.all([
      iep(['render', file, '--layouts', 'student', '--langs', 'en', '--formats', 'docx', '--out', renderOut], ws),
      iep(['batch', file, '--layout', 'student', '--lang', 'en', '--format', 'docx', '--out', ws.outDir], ws),
      iep(['render', '--help']),
      iep(['batch', '--help']),
    ]);
    expect(render.code, render.stderr).toBe(0);
    expect(readdirSync(renderOut)).toEqual(['780000003-student-en-v1.docx']);
    expect(batch.code, batch.stderr).toBe(0);
    expect(readManifest(ws.outDir).entries.map((e) => [e.layout, e.lang, e.outputs.map((o) => o.format)])).toEqual([['student', 'en', ['docx']]]);
    expect(existsSync(path.join(ws.outDir, '780000003-student-en-v1.docx'))).toBe(true);
    for (const help of [renderHelp, batchHelp]) {
      expect(help.code).toBe(0);
      for (const flags of ['--layout, --layouts <layouts>', '--lang, --langs <languages>', '--format, --formats <formats>', '--final', '--with-compliance', '--page-size <size>', '--profile <profile>', '--browser <path>']) {
        expect(help.stdout).toContain(flags);
      }
    }
    expect(batchHelp.stdout).toContain('--json');
  }, 120_000);
});
