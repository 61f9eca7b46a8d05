import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { previewDraft } from '../../src/pipeline/preview-draft.js';
import { renderIep } from '../../src/pipeline/render-iep.js';
import { starterIep } from '../../src/pipeline/starter-iep.js';
import { MINIMAL, rawIep, validated } from '../e2e/helpers.js';

const minimalText = readFileSync(MINIMAL, 'utf8');
const placeholders = (html: string) => [...html.matchAll(/<span class="placeholder">([^<]*)<\/span>/g)].map((m) => m[1]);

/** A draft a new case manager might have after a few minutes: some of the student, one goal. */
const early = `schemaVersion: 1
document:
  status: final
  version: 1
student:
  id: T1
  firstName: Ana
  grade: third
goals:
  - id: g1
    area: reading
    goal: Ana struggles with chapter books.
`;

describe('previewDraft', () => {
  it('previews an incomplete draft: each missing part a visible, localized placeholder, the DRAFT mark on', async () => {
    const result = await previewDraft(early, { layout: 'official' });
    expect(result.draft).toBe(true);
    const html = result.html!;
    expect(placeholders(html)).toContain('[to be written: Legal last name]');
    expect(placeholders(html)).toContain('[to be written: Date of birth]');
    // A value outside its closed list (grade "third") is a placeholder too, never printed as if it were data.
    expect(placeholders(html)).toContain('[to be written: Grade level]');
    expect(html).toContain('Ana');
    expect(html).toMatch(/\.placeholder \{[^}]*dashed/);
    expect(html).toContain('DRAFT');
    // No placeholder character reaches the page.
    expect(html).not.toMatch(/[\uE100-\uE11F]/);
    const es = await previewDraft(early, { layout: 'family', lang: 'es' });
    expect(placeholders(es.html!)).toContain('[por escribir: Legal last name]');
  });

  it("shows the starter's unwritten texts as placeholders labelled with the words after TO WRITE:, each reported next to its field", async () => {
    const starter = starterIep({ today: '2026-09-08' });
    const result = await previewDraft(starter, { layout: 'official' });
    expect(result.draft).toBe(true);
    const html = result.html!;
    expect(placeholders(html)).toContain('[to be written: first name]');
    expect(placeholders(html)).toContain('[to be written: what the family hopes for and is concerned about]');
    expect(html).not.toContain('TO WRITE');
    expect(html).toContain('DRAFT');
    expect(html).not.toMatch(/[\uE100-\uE11F]/);
    const firstName = result.diagnostics.find((d) => d.path === 'student.firstName');
    expect(firstName).toMatchObject({ code: 'unwritten-text', severity: 'warning', line: starter.split('\n').findIndex((l) => l.includes('firstName:')) + 1 });
    // What is said about an unwritten text is that it is unwritten: no wording or reading finding about the starter's words.
    const unwrittenPaths = new Set(result.diagnostics.filter((d) => d.code === 'unwritten-text').map((d) => d.path));
    expect(unwrittenPaths.size).toBeGreaterThan(10);
    expect(result.diagnostics.filter((d) => d.code !== 'unwritten-text' && unwrittenPaths.has(d.path))).toEqual([]);
  });

  it('numbers unwritten texts after the missing parts of an incomplete draft, and marks a "final" record with one as a draft', async () => {
    const mixed = early.replace('firstName: Ana', 'firstName: "TO WRITE: first name"');
    const result = await previewDraft(mixed, { layout: 'official' });
    expect(placeholders(result.html!)).toContain('[to be written: first name]');
    expect(placeholders(result.html!)).toContain('[to be written: Legal last name]');
    const finalText = minimalText.replace('status: draft', 'status: final');
    const final = finalText.replace(/^( {2}firstName: ).*$/m, '$1"TO WRITE: first name"');
    expect(final).not.toBe(finalText);
    const preview = await previewDraft(final, { layout: 'official' });
    expect(preview.draft).toBe(true);
    expect(placeholders(preview.html!)).toEqual(expect.arrayContaining(['[to be written: first name]']));
    expect(preview.html).toContain('DRAFT');
    // The same record written: no placeholder, no DRAFT mark.
    const written = await previewDraft(finalText, { layout: 'official' });
    expect(written.draft).toBe(false);
    expect(placeholders(written.html!)).toEqual([]);
  });

  it('renders every layout of an incomplete draft', async () => {
    for (const layout of ['official', 'family', 'student'] as const) {
      const result = await previewDraft(early, { layout });
      expect(result.html, layout).toContain('<span class="placeholder">');
      expect(result.diagnostics.filter((d) => d.code === 'internal-error' || d.code === 'template-error'), layout).toEqual([]);
    }
  });

  it('reports the missing fields in form order (document, student, ..., goals), never alphabetically', async () => {
    const { diagnostics } = await previewDraft(early);
    const missing = diagnostics.filter((d) => d.code === 'missing-required-field').map((d) => d.path);
    expect(missing.indexOf('student.lastName')).toBeLessThan(missing.indexOf('student.dateOfBirth'));
    expect(missing.indexOf('student.dateOfBirth')).toBeLessThan(missing.indexOf('disability'));
    expect(missing.indexOf('disability')).toBeLessThan(missing.indexOf('goals[0].baseline'));
    expect(missing.indexOf('goals[0].baseline')).toBeLessThan(missing.indexOf('services'));
    // A field missing from student is located at the student mapping, not at 1:1.
    const lastName = diagnostics.find((d) => d.path === 'student.lastName')!;
    expect(lastName.line).toBe(6);
  });

  it('carries compliance with its source, and deficit wording, about what is written; nothing about placeholders', async () => {
    const { diagnostics } = await previewDraft(early);
    const wording = diagnostics.find((d) => d.code === 'deficit-wording');
    expect(wording).toMatchObject({ path: 'goals[0].goal', line: 12 });
    // The team is missing entirely: the missing field is reported once, and no compliance rule judges a placeholder team.
    expect(diagnostics.filter((d) => d.path === 'team').map((d) => d.code)).toEqual(['missing-required-field']);
    const withTeam = `${early}team:\n  - { name: Dana Reyes, role: general-education-teacher, attended: true }\n`;
    const rule = (await previewDraft(withTeam)).diagnostics.find((d) => d.code === 'team-parent-missing');
    expect(rule).toMatchObject({ path: 'team', line: 14 });
    expect(rule?.source).toMatch(/CFR 300\.321/);
  });

  it('measures the reading level of a family copy', async () => {
    const hard = minimalText.replace(
      /parentConcerns: .*/,
      'parentConcerns: "Notwithstanding considerable institutional heterogeneity, comprehensive individualized differentiation necessitates extraordinarily sophisticated interdisciplinary collaboration."',
    );
    const family = await previewDraft(hard, { layout: 'family' });
    const official = await previewDraft(hard, { layout: 'official' });
    expect(family.diagnostics.some((d) => d.code === 'reading-level-above-target')).toBe(true);
    expect(official.diagnostics.some((d) => d.code === 'reading-level-above-target')).toBe(false);
  });

  it('gives a valid record the same HTML the pipeline renders (plus the page margins on screen), with fonts from the given prefix', async () => {
    const iep = validated(rawIep(MINIMAL));
    const rendered = await renderIep(iep, { layout: 'official', formats: ['html'] });
    const expected = rendered.outputs[0]!.data.toString('utf8');
    const preview = await previewDraft(minimalText, { layout: 'official' });
    // On screen only, the page gets the printed page's own margins as padding; everything else is the same page.
    const screen = /\n@media screen \{\n {2}body \{ padding: ([^;]+); \}\n\}/.exec(preview.html!);
    expect(screen?.[1]).toBe(/@page \{\n {2}size: [^;]+;\n {2}margin: ([^;]+);/.exec(expected)?.[1]);
    expect(screen?.[1]).toMatch(/^[\d.]+mm [\d.]+mm [\d.]+mm [\d.]+mm$/);
    expect(preview.html!.replace(screen![0], '')).toBe(expected);
    const served = await previewDraft(minimalText, { layout: 'official', fontUrlPrefix: '/fonts/' });
    expect(served.html).toContain('src: url("/fonts/');
    expect(served.html).not.toContain('iepkit.invalid');
  });

  it('gives diagnostics only for text that does not parse', async () => {
    const result = await previewDraft('student: [unclosed');
    expect(result.html).toBeUndefined();
    expect(result.diagnostics[0]?.code).toBe('syntax-error');
  });
});

describe('previewDraft with very many problems', () => {
  it('shows the first of one repeated mistake and a count for the rest', async () => {
    const extra = Array.from({ length: 200 }, (_, i) => `  extra${i}: 1`).join('\n');
    const { diagnostics } = await previewDraft(minimalText.replace('student:\n', `student:\n${extra}\n`));
    const unknown = diagnostics.filter((d) => d.code === 'unknown-field');
    expect(unknown.length).toBe(21);
    expect(unknown.find((d) => d.more !== undefined)?.more).toBe(180);
  });
});
