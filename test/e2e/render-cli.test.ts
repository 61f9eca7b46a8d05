/**
 * `iep render` as a person runs it: the real `node bin/iep.js` (built from src/ by test/global-setup.ts), checking
 * the files it writes, its exit codes, and that no Chromium outlives it, also when it is stopped with SIGTERM in
 * the middle of a run.
 *
 * Browser processes are told apart from those of tests running in parallel by their temporary profile: the pool
 * creates it under os.tmpdir() (src/render/pdf/browser-profile.ts: `iepkit-chromium-<pid>-<host>-XXXXXX`), so each CLI run here
 * gets its own TMPDIR and its browsers are exactly the processes whose command line mentions that folder.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EXAMPLES, examplePath, htmlHeadings, loadExample, removeTemporary, ROOT, tempDir } from './helpers.js';

const OFFICIAL = JSON.parse(readFileSync(path.join(ROOT, 'locales/en/official.json'), 'utf8')) as { complianceHeading: string };
const id = (example: (typeof EXAMPLES)[number]) => loadExample(example).student.id;

let buildError = '';
beforeAll(() => {
  buildError = inject('buildError') ?? '';
});
afterAll(() => removeTemporary());

/** Process ids (other than this one) whose command line contains `text`, read from /proc. */
function processesMentioning(text: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text)) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The most browser processes (mentioning this run's TMPDIR) seen at once while it ran. */
  browsersSeen: number;
  /** This run's TMPDIR: the browser profile is made here. */
  tmp: string;
}

/**
 * Runs the CLI with its own TMPDIR, watching /proc for its browser processes. `onStdout` may stop it early.
 */
function iep(args: string[], onStdout?: (text: string, child: ReturnType<typeof spawn>, browsers: () => number) => void): Promise<Run> {
  const tmp = tempDir('cli-tmp');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/iep.js', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp } });
    let stdout = '';
    let stderr = '';
    let browsersSeen = 0;
    const browsers = () => processesMentioning(tmp).length;
    const watch = setInterval(() => (browsersSeen = Math.max(browsersSeen, browsers())), 50);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      onStdout?.(stdout, child, browsers);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearInterval(watch);
      // Let the pipes drain before answering.
      setImmediate(() => resolve({ code, signal, stdout, stderr, browsersSeen, tmp }));
    });
  });
}

const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

