/**
 * `iep init`: the commented starter a new case manager begins with. It validates as a draft, renders every layout,
 * puts strengths before needs, and never replaces a file unless asked to.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkExtensions, previewDraft, starterIep } from '../../src/pipeline/index.js';
import { bundledProfile } from '../helpers/profile-in.js';
import { loadIep } from '../../src/validate/load-iep.js';
import { unwrittenText } from '../../src/validate/unwritten-text.js';
import { lintIep } from '../../src/lint/lint-iep.js';
import { composeDocument } from '../../src/compose/compose-document.js';
import { renderHtml } from '../../src/render/html/render-html.js';
import { runIep } from '../helpers/run-iep.js';

const folder = mkdtempSync(path.join(tmpdir(), 'iep-init-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('starterIep', () => {
  it('validates as a draft, with no wording findings', () => {
    const loaded = loadIep(starterIep(), { file: 'new.iep.yaml' });
    // Its only findings: each text still to be written, a warning.
    expect(loaded.diagnostics.length).toBeGreaterThan(0);
    expect(loaded.diagnostics.filter((d) => d.code !== 'unwritten-text' || d.severity !== 'warning')).toEqual([]);
    expect(loaded.iep?.document.status).toBe('draft');
    expect(lintIep(loaded.iep!).filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('renders the official, family and student copies to HTML with the DRAFT mark', () => {
    const iep = loadIep(starterIep({ lang: 'es' })).iep!;
    for (const [layout, lang] of [['official', 'en'], ['family', 'es'], ['student', 'en']] as const) {
      const composed = composeDocument(iep, { layout, lang });
      expect(composed.diagnostics.filter((d) => d.severity === 'error'), layout).toEqual([]);
      const html = renderHtml(composed.document!, { css: composed.layout!.css });
      expect(html, layout).toContain('TO WRITE: first name');
      expect(composed.document!.meta.watermark, layout).toBeTruthy();
    }
  });

  it('previews with no errors in every layout', async () => {
    for (const layout of ['official', 'family', 'student'] as const) {
      const result = await previewDraft(starterIep(), { layout });
      expect(result.html, layout).toBeDefined();
      expect(result.diagnostics.filter((d) => d.severity === 'error'), layout).toEqual([]);
    }
  });

  it('sets the family language, explains each section in a comment, and lists strengths before needs', () => {
    const text = starterIep({ lang: 'bn' });
    const iep = loadIep(text).iep!;
    expect(iep.student.homeLanguage).toBe('bn');
    expect(iep.student.guardians[0]!.preferredLanguage).toBe('bn');
    for (const section of ['document', 'student', 'meeting', 'team', 'presentLevels', 'goals', 'services', 'placement']) {
      const at = text.indexOf(`\n${section}:`);
      expect(at, section).toBeGreaterThan(0);
      // The line just above the section is its comment.
      expect(text.slice(0, at).split('\n').pop(), section).toMatch(/^# /);
    }
    const academic = text.slice(text.indexOf('  academic:'), text.indexOf('  social:'));
    expect(academic.indexOf('strengths:')).toBeLessThan(academic.indexOf('interests:'));
    expect(academic.indexOf('preferences:')).toBeLessThan(academic.indexOf('needs:'));
  });

  it('counts its dates from the day given: the annual review at most a year after the meeting', () => {
    const iep = loadIep(starterIep({ today: '2028-02-29' })).iep!;
    expect(iep.meeting.date).toBe('2028-02-29');
    expect(iep.meeting.annualReviewDate).toBe('2029-02-28');
  });
});

describe('iep init', () => {
  it('writes the starter, which `iep validate` accepts', async () => {
    const file = path.join(folder, 'new.iep.yaml');
    const run = await runIep(['init', file, '--lang', 'es']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('wrote');
    expect(loadIep(readFileSync(file, 'utf8')).iep?.student.homeLanguage).toBe('es');
    expect((await runIep(['validate', file])).code).toBe(0);
    // Written atomically: no temporary file left beside it.
    expect(readdirSync(folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('refuses to replace an existing file without --force (exit 2, the file unchanged), and replaces it with --force', async () => {
    const file = path.join(folder, 'kept.iep.yaml');
    writeFileSync(file, 'mine\n');
    const refused = await runIep(['init', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('already exists');
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
    const forced = await runIep(['init', file, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8').startsWith('# A new IEP')).toBe(true);
  });

  it('refuses a language iepkit does not write (exit 2)', async () => {
    const run = await runIep(['init', path.join(folder, 'x.iep.yaml'), '--lang', 'xx']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--lang xx');
  });

  it('is listed in `iep --help`', async () => {
    const run = await runIep(['--help']);
    expect(run.stdout).toMatch(/^\s+init \[options\] <file>/m);
  });
});

describe('a starter for a profile with fields of its own (Massachusetts)', () => {
  const ma = bundledProfile('ma');
  const declared = Object.keys((ma.extensions!.schema as { properties: Record<string, unknown> }).properties);

  it('holds every field of the profile\'s extension schema, texts as "TO WRITE:", and is valid for the profile', () => {
    const text = starterIep({ profile: ma, today: '2026-09-01' });
    const loaded = loadIep(text, { file: 'new.iep.yaml' });
    expect(loaded.iep).toBeDefined();
    const fields = (loaded.iep as { extensions?: { ma?: Record<string, unknown> } }).extensions?.ma ?? {};
    expect(Object.keys(fields).sort()).toEqual([...declared].sort());
    // A closed list takes its first value, and its comment names the choices.
    expect(fields.visionSchoolLevel).toBe('elementary');
    expect(text).toMatch(/# CHOOSE: elementary, middle-school\. For `visionByTheEnd`/);
    // The schema's description is the field's comment.
    expect(text).toContain('# Student\'s Vision/Postsecondary Goals, in the student\'s words: "After I finish high school, my employment plans are: ...".\n    visionEmployment: "TO WRITE: vision employment."');
    // Valid for the profile: no extension-invalid, and the only findings are the texts still to be written ...
    expect(checkExtensions(loaded.iep, { profile: ma, file: loaded.file, sourceMap: loaded.sourceMap })).toEqual([]);
    expect(loaded.diagnostics.filter((d) => d.code !== 'unwritten-text')).toEqual([]);
    // ... which cover the profile's own texts, located by path and line (asked of the check itself: the loader shows
    // the first warnings of a kind and counts the rest).
    const unwritten = unwrittenText(loaded.iep, { sourceMap: loaded.sourceMap }).filter((d) => d.path?.startsWith('extensions.ma.'));
    expect(unwritten.map((d) => d.path).sort()).toEqual(declared.filter((name) => name !== 'visionSchoolLevel').map((name) => `extensions.ma.${name}`).sort());
    expect(unwritten.every((d) => d.severity === 'warning' && typeof d.line === 'number')).toBe(true);
    expect(unwritten[0]!.message).toBe('Vision this year (extensions.ma.visionThisYear) is still to be written: it says "TO WRITE: vision this year"');
  });

  it('previews and composes the Massachusetts official IEP with no error', async () => {
    const text = starterIep({ profile: ma });
    const result = await previewDraft(text, { layout: 'official', profile: 'ma' });
    expect(result.html).toBeDefined();
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const composed = composeDocument(loadIep(text).iep!, { layout: 'official', profile: 'ma' });
    expect(renderHtml(composed.document!, { css: composed.layout!.css })).toContain('TO WRITE: vision education');
  });

  it('the default profile (ny) declares no fields of its own: no extensions in the starter', () => {
    expect(starterIep({ profile: bundledProfile('ny') })).not.toContain('extensions');
    expect(starterIep()).toBe(starterIep({ profile: bundledProfile('ny') }));
  });

  it('`iep init --profile ma` writes them, `iep validate --profile ma` accepts the file; an unknown profile is exit 2', async () => {
    const file = path.join(folder, 'ma.iep.yaml');
    const run = await runIep(['init', file, '--profile', 'ma']);
    expect(run.code).toBe(0);
    const written = readFileSync(file, 'utf8');
    expect(written).toContain('\nextensions:\n  ma:\n');
    expect(written).toContain('visionThisYear: "TO WRITE: vision this year."');
    expect((await runIep(['validate', file, '--profile', 'ma'])).code).toBe(0);
    const refused = await runIep(['init', path.join(folder, 'x.iep.yaml'), '--profile', 'mass']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('did you mean `ma`?');
  });
});
