/**
 * A profile from outside the package (issue 21, must show): California, copied from the federal profile into a
 * temporary folder, with one rule of its own and one label overridden, checked and rendered without any file of the
 * package changing; and every way a rule file can be wrong, each a located diagnostic and never a stack trace.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCompliance } from '../../src/rules/check-compliance.js';
import { profileRules } from '../../src/rules/profile-rules.js';
import { loadProfile } from '../../src/load/load-profile.js';
import { loadIep } from '../../src/validate/load-iep.js';
import { renderIep } from '../../src/pipeline/render-iep.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { ROOT, runIep } from '../helpers/run-iep.js';

const EXAMPLE = readFileSync(join(ROOT, 'examples/maya-thompson.iep.yaml'), 'utf8');
const NO_DISTRICT = EXAMPLE.replace(/^ {2}district: .*\n/m, '');

/** sha256 of every file under the package's templates/, locales/ and src/. */
function packageHashes(): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const top of ['templates', 'locales', 'src']) {
    for (const entry of readdirSync(join(ROOT, top), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      hashes.set(path, createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  }
  return hashes;
}

const SELPA_RULE = `// A California rule, written against iepkit's rule API.
export default {
  code: 'ca-district-named',
  severity: 'error',
  title: 'The district is named',
  checks: 'The IEP names the school district, the member of the SELPA responsible for the student.',
  citation: 'Cal. Educ. Code § 56195.1',
  hint: 'write the district under student, e.g. district: Oakland Unified School District',
  example: 'student:\\n  district: Oakland Unified School District',
  check(iep, ctx) {
    if (iep.student.district) return [];
    const age = ctx.helpers.ageOn(iep.student.dateOfBirth, iep.meeting.date);
    return [{ path: ['student', 'district'], message: \`the IEP of a student aged \${age} does not name the district (\${ctx.profile})\` }];
  },
};
`;

describe('a profile from a temporary folder: California, copied from federal, with its own rule and label', () => {
  let tmp: string;
  let templates: string;
  let locales: string;
  let iepFile: string;
  let before: Map<string, string>;

  beforeAll(() => {
    before = packageHashes();
    tmp = mkdtempSync(join(tmpdir(), 'iepkit-ca-'));
    templates = join(tmp, 'templates');
    locales = join(tmp, 'locales');
    const ca = join(templates, 'ca');
    cpSync(join(ROOT, 'templates/federal'), ca, { recursive: true });
    const federal = readFileSync(join(ca, 'profile.yaml'), 'utf8');
    writeFileSync(
      join(ca, 'profile.yaml'),
      federal
        .replace(/^id: federal$/m, 'id: ca')
        .replace(/^name: .*$/m, 'name: California')
        .replace(/^description: >-\n(?: {2}.*\n)+/m, 'description: California, from the federal profile, with a rule of its own.\n'),
    );
    mkdirSync(join(ca, 'rules'));
    writeFileSync(join(ca, 'rules/selpa.js'), SELPA_RULE);
    mkdirSync(join(locales, 'en'), { recursive: true });
    writeFileSync(join(locales, 'en/official.json'), JSON.stringify({ studentName: 'Pupil legal name (California)' }));
    iepFile = join(tmp, 'maya.iep.yaml');
    writeFileSync(iepFile, NO_DISTRICT);
  });

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('is a profile of its own: id, name, the federal settings and rule set, its rule file', () => {
    const { profile, diagnostics } = loadProfile('ca', { templates: [templates] });
    expect(diagnostics).toEqual([]);
    expect(profile).toMatchObject({ id: 'ca', name: 'California', ruleSet: 'federal', ruleFiles: [join(templates, 'ca/rules/selpa.js')] });
  });

  it('checkCompliance reports the custom rule with its citation, hint and line, beside the bundled rules', () => {
    const { iep, sourceMap } = loadIep(NO_DISTRICT, { file: iepFile });
    const diagnostics = checkCompliance(iep!, { profile: 'ca', templates: [templates], file: iepFile, sourceMap });
    const found = diagnostics.filter((d) => d.code === 'ca-district-named');
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: iepFile,
        path: 'student.district',
        source: 'Cal. Educ. Code § 56195.1',
        hint: 'write the district under student, e.g. district: Oakland Unified School District',
        message: 'the IEP of a student aged 9 does not name the district (ca)',
      }),
    ]);
    // Located through the source map as a bundled rule's finding is: a missing key, in the mapping that lacks it.
    const expected = sourceMap!.locate(['student', 'district'])!;
    const studentLine = NO_DISTRICT.split('\n').findIndex((l) => l === 'student:') + 1;
    expect(expected.line).toBeGreaterThanOrEqual(studentLine);
    expect(found[0]).toMatchObject({ line: expected.line, column: expected.column });
    // With the district back, the rule passes; the federal rules ran too (no ny- rule).
    const { iep: withDistrict } = loadIep(EXAMPLE);
    expect(checkCompliance(withDistrict!, { profile: 'ca', templates: [templates] }).map((d) => d.code)).not.toContain('ca-district-named');
    expect(diagnostics.some((d) => d.code.startsWith('ny-'))).toBe(false);
  });

  it('renders the official layout with the overridden label, the other labels unchanged, in DOCX and PDF', async () => {
    const { iep } = loadIep(NO_DISTRICT);
    const result = await renderIep(iep!, { profile: 'ca', templates: [templates], locales: [locales], layout: 'official', lang: 'en', formats: ['docx', 'pdf'] });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const docx = result.outputs.find((o) => o.format === 'docx')!;
    const xml = await (await JSZip.loadAsync(docx.data)).file('word/document.xml')!.async('string');
    const docxText = xml.replace(/<[^>]+>/g, '');
    expect(docxText).toContain('Pupil legal name (California)');
    expect(docxText).not.toContain('Student name');
    expect(docxText).toContain('Date of birth');
    expect(docxText).toContain('Projected date of annual review');
    const pdf = result.outputs.find((o) => o.format === 'pdf')!;
    const pdfFile = join(tmp, 'ca.pdf');
    writeFileSync(pdfFile, pdf.data);
    const pdfText = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(pdfText).toContain('Pupil legal name (California)');
    expect(pdfText).not.toContain('Student name');
    expect(pdfText).toContain('Date of birth');
  }, 120_000);

  // `iep check --templates` is H1's option (issue 21 part 1, overlays): this test passes once it is merged.
  it('`iep check --profile ca --templates DIR` prints the custom rule\'s finding with its line and citation', async () => {
    const run = await runIep(['check', iepFile, '--profile', 'ca', '--templates', templates]);
    expect(run.code).toBe(1);
    const { sourceMap } = loadIep(NO_DISTRICT);
    const { line, column } = sourceMap!.locate(['student', 'district'])!;
    expect(run.stderr).toContain(`${iepFile}\n  ${line}:${column} `);
    expect(run.stderr).toContain('ca-district-named');
    expect(run.stderr).toContain('Cal. Educ. Code § 56195.1');
  });

  it('`iep rules --profile ca --templates DIR` lists the bundled federal rules and the custom one, documented alike', async () => {
    const run = await runIep(['rules', '--profile', 'ca', '--templates', templates]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('# Compliance rules of the profile California (ca)');
    expect(run.stdout).toContain('| [`ca-district-named`](#ca-district-named) | error | ca | Cal. Educ. Code § 56195.1 | The district is named |');
    expect(run.stdout).toContain('### ca-district-named\n\n**The district is named.** The IEP names the school district');
    expect(run.stdout).toContain(`- file: \`${relative(ROOT, join(templates, 'ca/rules/selpa.js'))}\``);
    expect(run.stdout).toContain('### transition-required');
    expect(run.stdout).not.toContain('ny-transition-required');
    const json = await runIep(['rules', '--profile', 'ca', '--templates', templates, '--json']);
    const parsed = JSON.parse(json.stdout) as { profile: { id: string }; rules: { code: string; file?: string; citation: string }[] };
    expect(parsed.profile.id).toBe('ca');
    expect(parsed.rules.find((r) => r.code === 'ca-district-named')).toMatchObject({ file: join(templates, 'ca/rules/selpa.js'), citation: 'Cal. Educ. Code § 56195.1' });
  });

  it('changed no file of the package (templates/, locales/, src/)', () => {
    const after = packageHashes();
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const changed = [...after].filter(([path, hash]) => before.get(path) !== hash).map(([path]) => path);
    expect(changed).toEqual([]);
  });
});

