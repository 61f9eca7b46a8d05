/**
 * A profile's own text fields (extensions.<namespace>, `"x-iep": "text"` in its schema) in the translation workflow
 * and the text checks, through the real CLI on the Massachusetts example: its Student and Team Vision go to the
 * translator as XLIFF units (read with Debian's Translate Toolkit, which iepkit did not write), come back into
 * extensions.ma.* with the record still valid for the profile, are counted by `iep i18n`, linted and graded. Without
 * --profile ma the record is read as New York's, and the warning says which profile the data is for.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fillWithToolkit, readWithToolkit } from '../helpers/translate-toolkit.js';
import { runIep } from '../helpers/run-iep.js';

const EXAMPLE = 'examples/ma/jonas-desir.iep.yaml';
const NAME = 'jonas-desir.iep.yaml';
const ID = (path: string, n: number) => `${NAME}#${path}/${n}`;
const VISIONS = ['visionHighSchool', 'visionEducation', 'visionEmployment', 'visionIndependentLiving', 'teamVisionThisYear', 'teamVisionFiveYears'];

const SPANISH: Record<string, string> = {
  [ID('extensions.ma.visionHighSchool', 1)]: 'Quiero tomar todas las clases de matemáticas que pueda, unirme al equipo de robótica y tener uno o dos buenos amigos allí.',
  [ID('extensions.ma.visionEmployment', 1)]: 'Quiero diseñar y arreglar robots para una empresa.',
};

let dir: string;
let iepFile: string;
let exported: string;
let filled: string;
let exportRun: Awaited<ReturnType<typeof runIep>>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iep-xliff-ext-'));
  iepFile = join(dir, NAME);
  copyFileSync(EXAMPLE, iepFile);
  exported = join(dir, 'jonas.es.xlf');
  filled = join(dir, 'jonas.es.translated.xlf');
  exportRun = await runIep(['i18n', 'export', iepFile, '--lang', 'es', '--out', exported, '--profile', 'ma']);
  fillWithToolkit(exported, filled, SPANISH, 'Oración traducida {n}.');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('iep i18n export --profile ma', () => {
  it('gives every vision text as units with ids naming the extension path, and notes with the schema description', () => {
    expect(exportRun.stderr).toBe('');
    expect(exportRun.code).toBe(0);
    const read = readWithToolkit(exported);
    const ids = read.units.map((u) => u.id);
    for (const field of VISIONS) expect(ids).toContain(ID(`extensions.ma.${field}`, 1));
    // teamVisionThisYear is one sentence; teamVisionFiveYears too: each is one unit, as the model's fields are.
    const high = read.units.find((u) => u.id === ID('extensions.ma.visionHighSchool', 1))!;
    expect(high.source).toBe('I want to take every math class I can, join the robotics team, and have one or two good friends there.');
    expect(high.target).toBeNull();
    expect(high.notes.split('\n')).toEqual([
      'Field: Vision high school',
      'Section: Massachusetts fields (extensions.ma)',
      'About this field: Student\'s Vision/Postsecondary Goals (required for ages 14-22), in the student\'s words: "While I am in high school, I want to: ...".',
      'Student: Jonas',
    ]);
    // Nothing else of the record goes into the notes.
    const notes = read.units.map((u) => u.notes).join('\n');
    for (const secret of ['Désir', '1029384756', '2011-10-02', '617-555', 'example.org', 'Nadège']) expect(notes).not.toContain(secret);
  });

  it('leaves out vision texts already translated into the language (ht), and gives them as targets with --all', async () => {
    const ht = join(dir, 'jonas.ht.xlf');
    const run = await runIep(['i18n', 'export', iepFile, '--lang', 'ht', '--out', ht, '--profile', 'ma']);
    expect(run.code, run.stderr).toBe(0);
    expect(readWithToolkit(ht).units.some((u) => u.id.includes('#extensions.'))).toBe(false);
    const all = join(dir, 'jonas.ht.all.xlf');
    expect((await runIep(['i18n', 'export', iepFile, '--lang', 'ht', '--all', '--out', all, '--profile', 'ma'])).code).toBe(0);
    const unit = readWithToolkit(all).units.find((u) => u.id === ID('extensions.ma.visionEmployment', 1))!;
    expect(unit.target).toBe('Mwen vle desine ak ranje robo pou yon konpayi.');
    expect(unit.approved).toBe(true);
  });

  it('without --profile ma: the record is read as New York\'s, its vision left out, and the warning names --profile ma', async () => {
    const out = join(dir, 'jonas.ny.xlf');
    const run = await runIep(['i18n', 'export', iepFile, '--lang', 'es', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('extension-unknown');
    expect(run.stderr).toContain('--profile ma');
    expect(run.stderr).toContain('the text under extensions.ma is not exported');
    expect(readWithToolkit(out).units.some((u) => u.id.includes('#extensions.'))).toBe(false);
  });
});

describe('iep i18n import --profile ma', () => {
  it('writes the Spanish into extensions.ma.*, keeps the comments, and the record stays valid for the profile', async () => {
    const before = readFileSync(iepFile, 'utf8');
    const run = await runIep(['i18n', 'import', filled, iepFile, '--profile', 'ma']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const after = readFileSync(iepFile, 'utf8');
    const comments = (text: string) => text.split('\n').filter((l) => /^\s*#/.test(l));
    expect(comments(after)).toEqual(comments(before));
    const ma = parse(after).extensions.ma;
    expect(ma.visionHighSchool.es).toBe(SPANISH[ID('extensions.ma.visionHighSchool', 1)]);
    expect(ma.visionEmployment).toEqual({
      en: 'I want to design and fix robots for a company.',
      ht: 'Mwen vle desine ak ranje robo pou yon konpayi.',
      es: SPANISH[ID('extensions.ma.visionEmployment', 1)],
    });
    for (const field of VISIONS) expect(Object.keys(ma[field])).toEqual(['en', 'ht', 'es']);
    const validate = await runIep(['validate', iepFile, '--profile', 'ma']);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stderr).not.toContain('extension-');

    // The parity report counts them: nothing is missing in Spanish any more.
    const status = await runIep(['i18n', iepFile, '--lang', 'es', '--json', '--no-copies', '--profile', 'ma']);
    expect(status.code, status.stderr).toBe(0);
    const report = JSON.parse(status.stdout).reports[0];
    expect(report.fields.missing).toEqual([]);
    for (const field of VISIONS) expect(report.fields.translatedPaths).toContain(`extensions.ma.${field}`);
  });

  it('changes a Haitian Creole vision text from a reviewed --all export', async () => {
    const file = join(dir, 'ht', NAME);
    mkdirSync(join(dir, 'ht'));
    copyFileSync(EXAMPLE, file);
    const all = join(dir, 'ht', 'all.xlf');
    expect((await runIep(['i18n', 'export', file, '--lang', 'ht', '--all', '--out', all, '--profile', 'ma'])).code).toBe(0);
    const reviewed = join(dir, 'ht', 'reviewed.xlf');
    const better = 'Mwen vle desine epi repare robo pou yon konpayi.';
    // The reviewer changes one target and leaves every other unit as exported.
    const xml = readFileSync(all, 'utf8');
    expect(xml.split('Mwen vle desine ak ranje robo pou yon konpayi.').length).toBe(2);
    writeFileSync(reviewed, xml.replace('Mwen vle desine ak ranje robo pou yon konpayi.', better));
    expect(readWithToolkit(reviewed).units.find((u) => u.id === ID('extensions.ma.visionEmployment', 1))!.target).toBe(better);
    const run = await runIep(['i18n', 'import', reviewed, file, '--profile', 'ma']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('1 field translated into ht written');
    expect(parse(readFileSync(file, 'utf8')).extensions.ma.visionEmployment.ht).toBe(better);
  });

  it('refuses a translation that would make the vision text invalid (too long), the file byte for byte as it was', async () => {
    const file = join(dir, 'too-long', NAME);
    mkdirSync(join(dir, 'too-long'));
    copyFileSync(EXAMPLE, file);
    const xlf = join(dir, 'too-long', 'long.xlf');
    // 10,000 characters is the most a narrative text may hold in one language (src/model/text-limits.ts).
    fillWithToolkit(exported, xlf, { [ID('extensions.ma.visionEmployment', 1)]: 'robo '.repeat(2001) }, 'Oración traducida {n}.');
    const before = readFileSync(file);
    const run = await runIep(['i18n', 'import', xlf, file, '--profile', 'ma']);
    expect(run.code).toBe(1);
    // The profile's schema makes a vision text the model's text (x-iep: text), whose limit the loader checks first.
    expect(run.stderr).toMatch(/text-too-long|extension-invalid/);
    expect(run.stderr).toContain('extensions.ma.visionEmployment.es is 10,00');
    expect(run.stderr).toContain('nothing written');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses the vision units when read with another profile, saying to import with the export\'s --profile', async () => {
    const file = join(dir, 'ny', NAME);
    mkdirSync(join(dir, 'ny'));
    copyFileSync(EXAMPLE, file);
    const before = readFileSync(file);
    const run = await runIep(['i18n', 'import', filled, file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`unit "${NAME}#extensions.ma.visionHighSchool" names no narrative field`);
    expect(run.stderr).toContain('import with the --profile the XLIFF was exported with');
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('iep i18n apply-memory and glossary --profile ma', () => {
  it("fill another copy's vision texts from the memory the import wrote, and check them against the glossary", async () => {
    // Runs after the import above: every sentence of Jonas's record is in dir/iepkit-memory.tmx in Spanish.
    const second = join(dir, 'second.iep.yaml');
    copyFileSync(EXAMPLE, second);
    const run = await runIep(['i18n', 'apply-memory', second, '--lang', 'es', '--profile', 'ma']);
    // A few of the model's fields are written in flow style ({ name: ..., title: ... }), which a line cannot be added
    // to: those are reported (memory-not-filled, exit 1) and the rest filled. The vision texts are all filled.
    expect(run.stderr).not.toContain('extensions.ma');
    expect(run.stdout).toContain('extensions.ma.visionHighSchool (1 sentence)');
    expect(run.stdout).toMatch(/written: \d+ fields filled/);
    const text = readFileSync(second, 'utf8');
    expect(parse(text).extensions.ma.visionHighSchool.es).toBe(SPANISH[ID('extensions.ma.visionHighSchool', 1)]);
    expect(text).toContain(`      es: ${SPANISH[ID('extensions.ma.visionEmployment', 1)]} # iepkit: from translation memory`);

    const checked = async (...profile: string[]) => JSON.parse((await runIep(['i18n', 'glossary', second, '--lang', 'es', '--json', ...profile])).stdout).reports[0].fields;
    expect((await checked('--profile', 'ma')) - (await checked())).toBe(VISIONS.length);
  });
});

describe('iep i18n (parity) --profile ma', () => {
  it('counts and lists the vision texts with their English', async () => {
    const run = await runIep(['i18n', EXAMPLE, '--lang', 'es', '--json', '--no-copies', '--profile', 'ma']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout).reports[0];
    expect(report.fields.untranslated).toContainEqual({ path: 'extensions.ma.visionEducation', english: 'I want to study engineering at a community college first, then at a university.' });
    const ht = JSON.parse((await runIep(['i18n', EXAMPLE, '--lang', 'ht', '--json', '--no-copies', '--profile', 'ma'])).stdout).reports[0];
    for (const field of VISIONS) expect(ht.fields.translatedPaths).toContain(`extensions.ma.${field}`);
    const ny = JSON.parse((await runIep(['i18n', EXAMPLE, '--lang', 'ht', '--json', '--no-copies'])).stdout).reports[0];
    expect(ny.fields.total).toBe(ht.fields.total - VISIONS.length);
  });

  it('the official copy counts the vision texts it prints', async () => {
    const run = await runIep(['i18n', EXAMPLE, '--lang', 'es', '--json', '--profile', 'ma']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout).reports[0];
    const official = report.copies.find((c: { layout: string }) => c.layout === 'official');
    expect(official.total).toBeGreaterThan(0);
    // Every vision text is among the official copy's untranslated Spanish: the copy's total includes them.
    expect(official.total - official.translated).toBeGreaterThanOrEqual(VISIONS.length);
  });
});

describe('iep lint and iep readability --profile ma', () => {
  it('lint finds deficit wording in a vision text, at its line and column', async () => {
    const source = readFileSync(EXAMPLE, 'utf8').replace(
      '    visionEmployment:\n      en: I want to design and fix robots for a company.',
      '    visionEmployment:\n      en: Jonas struggles with spoken directions but wants to design robots.',
    );
    expect(source).toContain('Jonas struggles');
    const file = join(dir, 'deficit.iep.yaml');
    writeFileSync(file, source);
    const line = source.split('\n').findIndex((l) => l.includes('Jonas struggles')) + 1;
    const column = source.split('\n')[line - 1]!.indexOf('struggles') + 1;
    const run = await runIep(['lint', file, '--json', '--profile', 'ma']);
    expect(run.code).toBe(0);
    const found = JSON.parse(run.stdout).files[0].diagnostics.find((d: { path: string }) => d.path === 'extensions.ma.visionEmployment.en');
    // The student's vision is the student's own words (x-iep: student-words): noted for the team, never rewritten.
    expect(found).toMatchObject({ code: 'deficit-wording', severity: 'info', line, column, term: 'struggles', message: expect.stringContaining("the student's own words") });
    expect(found.fix).toBeUndefined();

    // Read as New York's, the text is not linted, and the warning says which profile reads it.
    const ny = await runIep(['lint', file, '--json']);
    const diagnostics = JSON.parse(ny.stdout).files[0].diagnostics;
    expect(diagnostics.some((d: { path: string }) => d.path?.startsWith('extensions.ma.'))).toBe(false);
    expect(diagnostics.find((d: { code: string }) => d.code === 'extension-unknown')?.hint).toContain('--profile ma');
  });

  it('readability grades a vision text the family copy prints, and lint points at its field', async () => {
    // An overlay prints the team's five-year vision in the family copy's "life after school" section.
    const overlay = join(dir, 'overlay');
    mkdirSync(join(overlay, 'ma', 'family', 'sections'), { recursive: true });
    writeFileSync(join(overlay, 'ma', 'family', 'sections', 'life-after-school.md'), '## {{t "family:afterSchoolHeading"}}\n\n{{extensions.ma.teamVisionFiveYears}}\n');
    const hard =
      'Jonas will demonstrate postsecondary institutional preparedness through comprehensive participation in ' +
      'interdisciplinary engineering coursework, internship experiences in technologically sophisticated ' +
      'organizational environments, and sustained self-determination competencies enabling independent ' +
      'accommodation negotiation with institutional disability services administrators.';
    const source = readFileSync(EXAMPLE, 'utf8').replace(/    teamVisionFiveYears:\n      en: >-\n(?:        .*\n)+/, `    teamVisionFiveYears:\n      en: ${hard}\n`);
    const file = join(dir, 'hard.iep.yaml');
    writeFileSync(file, source);
    expect(parse(source).extensions.ma.teamVisionFiveYears.en).toBe(hard);

    const readability = await runIep(['readability', file, '--json', '--profile', 'ma', '--templates', overlay]);
    expect(readability.code, readability.stderr).toBe(0);
    const family = JSON.parse(readability.stdout).files[0].family;
    expect(JSON.stringify(family)).toContain('sustained self-determination competencies');
    const without = JSON.parse((await runIep(['readability', file, '--json', '--profile', 'ma'])).stdout).files[0].family;
    expect(JSON.stringify(without)).not.toContain('sustained self-determination competencies');

    const lint = await runIep(['lint', file, '--json', '--profile', 'ma', '--templates', overlay, '--layout', 'family']);
    const above = JSON.parse(lint.stdout).files[0].diagnostics.filter((d: { code: string }) => d.code === 'reading-level-above-target');
    const line = source.split('\n').findIndex((l) => l.includes('Jonas will demonstrate postsecondary')) + 1;
    expect(above).toContainEqual(expect.objectContaining({ path: 'extensions.ma.teamVisionFiveYears.en', line }));
  });
});