describe('iep render', () => {
  it('runs the freshly built CLI', () => {
    expect(buildError).toBe('');
    expect(existsSync(path.join(ROOT, 'dist/cli/commands/render.js'))).toBe(true);
  });

  it('writes <student-id>-student-en-v1.pdf for --layout student --format pdf, and leaves no browser behind', async () => {
    const out = tempDir('cli-out');
    const run = await iep(['render', examplePath('maya-thompson'), '--layout', 'student', '--format', 'pdf', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const file = path.join(out, `${id('maya-thompson')}-student-en-v1.pdf`);
    expect(readdirSync(out)).toEqual([path.basename(file)]);
    expect(run.stdout).toContain(`wrote ${file}`);
    expect(pdfPages(file)).toBe(1);
    // The browser ran under this run's TMPDIR (so the check below looks at the right processes)...
    expect(run.browsersSeen).toBeGreaterThan(0);
    // ...and none of its processes, nor its profile folder, is left.
    expect(processesMentioning(run.tmp)).toEqual([]);
    expect(readdirSync(run.tmp).filter((f) => f.startsWith('iepkit-chromium-'))).toEqual([]);
  });

  it('stops cleanly on SIGTERM mid-run: exit 143, no browser left, only complete PDFs', async () => {
    const out = tempDir('cli-term');
    let browsersAtKill = -1;
    const files = EXAMPLES.map(examplePath);
    const run = await iep(['render', ...files, '--layout', 'all', '--format', 'pdf', '--out', out], (stdout, child, browsers) => {
      if (browsersAtKill === -1 && /^wrote /m.test(stdout)) {
        browsersAtKill = browsers();
        child.kill('SIGTERM');
      }
    });
    expect(browsersAtKill, 'the browser was running when the signal came').toBeGreaterThan(0);
    expect(run.signal).toBeNull();
    expect(run.code, run.stderr).toBe(143);
    expect(processesMentioning(run.tmp)).toEqual([]);
    expect(readdirSync(run.tmp).filter((f) => f.startsWith('iepkit-chromium-'))).toEqual([]);

    const written = readdirSync(out);
    // Stopped in the middle: at least the announced file, not all nine (3 examples x 3 layouts).
    expect(written.length).toBeGreaterThanOrEqual(1);
    expect(written.length).toBeLessThan(EXAMPLES.length * 3);
    for (const name of written) {
      expect(name, 'no temporary or partial file').toMatch(/^\d+-(official|family|student)-en-v1\.pdf$/);
      const file = path.join(out, name);
      expect(spawnSync('qpdf', ['--check', file], { encoding: 'utf8' }).status, `${name} parses`).toBe(0);
      expect(pdfPages(file)).toBeGreaterThan(0);
      expect(run.stdout).toContain(`wrote ${file}`);
    }
  });

  it('refuses --final for a draft: exit 1, the official IEP not written, the other layouts are', async () => {
    const out = tempDir('cli-final');
    const run = await iep(['render', examplePath('mateo-almonte'), '--layout', 'official,family', '--format', 'docx,html', '--final', '--out', out]);
    expect(loadExample('mateo-almonte').document.status).toBe('draft');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('final-from-draft');
    const written = readdirSync(out).sort();
    expect(written.filter((f) => f.includes('-official-'))).toEqual([]);
    expect(written).toEqual([`${id('mateo-almonte')}-family-en-v1.docx`, `${id('mateo-almonte')}-family-en-v1.html`]);
  });

  it('appends the compliance summary to a draft with --with-compliance, and only then', async () => {
    const withSummary = tempDir('cli-compliance');
    const without = tempDir('cli-no-compliance');
    const finalCopy = tempDir('cli-final-compliance');
    const args = ['--layout', 'official', '--format', 'html'];
    const [a, b, c] = await Promise.all([
      iep(['render', examplePath('mateo-almonte'), ...args, '--with-compliance', '--out', withSummary]),
      iep(['render', examplePath('mateo-almonte'), ...args, '--out', without]),
      iep(['render', examplePath('maya-thompson'), ...args, '--with-compliance', '--out', finalCopy]),
    ]);
    for (const run of [a, b, c]) expect(run.code, run.stderr).toBe(0);
    const headings = (dir: string, example: (typeof EXAMPLES)[number]) =>
      htmlHeadings(readFileSync(path.join(dir, `${id(example)}-official-en-v1.html`), 'utf8'), ['h1', 'h2']);
    const draftHeadings = headings(withSummary, 'mateo-almonte');
    expect(draftHeadings.at(-1)).toBe(OFFICIAL.complianceHeading);
    expect(headings(without, 'mateo-almonte')).toEqual(draftHeadings.slice(0, -1));
    // A final IEP is the legal document: no compliance page is added to it.
    expect(headings(finalCopy, 'maya-thompson')).not.toContain(OFFICIAL.complianceHeading);
  });

  it("renders each family's own language with --lang family", async () => {
    const out = tempDir('cli-family-lang');
    const run = await iep(['render', examplePath('mateo-almonte'), examplePath('amira-saleh'), '--layout', 'family', '--lang', 'family', '--format', 'html', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const mateo = loadExample('mateo-almonte').student.guardians.map((g) => g.preferredLanguage);
    const amira = loadExample('amira-saleh').student.guardians.map((g) => g.preferredLanguage);
    expect(new Set(mateo)).toEqual(new Set(['es']));
    expect(new Set(amira)).toEqual(new Set(['ar']));
    expect(readdirSync(out).sort()).toEqual([`${id('amira-saleh')}-family-ar-v1.html`, `${id('mateo-almonte')}-family-es-v1.html`].sort());
    expect(readFileSync(path.join(out, `${id('mateo-almonte')}-family-es-v1.html`), 'utf8')).toMatch(/^<!doctype html><html lang="es" dir="ltr">/);
    expect(readFileSync(path.join(out, `${id('amira-saleh')}-family-ar-v1.html`), 'utf8')).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
  });
});
