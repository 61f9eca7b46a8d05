import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MINIMAL, minimalWith } from '../lint/lint-fixture.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'iep-lint-'));

function iep(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/iep.js', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const HARD_GOAL =
  'Utilizing metacognitive strategies and explicit phonological instruction, Ana will demonstrate proficiency in decoding multisyllabic vocabulary, ' +
  'as measured by curriculum-based measurement administered biweekly by the special education teacher in collaboration with the interventionist.';

let clean: string;
let deficit: string;
let translated: string;
let hard: string;

beforeAll(() => {
  // test/global-setup.ts builds dist/ once; a failed build fails these tests instead of testing a stale dist/.
  const buildError = inject('buildError');
  if (buildError) throw new Error(buildError);
  clean = file('clean.iep.yaml', MINIMAL);
  deficit = file('deficit.iep.yaml', minimalWith((doc) => doc.setIn(['presentLevels', 'academic', 'description'], 'Jayden struggles with reading and refuses to write')));
  translated = file(
    'translated.iep.yaml',
    minimalWith((doc) => doc.setIn(['parentConcerns'], { en: 'We want Ana to enjoy reading.', es: 'Queremos que Ana disfrute la lectura.' })),
  );
  hard = file('hard.iep.yaml', minimalWith((doc) => doc.setIn(['goals', 0, 'goal'], HARD_GOAL)));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('iep lint', () => {
  it('exits 0 with no findings on a clean IEP', () => {
    const r = iep('lint', clean);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('no findings');
  });

  it('prints warnings like a compiler and exits 0', () => {
    const r = iep('lint', deficit);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(deficit);
    expect(r.stderr).toMatch(/\d+:\d+ +warning +presentLevels\.academic\.description says "struggles"/);
    expect(r.stderr).toContain('says "refuses"');
    expect(r.stderr).toContain('hint: "struggles with X" -> "is learning X');
    expect(r.stderr).toContain('deficit-wording');
    expect(r.stderr).toContain('0 errors, 2 warnings');
  });

  it('exits 1 with --strict', () => {
    const r = iep('lint', '--strict', deficit);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('2 errors, 0 warnings');
  });

  it('prints JSON with --json', () => {
    const r = iep('lint', '--json', deficit, clean);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { files: { file: string; diagnostics: { code: string; found?: string; line?: number; column?: number }[] }[]; warnings: number };
    expect(out.warnings).toBe(2);
    expect(out.files.map((f) => f.file)).toEqual([deficit, clean]);
    expect(out.files[0]!.diagnostics.map((d) => [d.code, d.found])).toEqual([
      ['deficit-wording', 'struggles'],
      ['deficit-wording', 'refuses'],
    ]);
    expect(out.files[0]!.diagnostics[0]!.line).toBeGreaterThan(0);
    expect(out.files[1]!.diagnostics).toEqual([]);
  });

  it('says once per run that translations are not checked', () => {
    const r = iep('lint', '--json', translated, file('translated-2.iep.yaml', minimalWith((doc) => doc.setIn(['parentConcerns'], { en: 'We want Ana to read.', ar: 'نريد أن تقرأ آنا.' }))));
    const out = JSON.parse(r.stdout) as { files: { diagnostics: { code: string; message: string }[] }[] };
    const notices = out.files.flatMap((f) => f.diagnostics).filter((d) => d.code === 'wording-check-english-only');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toContain('ar, es');
    expect(r.code, r.stderr).toBe(0);
  });

  it('checks the reading level of a layout with --layout', () => {
    const family = iep('lint', '--layout', 'family', hard);
    expect(family.code, family.stderr).toBe(0);
    expect(family.stderr).toContain('reading-level-above-target');
    expect(family.stderr).toMatch(/the family copy section "What we are working on[^"]*" reads at grade \d+\.\d/);
    expect(family.stderr).toContain('Utilizing metacognitive strategies');
    expect(iep('lint', '--layout', 'student', '--strict', hard).code).toBe(1);
    expect(iep('lint', hard).stdout).toContain('no findings');
  });

  it('exits 2 for a missing file or an unknown layout, 1 for an invalid file', () => {
    expect(iep('lint', join(dir, 'missing.iep.yaml')).code).toBe(2);
    expect(iep('lint', '--layout', 'poster', clean).code).toBe(2);
    const invalid = iep('lint', file('invalid.iep.yaml', MINIMAL.replace('schemaVersion: 1\n', '')));
    expect(invalid.code, invalid.stderr).toBe(1);
    expect(invalid.stderr).toContain('missing-required-field');
  });
});

describe('iep readability', () => {
  it('prints the reading grade of each section of both copies as a Markdown table', () => {
    const r = iep('readability', clean, hard);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`## ${clean}`);
    expect(r.stdout).toContain('| Copy | Section | Grade | Target | Words | Sentences | |');
    expect(r.stdout).toMatch(/\| family \| [^|]+ \| -?\d+\.\d \| 8 \| \d+ \| \d+ \|/);
    expect(r.stdout).toMatch(/\| student \| [^|]+ \| -?\d+\.\d \| 6 \| \d+ \| \d+ \|/);
    expect(r.stdout).toContain('**above target**');
    expect(r.stdout).toContain('Hardest sentences in the family copy, "What we are working on');
    expect(r.stdout).toContain('Utilizing metacognitive strategies');
  });

  it('prints JSON with --json', () => {
    const r = iep('readability', '--json', clean);
    const out = JSON.parse(r.stdout) as { files: { file: string; family: { target: number; sections: unknown[] }; student: { target: number } }[] };
    expect(out.files[0]!.family.target).toBe(8);
    expect(out.files[0]!.student.target).toBe(6);
    expect(out.files[0]!.family.sections.length).toBeGreaterThan(0);
  });

  const v1 = join(root, 'examples/mateo-almonte.iep.yaml');
  const v2 = join(root, 'examples/amendments/mateo-almonte-v2.iep.yaml');

  it('grades the letter about an amendment with --base, each section at or below grade 8 for the example', () => {
    const r = iep('readability', '--json', v2, '--base', v1);
    expect(r.code, r.stderr).toBe(0);
    const letter = (JSON.parse(r.stdout) as { files: { changes: { target: number; sections: { title: string; grade: number }[] } }[] }).files[0]!.changes;
    expect(letter.target).toBe(8);
    expect(letter.sections.map((s) => s.title)).toEqual(expect.arrayContaining(['What changes', 'Why', 'Your rights']));
    for (const section of letter.sections) expect(section.grade, section.title).toBeLessThanOrEqual(8);
    // Without a base there is no letter, and that is no failure.
    const alone = iep('readability', '--json', v2);
    expect(alone.code).toBe(0);
    expect(JSON.parse(alone.stdout).files[0].changes).toBeUndefined();
  });

  it('checks the letter with lint --layout changes only beside an earlier version of the same student', () => {
    const missing = iep('lint', '--layout', 'changes', v2);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--base OLD');
    expect(iep('lint', '--layout', 'changes', '--strict', v2, '--base', v1).code).toBe(0);
    const other = iep('lint', '--layout', 'changes', v2, '--base', clean);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('versions-different-student');
  });
});