/** A profile `id` (extending federal) in a fresh templates folder, with these rule files. */
function profileWith(id: string, files: Record<string, string>): { root: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), `iepkit-rules-${id}-`));
  const dir = join(root, id);
  mkdirSync(join(dir, 'rules'), { recursive: true });
  writeFileSync(join(dir, 'profile.yaml'), `id: ${id}\nname: Test ${id}\ndescription: A test profile.\nextends: federal\n`);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'rules', name), text);
  return { root, dir };
}

function rule(code: string, extra = '', check = 'return [];'): string {
  return `{
  code: '${code}',
  severity: 'warning',
  title: 'A test rule',
  checks: 'Whatever the test needs.',
  citation: 'Test Code § 1',
  hint: 'fix it',
  example: 'student: {}',${extra}
  check(iep, ctx) { ${check} },
}`;
}

const { iep: MAYA } = loadIep(EXAMPLE);
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function check(id: string, files: Record<string, string>): { diagnostics: Diagnostic[]; dir: string; root: string } {
  const made = profileWith(id, files);
  roots.push(made.root);
  return { diagnostics: checkCompliance(MAYA!, { profile: id, templates: [made.root] }), ...made };
}

const noStack = (d: Diagnostic) => expect(`${d.message} ${d.hint ?? ''}`).not.toMatch(/\n|\bat .*:\d+:\d+/);

