/**
 * `iep validate` as a user runs it: the real `node bin/iep.js` (built by test/global-setup.ts), spawned on the
 * fixture files in test/fixtures/malformed/. Each malformed kind must exit 1 with a compiler-style report that
 * matches the `--json` output and the library's own diagnostics; usage mistakes exit 2; nothing prints a stack trace.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadIepFile } from '../../src/validate/load-iep.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const MALFORMED = 'test/fixtures/malformed';
const VALID = 'test/fixtures/minimal.iep.yaml';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function iep(...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.IEP_DEBUG;
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/iep.js', ...args], { cwd: root, env, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A stack trace reaching a user is a bug: no `at ...` frames, no source or build paths with line numbers. */
function expectNoStackTrace(run: Run): void {
  for (const output of [run.stdout, run.stderr]) {
    expect(output).not.toMatch(/^\s+at \S/m);
    expect(output).not.toMatch(/\.[cm]?[jt]s:\d+/);
    expect(output).not.toMatch(/\b(TypeError|RangeError|ReferenceError|SyntaxError):/);
    expect(output).not.toMatch(/FATAL ERROR|Native stack trace|JS stacktrace/);
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The lines `iep validate` prints for one diagnostic: position, severity, message, code; then the hint under the message. */
function printed(d: Diagnostic): RegExp {
  const where = d.line ? `${d.line}:${d.column}` : '';
  // A field the law requires carries its citation after the hint.
  const source = d.source ? `  (${d.source})` : '';
  return new RegExp(`^  ${escape(where.padEnd(7))} error   ${escape(d.message)}  ${escape(d.code)}\\n {18}hint: ${escape(d.hint ?? '')}${escape(source)}$`, 'm');
}

type Expected = { code: string; line: number; column: number; path?: string };
const at = (code: string, line: number, column: number, path?: string): Expected => ({ code, line, column, ...(path !== undefined ? { path } : {}) });

/**
 * Every file in test/fixtures/malformed/ and the diagnostics it must produce, in order. Each YAML fixture is
 * minimal.iep.yaml with one change (its first line says which), so line numbers match that file.
 */
const MALFORMED_CASES: Record<string, Expected[]> = {
  'yaml-syntax-error.iep.yaml': [at('syntax-error', 32, 17)],
  'unquoted-colon.iep.yaml': [at('text-needs-quotes', 32, 17)],
  'json-missing-brace.json': [at('syntax-error', 23, 3), at('syntax-error', 198, 1)],
  'truncated-in-string.iep.yaml': [at('syntax-error', 22, 15)],
  'truncated-mid-line.iep.yaml': [at('syntax-error', 8, 3)],
  'empty.iep.yaml': [at('empty-file', 1, 1, '')],
  'whitespace-only.iep.yaml': [at('empty-file', 1, 1, '')],
  'binary-png.iep.yaml': [at('binary-file', 3, 1, '')],
  'binary-random.iep.yaml': [at('binary-file', 1, 7, '')],
  'byte-order-mark.iep.yaml': [at('byte-order-mark', 1, 1, '')],
  'utf16le.iep.yaml': [at('unsupported-encoding', 1, 1, '')],
  'utf16le-no-bom.iep.yaml': [at('unsupported-encoding', 1, 1, '')],
  'invalid-utf8.iep.yaml': [at('invalid-utf8', 9, 14, '')],
  'wrong-type-number.iep.yaml': [at('wrong-type', 8, 14, 'student.firstName')],
  'wrong-type-list.iep.yaml': [at('wrong-type', 45, 12, 'presentLevels.academic.needs')],
  'unknown-field.iep.yaml': [at('unknown-field', 10, 3, 'student.preferedName')],
  'forbidden-keys.iep.yaml': [
    at('forbidden-key', 14, 3, 'student.__proto__'),
    at('forbidden-key', 15, 3, 'student.constructor'),
    at('forbidden-key', 16, 3, 'student.prototype'),
  ],
  'invalid-dates.iep.yaml': [
    at('invalid-date', 22, 9, 'meeting.date'),
    at('invalid-date', 24, 23, 'meeting.implementationDate'),
    at('invalid-date', 25, 21, 'meeting.annualReviewDate'),
  ],
  'duplicate-key.iep.yaml': [at('syntax-error', 10, 3)],
  'two-documents.iep.yaml': [at('syntax-error', 100, 1)],
  'top-level-list.iep.yaml': [at('not-a-record', 1, 1, '')],
  'top-level-list.json': [at('not-a-record', 1, 1, '')],
  'top-level-scalar.iep.yaml': [at('not-a-record', 1, 1, '')],
  'yaml-tag.iep.yaml': [at('unsupported-yaml-tag', 8, 14)],
  'alias-bomb.iep.yaml': [at('too-many-aliases', 1, 1)],
  'deeply-nested-flow.iep.yaml': [at('too-deeply-nested', 2, 73)],
  'deeply-nested-block.iep.yaml': [at('too-deeply-nested', 66, 65)],
  'unknown-strength-reference.iep.yaml': [at('unknown-strength-reference', 74, 16, 'goals[0].buildsOn[0]')],
  'unknown-goal-reference.iep.yaml': [at('unknown-goal-reference', 89, 15, 'progressReports[0].goals[0].goal')],
  'measurement-outside-iep-period.iep.yaml': [at('measurement-outside-iep-period', 92, 21, 'progressReports[0].goals[0].measurements[1].date')],
  'duplicate-strength-id.iep.yaml': [at('duplicate-id', 50, 15, 'presentLevels.social.strengths[0].id')],
  'missing-required-field.iep.yaml': [at('missing-required-field', 2, 1, 'parentConcerns')],
  'five-errors.iep.yaml': [
    at('invalid-value', 4, 11, 'document.status'),
    at('wrong-type', 8, 14, 'student.firstName'),
    at('invalid-date', 22, 9, 'meeting.date'),
    at('unknown-strength-reference', 74, 16, 'goals[0].buildsOn[0]'),
    at('unknown-field', 100, 1, 'notes'),
  ],
};

const located = (d: Diagnostic): Expected => ({ code: d.code, line: d.line!, column: d.column!, ...(d.path !== undefined ? { path: d.path } : {}) });

beforeAll(() => {
  const buildError = inject('buildError');
  if (buildError) throw new Error(`the CLI tests need a fresh dist/, but the build failed.\n${buildError}`);
});

describe('iep validate on a valid file', () => {
  it('exits 0 and says the file is valid', async () => {
    const run = await iep('validate', VALID);
    expect(run).toEqual({ code: 0, stdout: '1 file valid\n', stderr: '' });
  });

  it('--json reports the file as valid with no diagnostics', async () => {
    const run = await iep('validate', '--json', VALID);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ files: [{ file: VALID, valid: true, diagnostics: [] }] });
  });
});

