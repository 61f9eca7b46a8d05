/**
 * Every bundled example renders in every layout (the official IEP in the NY and federal profiles, the family copy,
 * the student summary) to DOCX, HTML and PDF without an error; LibreOffice opens every DOCX; and the DOCX and the
 * HTML of one layout carry the same headings in the same order, because both are written from one tree.
 *
 * One browser pool for the file; each example x layout is rendered once and the buffers are shared by the tests.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool } from '../../src/render/pdf/browser-pool.js';
import { renderIep, type RenderResult } from '../../src/pipeline/render-iep.js';
import {
  describeDiagnostics,
  docxHeadings,
  docxParts,
  errorsOf,
  EXAMPLES,
  htmlHeadings,
  LAYOUT_CASES,
  loadExample,
  part,
  pdfAllText,
  removeTemporary,
  squash,
  tempDir,
  treeHeadings,
  type TreeNode,
} from './helpers.js';

const CASES = EXAMPLES.flatMap((example) => LAYOUT_CASES.map((layout) => ({ example, ...layout, id: `${example}-${layout.name}` })));

let pool: BrowserPool;
const results = new Map<string, RenderResult>();
const names = new Map<string, string>();
let dir: string;
let soffice: { status: number | null; output: string };
const loProfile = path.join(os.tmpdir(), `lo-${randomUUID()}`);

beforeAll(async () => {
  pool = new BrowserPool();
  dir = tempDir('layouts');
  for (const c of CASES) {
    const iep = loadExample(c.example);
    names.set(c.id, `${iep.student.firstName} ${iep.student.lastName}`);
    results.set(c.id, await renderIep(iep, { layout: c.layout, profile: c.profile, lang: 'en', formats: ['docx', 'html', 'pdf'], browserPool: pool }));
  }
  // Every DOCX through one LibreOffice start, with a private profile so parallel runs do not share a lock.
  const files: string[] = [];
  for (const c of CASES) {
    const docx = results.get(c.id)?.outputs.find((o) => o.format === 'docx');
    if (!docx) continue;
    writeFileSync(path.join(dir, `${c.id}.docx`), docx.data);
    files.push(`${c.id}.docx`);
  }
  const lo = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${loProfile}`, '--convert-to', 'pdf', '--outdir', dir, ...files], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 240_000,
  });
  soffice = { status: lo.status, output: `${lo.stdout ?? ''}${lo.stderr ?? ''}${lo.error ? String(lo.error) : ''}` };
}, 420_000);

afterAll(async () => {
  await pool?.close();
  rmSync(loProfile, { recursive: true, force: true });
  removeTemporary();
});

const output = (id: string, format: 'docx' | 'html' | 'pdf') => {
  const found = results.get(id)?.outputs.find((o) => o.format === format);
  if (!found) throw new Error(`no ${format} for ${id}: ${describeDiagnostics(results.get(id)?.diagnostics ?? [])}`);
  return found.data;
};

describe.each(CASES)('$example in the $name layout', ({ id }) => {
  it('renders to DOCX, HTML and PDF with no error diagnostics', () => {
    const result = results.get(id)!;
    expect(errorsOf(result.diagnostics), describeDiagnostics(result.diagnostics)).toEqual([]);
    expect(result.outputs.map((o) => o.format).sort()).toEqual(['docx', 'html', 'pdf']);
    expect(output(id, 'docx').subarray(0, 2).toString('latin1')).toBe('PK');
    expect(output(id, 'pdf').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(output(id, 'html').toString('utf8')).toMatch(/^<!doctype html>/i);
  });

  it('opens in LibreOffice: converted to a PDF that shows the student', () => {
    expect(soffice.status, soffice.output).toBe(0);
    const converted = path.join(dir, `${id}.pdf`);
    expect(existsSync(converted), `LibreOffice wrote no ${id}.pdf:\n${soffice.output}`).toBe(true);
    expect(squash(pdfAllText(readFileSync(converted)))).toContain(names.get(id)!);
  });

  it('carries the same h1/h2 headings in the same order in the DOCX, the HTML and the tree', async () => {
    const documentXml = part(await docxParts(output(id, 'docx')), 'word/document.xml');
    const fromDocx = docxHeadings(documentXml, ['Heading1', 'Heading2']);
    const fromHtml = htmlHeadings(output(id, 'html').toString('utf8'), ['h1', 'h2']);
    const fromTree = treeHeadings(results.get(id)!.document!.body as TreeNode)
      .filter((h) => h.depth <= 2)
      .map((h) => h.text);
    expect(fromHtml.length, 'a document has a title and sections').toBeGreaterThanOrEqual(3);
    expect(fromDocx).toEqual(fromHtml);
    expect(fromHtml).toEqual(fromTree);
  });
});
