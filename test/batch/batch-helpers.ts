/**
 * Shared by the `iep batch` tests: input folders made from the bundled examples (each copy its own student id),
 * the real CLI spawned as a user runs it (built by test/global-setup.ts), and checks that every file in an output
 * folder is complete and that a manifest matches the files on disk.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { expect } from 'vitest';
import type { Manifest } from '../../src/batch/manifest.js';
import { processesMentioning } from '../../src/render/pdf/processes.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));

export type Example = 'maya-thompson' | 'mateo-almonte' | 'amira-saleh';

/** A temporary work folder with in/, out/ and tmp/ (the CLI's TMPDIR, so its browser profile is ours alone). */
export interface Workspace {
  dir: string;
  inDir: string;
  outDir: string;
  tmpDir: string;
  cleanup(): void;
}

export function makeWorkspace(name: string): Workspace {
  const dir = mkdtempSync(path.join(os.tmpdir(), `iepkit-batch-${name}-`));
  const ws = { dir, inDir: path.join(dir, 'in'), outDir: path.join(dir, 'out'), tmpDir: path.join(dir, 'tmp') };
  for (const d of [ws.inDir, ws.tmpDir]) mkdirSync(d, { recursive: true });
  return {
    ...ws,
    cleanup() {
      for (const pid of processesMentioning(ws.tmpDir)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Copies an example under a new student id (the outputs are named after it). Returns the path. */
export function copyExample(ws: Workspace, example: Example, studentId: string, edit: (yaml: string) => string = (y) => y): string {
  const yaml = readFileSync(path.join(root, 'examples', `${example}.iep.yaml`), 'utf8');
  const renamed = yaml.replace(/^(student:\n(?:.*\n)*?  id: )"[^"]*"/m, `$1"${studentId}"`);
  if (renamed === yaml) throw new Error(`no student id found in ${example}`);
  const file = path.join(ws.inDir, `${studentId}.iep.yaml`);
  writeFileSync(file, edit(renamed));
  return file;
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function cliEnv(ws: Workspace | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.IEP_DEBUG;
  if (ws) env.TMPDIR = ws.tmpDir;
  return env;
}

/** `node bin/iep.js ...args`, waited for. stderr is a pipe, so the progress output is the non-terminal kind. */
export function iep(args: readonly string[], ws?: Workspace): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/iep.js', ...args], { cwd: root, env: cliEnv(ws), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, signal: (error?.signal as NodeJS.Signals | undefined) ?? null, stdout, stderr });
    });
  });
}

export interface Spawned {
  child: ChildProcess;
  exited: Promise<Run>;
}

/** `node bin/iep.js ...args` in its own process group (so the whole group can be killed), not waited for. */
export function spawnIep(args: readonly string[], ws: Workspace): Spawned {
  const child = spawn(process.execPath, ['bin/iep.js', ...args], { cwd: root, env: cliEnv(ws), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<Run>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, exited };
}

export async function waitFor(what: string, condition: () => boolean, timeoutMs: number, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export const JOURNAL = '.manifest.journal.jsonl';

export function journalLines(outDir: string): number {
  const file = path.join(outDir, JOURNAL);
  if (!existsSync(file)) return 0;
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.endsWith('}')).length;
}

export function readManifest(outDir: string): Manifest {
  return JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as Manifest;
}

export const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Page count from pdfinfo; throws when pdfinfo cannot parse the file. */
export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/** Loads the DOCX as a zip and answers whether it has a main document part. */
export async function docxHasDocument(file: string): Promise<boolean> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return zip.file('word/document.xml') !== null && (await zip.file('word/document.xml')!.async('string')).includes('<w:body>');
}

/** The output files of a folder (PDF, DOCX, HTML), excluding the manifest and journal. */
export function outputFiles(outDir: string): string[] {
  if (!existsSync(outDir)) return [];
  return readdirSync(outDir).filter((n) => /\.(pdf|docx|html)$/.test(n));
}

export function partialFiles(outDir: string): string[] {
  if (!existsSync(outDir)) return [];
  return readdirSync(outDir).filter((n) => n.includes('.partial'));
}

/** Every PDF parses with pages, every DOCX unzips with word/document.xml; a temporary file never has a final name. */
export async function expectEveryFileComplete(outDir: string): Promise<void> {
  for (const name of outputFiles(outDir)) {
    const file = path.join(outDir, name);
    if (name.endsWith('.pdf')) expect(pdfPages(file), name).toBeGreaterThan(0);
    if (name.endsWith('.docx')) expect(await docxHasDocument(file), name).toBe(true);
  }
  for (const name of partialFiles(outDir)) expect(name).toMatch(/\.partial$/);
}

/** summary.pending 0, nothing failed, and every entry's outputs exist with the sha256 the manifest gives. */
export function expectManifestComplete(outDir: string, expectedEntries: number): Manifest {
  const manifest = readManifest(outDir);
  expect(manifest.interrupted).toBe(false);
  expect(manifest.summary).toMatchObject({ total: expectedEntries, pending: 0, failed: 0 });
  expect(manifest.summary.done + manifest.summary.skipped).toBe(expectedEntries);
  const listed = new Set<string>();
  for (const entry of manifest.entries) {
    expect(['done', 'skipped'], entry.id).toContain(entry.status);
    expect(entry.outputs.length, entry.id).toBeGreaterThan(0);
    for (const output of entry.outputs) {
      const file = path.join(outDir, output.path);
      expect(existsSync(file), output.path).toBe(true);
      expect(sha256(file), output.path).toBe(output.sha256);
      listed.add(output.path);
    }
  }
  // Nothing on disk that the manifest does not account for.
  expect(outputFiles(outDir).sort()).toEqual([...listed].sort());
  return manifest;
}

/** Processes (other than this one) whose command line names the folder: the run's browser lives under its TMPDIR. */
export function processesUsing(dir: string): number[] {
  return processesMentioning(dir);
}
