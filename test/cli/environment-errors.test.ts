/**
 * Issue 13 part 3, "environment errors are not bugs": an --out that is a file, a path under a file, a dangling
 * symlink, a read-only folder, a full disk or no browser gave exit 4 "This is a bug in iepkit" or exit 1 like bad
 * input. Each now exits 5 (environment) with a diagnostic that names the folder and the cause; on a full disk the
 * batch says how many documents are complete and `--resume` completes the run once there is room.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXIT } from '../../src/model/diagnostic-catalog.js';

const EXAMPLE = 'examples/maya-thompson.iep.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'iepkit-environment-'));
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) execFileSync('umount', [m]);
  rmSync(tmp, { recursive: true, force: true });
});

async function iep(...args: string[]): Promise<{ code: number; output: string }> {
  let output = '';
  const io = { out: (t: string) => void (output += t), err: (t: string) => void (output += t), color: false, isTty: false };
  const code = await main(args, io);
  return { code, output };
}

/** A small tmpfs (`ro` for a read-only one), when this machine lets the tests mount one (root in a container). */
function mountTmpfs(name: string, options: string): string | undefined {
  const dir = join(tmp, name);
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  mounts.push(dir);
  return dir;
}
const canMount = (() => {
  const probe = mountTmpfs('probe', 'size=64k');
  return probe !== undefined;
})();

describe('an output folder that cannot be written exits 5 and names the folder and the cause', () => {
  it('--out is a file', async () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'not a folder');
    const render = await iep('render', EXAMPLE, '--layout', 'student', '--format', 'docx', '--out', file);
    expect(render.code).toBe(EXIT.environment);
    expect(render.output).toContain(`${file} is a file, not a folder`);
    expect(render.output).toContain('output-unwritable');
    const batch = await iep('batch', EXAMPLE, '--layouts', 'student', '--formats', 'docx', '--out', file);
    expect(batch.code).toBe(EXIT.environment);
    expect(batch.output).toContain(`cannot use the output folder ${file}: ${file} is a file, not a folder`);
    expect(batch.output).not.toContain('bug in iepkit');
  });

  it('--out is a path under a file', async () => {
    const file = join(tmp, 'another-file');
    writeFileSync(file, 'not a folder');
    const render = await iep('render', EXAMPLE, '--layout', 'student', '--format', 'docx', '--out', join(file, 'sub', 'dir'));
    expect(render.code).toBe(EXIT.environment);
    expect(render.output).toContain(`${file} is a file, not a folder`);
  });

  it('--out is a dangling symbolic link', async () => {
    const link = join(tmp, 'dangling');
    symlinkSync(join(tmp, 'nowhere', 'at-all'), link);
    const render = await iep('render', EXAMPLE, '--layout', 'student', '--format', 'docx', '--out', link);
    expect(render.code).toBe(EXIT.environment);
    expect(render.output).toContain(`${link} is a symbolic link to ${join(tmp, 'nowhere', 'at-all')}, which does not exist`);
  });

  it.runIf(canMount)('--out is on a read-only file system (EROFS, not "no such file")', async () => {
    const readOnly = mountTmpfs('read-only', 'ro,size=64k')!;
    const render = await iep('render', EXAMPLE, '--layout', 'student', '--format', 'docx', '--out', join(readOnly, 'out'));
    expect(render.code).toBe(EXIT.environment);
    expect(render.output).toContain(`is on a read-only file system`);
  });

  it.runIf(canMount)('a full disk: the batch says what is complete, leaves no partial file, and --resume completes it', async () => {
    const small = mountTmpfs('full', 'size=100k')!;
    const out = join(small, 'out');
    const inputs = ['examples/maya-thompson.iep.yaml', 'examples/mateo-almonte.iep.yaml', 'examples/amira-saleh.iep.yaml'];
    const full = await iep('batch', ...inputs, '--layouts', 'student,family', '--formats', 'docx', '--out', out);
    expect(full.code).toBe(EXIT.environment);
    expect(full.output).toMatch(/the disk that holds .* is full/);
    expect(full.output).not.toContain('bug in iepkit');
    expect(readdirSync(out).filter((f) => f.endsWith('.partial'))).toEqual([]);
    // Either the manifest was written, recording each document the full disk stopped, or the batch says exactly why
    // it could not write it and how many documents are complete.
    if (existsSync(join(out, 'manifest.json'))) {
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { summary: { failed: number }; entries: { status: string; diagnostics: { code: string }[] }[] };
      expect(manifest.summary.failed).toBeGreaterThan(0);
      for (const entry of manifest.entries.filter((e) => e.status === 'failed')) expect(entry.diagnostics.map((d) => d.code)).toContain('output-unwritable');
    } else {
      expect(full.output).toMatch(/the manifest could not be written \(\d+ of 10 documents are complete on disk; no partial file was left\): the disk that holds .* is full/);
    }
    execFileSync('mount', ['-o', 'remount,size=20m', small]);
    const resumed = await iep('batch', ...inputs, '--layouts', 'student,family', '--formats', 'docx', '--out', out, '--resume');
    expect(resumed.code).toBe(EXIT.ok);
    expect(resumed.output).toMatch(/\d+ rendered, \d+ skipped \(already complete\), 0 failed, 0 pending/);
    expect(readdirSync(out).filter((f) => f.endsWith('.docx'))).toHaveLength(10);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
  });
});

describe('no browser exits 5', () => {
  it('a browser path that does not exist', async () => {
    const before = process.env.IEPKIT_CHROMIUM;
    process.env.IEPKIT_CHROMIUM = join(tmp, 'no-such-chrome');
    try {
      const render = await iep('render', EXAMPLE, '--layout', 'student', '--format', 'pdf', '--out', join(tmp, 'pdf-out'));
      expect(render.code).toBe(EXIT.environment);
      expect(render.output).toContain('browser-not-found');
    } finally {
      if (before === undefined) delete process.env.IEPKIT_CHROMIUM;
      else process.env.IEPKIT_CHROMIUM = before;
    }
  });
});