describe('iep validate on each malformed kind', () => {
  it('has an expectation for every fixture in test/fixtures/malformed/', () => {
    expect(readdirSync(`${root}${MALFORMED}`).sort()).toEqual(Object.keys(MALFORMED_CASES).sort());
  });

  // One --json run over all fixtures (spawning is slow); each case below reads its file's part of the report.
  let allAsJson: Promise<Run> | undefined;
  const jsonReport = async () => {
    allAsJson ??= iep('validate', '--json', ...Object.keys(MALFORMED_CASES).map((name) => `${MALFORMED}/${name}`));
    const run = await allAsJson;
    return { run, report: JSON.parse(run.stdout) as { files: { file: string; valid: boolean; diagnostics: Diagnostic[] }[] } };
  };

  it('--json over all of them exits 1 and prints one parseable report, every file invalid', async () => {
    const { run, report } = await jsonReport();
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expectNoStackTrace(run);
    expect(report.files.map((f) => [f.file, f.valid])).toEqual(Object.keys(MALFORMED_CASES).map((name) => [`${MALFORMED}/${name}`, false]));
  });

  describe.concurrent.each(Object.entries(MALFORMED_CASES))('%s', (name, expected) => {
    const file = `${MALFORMED}/${name}`;

    it('--json gives the expected diagnostics, the same ones the library returns', async ({ expect }) => {
      const { report } = await jsonReport();
      const diagnostics = report.files.find((f) => f.file === file)!.diagnostics;
      expect(diagnostics.map(located)).toEqual(expected);
      for (const d of diagnostics) expect(d).toMatchObject({ severity: 'error', file, message: expect.any(String), hint: expect.any(String) });
      expect(diagnostics).toEqual((await loadIepFile(file)).diagnostics);
    });

    it('exits 1 and prints the file, then line:col  error  message  code and a hint line for each problem, and a count', async ({ expect }) => {
      const [run, { report }] = await Promise.all([iep('validate', file), jsonReport()]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expectNoStackTrace(run);
      expect(run.stderr).not.toMatch(/\x1b\[/); // no colour when not a terminal
      expect(run.stderr.split('\n')[0]).toBe(file);
      const diagnostics = report.files.find((f) => f.file === file)!.diagnostics;
      expect(diagnostics).toHaveLength(expected.length);
      let previous = -1;
      for (const d of diagnostics) {
        const match = printed(d).exec(run.stderr);
        expect(match, `printed form of ${d.code} at ${d.line}:${d.column}`).not.toBeNull();
        expect(match!.index, 'problems are printed in line order').toBeGreaterThan(previous);
        previous = match!.index;
      }
      const n = expected.length;
      expect(run.stderr).toMatch(new RegExp(`\\n${n} error${n === 1 ? '' : 's'}, 0 warnings\\n$`));
    });
  });

  it('two deeply nested files in one run exit 1 (node died of a fatal out-of-memory with a native stack trace)', async () => {
    const run = await iep('validate', `${MALFORMED}/deeply-nested-flow.iep.yaml`, `${MALFORMED}/deeply-nested-block.iep.yaml`);
    expect(run.code).toBe(1);
    expectNoStackTrace(run);
    expect(run.stderr.match(/too-deeply-nested/g)).toHaveLength(2);
  });

  it('unknown-field prints the did-you-mean hint', async () => {
    const run = await iep('validate', `${MALFORMED}/unknown-field.iep.yaml`);
    expect(run.stderr).toContain('  10:3    error   student.preferedName is not a field of student  unknown-field\n                  hint: did you mean `preferredName`?\n');
  });

  it('the hint line starts under the message, not one column to its left', async () => {
    const run = await iep('validate', `${MALFORMED}/wrong-type-number.iep.yaml`);
    const [, problem, hint] = run.stderr.split('\n');
    expect(problem!.indexOf('student.firstName must be text')).toBe(hint!.indexOf('hint:'));
  });
});

describe('iep validate on several files', () => {
  it('reports each invalid file under its name, exits 1, and counts all problems', async () => {
    const a = `${MALFORMED}/wrong-type-number.iep.yaml`;
    const b = `${MALFORMED}/invalid-dates.iep.yaml`;
    const run = await iep('validate', VALID, a, b);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain(VALID);
    expect(run.stderr.indexOf(`${b}\n`)).toBeGreaterThanOrEqual(0);
    expect(run.stderr.indexOf(`\n${a}\n`)).toBeGreaterThan(run.stderr.indexOf(`${b}\n`)); // files in name order
    expect(run.stderr).toMatch(/\n4 errors, 0 warnings\n$/);
  });

  it('--json lists every file with its own verdict', async () => {
    const bad = `${MALFORMED}/empty.iep.yaml`;
    const run = await iep('validate', '--json', VALID, bad);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { files: { file: string; valid: boolean; diagnostics: Diagnostic[] }[] };
    expect(report.files.map((f) => [f.file, f.valid, f.diagnostics.map((d) => d.code)])).toEqual([
      [VALID, true, []],
      [bad, false, ['empty-file']],
    ]);
  });

  it('expands a quoted glob itself (as Windows shells and quoting leave it)', async () => {
    const expectedFiles = readdirSync(`${root}test/fixtures`)
      .filter((f) => f.endsWith('.iep.yaml'))
      .map((f) => `test/fixtures/${f}`)
      .sort();
    const run = await iep('validate', '--json', 'test/fixtures/*.iep.yaml');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { files: { file: string }[] }).files.map((f) => f.file)).toEqual(expectedFiles);
    const text = await iep('validate', 'test/fixtures/*.iep.yaml');
    expect(text).toEqual({ code: 0, stdout: `${expectedFiles.length} file${expectedFiles.length === 1 ? '' : 's'} valid\n`, stderr: '' });
  });

  it('a quoted glob of invalid files reports each of them', async () => {
    const run = await iep('validate', `${MALFORMED}/wrong-type-*.iep.yaml`);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${MALFORMED}/wrong-type-list.iep.yaml\n`);
    expect(run.stderr).toContain(`${MALFORMED}/wrong-type-number.iep.yaml\n`);
    expect(run.stderr).toMatch(/\n2 errors, 0 warnings\n$/);
  });
});

describe('iep usage errors exit 2', () => {
  it('a missing file', async () => {
    const run = await iep('validate', 'test/fixtures/no-such-file.iep.yaml');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot read test/fixtures/no-such-file.iep.yaml: there is no such file');
    expectNoStackTrace(run);
  });

  it('a missing file beside an invalid one still exits 2', async () => {
    const run = await iep('validate', `${MALFORMED}/empty.iep.yaml`, 'nope.iep.yaml');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('empty-file');
    expect(run.stderr).toContain('file-unreadable');
  });

  it('a folder given as a file', async () => {
    const run = await iep('validate', 'test/fixtures');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('it is a folder, not a file');
    expectNoStackTrace(run);
  });

  it('a glob that matches nothing', async () => {
    const run = await iep('validate', 'test/fixtures/*.nothing');
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'iep: no files match test/fixtures/*.nothing\n' });
  });

  it('an unknown option', async () => {
    const run = await iep('validate', '--bogus', VALID);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--bogus'");
    expect(run.stderr).toContain('--help');
    expectNoStackTrace(run);
  });

  it('an unknown command', async () => {
    const run = await iep('validat', VALID);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'validat'");
    expectNoStackTrace(run);
  });

  it('validate without files', async () => {
    const run = await iep('validate');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("missing required argument 'files'");
  });
});

describe('iep --help and --version', () => {
  it('--help exits 0 and lists the exit codes', async () => {
    const run = await iep('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('validate');
    expect(run.stdout).toMatch(/Exit codes:\n {2}0 {2}success\n {2}1 {2}invalid input or failed checks\n {2}2 {2}usage error[^\n]*\n {2}3 {2}a document could not be rendered\n/);
  });

  it('validate --help exits 0 and names its exit codes', async () => {
    const run = await iep('validate', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--json');
    expect(run.stdout).toMatch(/Exit codes: 0 all valid, 1 some file is invalid, 2 usage error/);
  });

  it('--version prints the package version', async () => {
    const { version } = (await import('../../package.json', { with: { type: 'json' } })).default as { version: string };
    expect(await iep('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('an internal error', () => {
  it('prints one line and how to report it, exits 4, and shows no stack trace', async () => {
    const { main } = await import('../../src/cli/main.js');
    const err: string[] = [];
    const io = {
      out: () => {
        throw new TypeError('simulated failure while writing');
      },
      err: (text: string) => void err.push(text),
      color: false,
      isTty: false,
    };
    const saved = process.env.IEP_DEBUG;
    delete process.env.IEP_DEBUG;
    try {
      expect(await main(['validate', VALID], io)).toBe(4);
    } finally {
      if (saved !== undefined) process.env.IEP_DEBUG = saved;
    }
    const output = err.join('');
    expect(output).toContain('iep: internal error: simulated failure while writing');
    expect(output).toContain('IEP_DEBUG=1');
    expectNoStackTrace({ code: 4, stdout: '', stderr: output });
  });
});