describe('rule files that break the rule API', () => {
  it('a syntax error: rule-load-failed with the file, line and column; the other files still load', () => {
    const { diagnostics, dir } = check('syn', {
      'bad.js': `export default {\n  code: 'syn-x',\n  check( { ,\n};\n`,
      'good.js': `export default ${rule('syn-good', '', "return [{ path: ['student'], message: 'good ran' }];")};\n`,
    });
    const failed = diagnostics.filter((d) => d.code === 'rule-load-failed');
    expect(failed).toEqual([expect.objectContaining({ severity: 'error', file: join(dir, 'rules/bad.js'), line: 3, column: 12 })]);
    expect(failed[0]!.message).toMatch(/not valid JavaScript or TypeScript: Expected identifier but found ","/);
    noStack(failed[0]!);
    expect(diagnostics.find((d) => d.code === 'syn-good')?.message).toBe('good ran');
  });

  it('a file that throws while loading: rule-load-failed with the line of the throw', () => {
    const { diagnostics, dir } = check('thr', { 'x.js': `const a = 1;\n\nif (a) throw new TypeError('no config found');\nexport default [];\n` });
    expect(diagnostics.filter((d) => d.code === 'rule-load-failed')).toEqual([
      expect.objectContaining({ file: join(dir, 'rules/x.js'), line: 3, column: 14, message: 'the rule file could not be loaded: it threw while loading: no config found' }),
    ]);
  });

  it('a rule missing `citation`: rule-invalid naming the file, the rule and its line, with a hint; the rule does not run', () => {
    const text = `export default [\n${rule('cit-one', '', "return [{ path: [], message: 'ran' }];").replace("  citation: 'Test Code § 1',\n", '')}];\n`;
    const { diagnostics, dir } = check('cit', { 'a.js': text });
    const invalid = diagnostics.filter((d) => d.code === 'rule-invalid');
    expect(invalid).toEqual([expect.objectContaining({ file: join(dir, 'rules/a.js'), line: 3, message: 'rule `cit-one` has no `citation`' })]);
    expect(invalid[0]!.hint).toMatch(/citation: '...'/);
    expect(diagnostics.some((d) => d.code === 'cit-one')).toBe(false);
  });

  it('a misspelt field and a wrong severity: each named, with a did-you-mean', () => {
    const { diagnostics } = check('typo', { 'a.js': `export default ${rule('typo-one', "\n  replace: 'transition-required',").replace("'warning'", "'critical'")};\n` });
    expect(diagnostics.filter((d) => d.code === 'rule-invalid').map((d) => [d.message, d.hint])).toEqual([
      ['rule `typo-one` `severity` is "critical"', expect.stringMatching(/'error'.*'warning'/)],
      ['rule `typo-one` has a field `replace` the rule API does not know', 'did you mean `replaces`?'],
    ]);
  });

  it('a duplicate code: the second rule is rule-invalid; a bundled code cannot be taken either', () => {
    const { diagnostics, dir } = check('dup', {
      'a.js': `export default ${rule('dup-same')};\n`,
      'b.js': `export default [${rule('dup-same')}, ${rule('dup-other')}];\n`,
    });
    expect(diagnostics.filter((d) => d.code === 'rule-invalid')).toEqual([
      expect.objectContaining({ file: join(dir, 'rules/b.js'), message: `rule \`dup-same\` has the code of the rule in ${join(dir, 'rules/a.js')}` }),
    ]);
    const { diagnostics: ny } = check('ny', { 'a.js': `export default ${rule('ny-transition-required')};\n` });
    expect(ny.filter((d) => d.code === 'rule-invalid').map((d) => d.message)).toEqual(['rule `ny-transition-required` has the code of a bundled rule']);
  });

  it("a code without the profile's prefix: rule-invalid", () => {
    const { diagnostics } = check('pre', { 'a.js': `export default [${rule('district-named')}, ${rule('Pre_Bad')}];\n` });
    expect(diagnostics.filter((d) => d.code === 'rule-invalid').map((d) => d.message)).toEqual([
      'rule `district-named` `code` is "district-named", which does not start with the profile\'s id `pre-`',
      'rule `Pre_Bad` `code` is "Pre_Bad"',
    ]);
  });

  it('a rule that throws at check time: rule-failed naming the rule, its file and line; the other rules still run', () => {
    const { diagnostics, dir } = check('boom', {
      'a.js': `export default [\n${rule('boom-throws', '', 'return iep.student.nothing.length;')},\n${rule('boom-runs', '', "return [{ path: ['student', 'school'], message: 'still ran' }];")}];\n`,
      'b.js': `export default ${rule('boom-answers-text', '', "return 'not a list';")};\n`,
    });
    const failed = diagnostics.filter((d) => d.code === 'rule-failed');
    expect(failed).toEqual([
      expect.objectContaining({ severity: 'error', file: join(dir, 'rules/a.js'), line: 10, column: 48, message: expect.stringMatching(/^rule `boom-throws` threw: Cannot read properties of undefined \(reading 'length'\); its findings are missing/) }),
      expect.objectContaining({ file: join(dir, 'rules/b.js'), message: 'rule `boom-answers-text` answered "not a list" instead of a list of findings; its findings are missing from this check' }),
    ]);
    failed.forEach(noStack);
    expect(diagnostics.find((d) => d.code === 'boom-runs')?.message).toBe('still ran');
    // The bundled rules ran too: the example is 9, federal transition rules find nothing, but the count is the federal set's.
    expect(profileRules(loadProfile('boom', { templates: [dirname(dir)] }).profile!).rules.filter((r) => r.file === undefined).length).toBeGreaterThan(30);
  });

  it('`replaces` of an unknown code: rule-invalid with a did-you-mean; of a bundled code: that rule no longer runs', () => {
    const { diagnostics } = check('rep', {
      'a.js': `export default [${rule('rep-bad', "\n  replaces: 'transition-requird',")}, ${rule('rep-good', "\n  replaces: 'transition-required',")}];\n`,
    });
    expect(diagnostics.filter((d) => d.code === 'rule-invalid').map((d) => [d.message, d.hint])).toEqual([
      ['rule `rep-bad` replaces `transition-requird`, but there is no rule with that code', 'did you mean `transition-required`?'],
    ]);
    const codes = profileRules(loadProfile('rep', { templates: [roots.at(-1)!] }).profile!).rules.map((r) => r.code);
    expect(codes).toContain('rep-good');
    expect(codes).not.toContain('transition-required');
    expect(codes).not.toContain('rep-bad');
  });

  it('a .ts rule file with the ProfileRule type is loaded and run', () => {
    const { diagnostics } = check('tsr', {
      'a.ts': `import type { ProfileRule, RuleContext } from 'iepkit';\nconst minimum: number = 30;\nconst r: ProfileRule = ${rule('tsr-goals', '', "return iep.goals.length >= minimum ? [] : [{ path: ['goals'], message: 'fewer than ' + minimum + ' goals, the first: ' + (ctx as RuleContext).helpers.englishText(iep.goals[0]!.goal).slice(0, 12) }];")};\nexport default r;\n`,
    });
    expect(diagnostics.filter((d) => d.code.startsWith('rule-'))).toEqual([]);
    const first = MAYA!.goals[0]!.goal;
    expect(diagnostics.find((d) => d.code === 'tsr-goals')?.message).toBe(`fewer than 30 goals, the first: ${(typeof first === 'string' ? first : first.en).slice(0, 12)}`);
  });

  it('a rule file edited after it was loaded is read again', () => {
    const { diagnostics, dir, root } = check('edit', { 'a.js': `export default ${rule('edit-one', '', "return [{ path: [], message: 'first' }];")};\n` });
    expect(diagnostics.find((d) => d.code === 'edit-one')?.message).toBe('first');
    const file = join(dir, 'rules/a.js');
    writeFileSync(file, `export default ${rule('edit-one', '', "return [{ path: [], message: 'second version' }];")};\n`);
    const later = new Date(statSync(file).mtimeMs + 2000);
    utimesSync(file, later, later);
    const again = checkCompliance(MAYA!, { profile: 'edit', templates: [root] });
    expect(again.find((d) => d.code === 'edit-one')?.message).toBe('second version');
  });

  it('`iep rules` with a broken rule file: exit 2, the located diagnostic, the rules that load still listed', async () => {
    const made = profileWith('cli', { 'bad.js': `export default {\n  code: 'cli-x',\n  check( { ,\n};\n`, 'good.js': `export default ${rule('cli-good')};\n` });
    roots.push(made.root);
    const run = await runIep(['rules', '--profile', 'cli', '--templates', made.root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${join(made.dir, 'rules/bad.js')}\n  3:12 `);
    expect(run.stderr).toContain('rule-load-failed');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toContain('### cli-good');
  });
});
