/**
 * The NY official layout is the State's mandatory IEP form, as transcribed in templates/ny/official/form.yaml: for
 * every example, the form part of the composed document (after the optional Student Information Summary) has the
 * transcription's section headings in the form's order, with only the permitted omissions (the annual goals section
 * or the Alternate Section; the two transition sections for students below grade 6 and under 12), each section
 * prints the labels, options and column headers the transcription lists for it, and no heading of iepkit's own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { ageOn } from '../../src/i18n/format.js';
import { readNyFormTranscription } from '../../src/load/read-ny-form-transcription.js';
import type { Iep } from '../../src/model/iep.js';
import type { NyFormSection } from '../../src/model/ny-form.js';
import { loadIep } from '../../src/validate/load-iep.js';
import { allNodes, describeDiagnostics, errorsOf, nodeText, ROOT, squash, treeText, validated, type TreeNode } from '../e2e/helpers.js';

const FORM = readNyFormTranscription();
const SUMMARY = FORM.studentInformationSummary;
const SECTIONS_DIR = path.join(ROOT, 'templates', 'ny', 'official', 'sections');

const EXAMPLE_FILES = readdirSync(path.join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.iep.yaml'))
  .sort();

function loadFile(file: string): Iep {
  const full = path.join(ROOT, 'examples', file);
  const loaded = loadIep(readFileSync(full), { file: full });
  if (!loaded.iep) throw new Error(`${file} does not load:\n${describeDiagnostics(loaded.diagnostics)}`);
  return loaded.iep;
}

/** Transition planning is required from grade 6 or age 12 (NYSED: the sections must appear for middle and secondary students). */
function needsTransitionSections(iep: Iep): boolean {
  const grade = Number.parseInt(iep.student.grade, 10);
  return iep.transition !== undefined || ageOn(iep.student.dateOfBirth, iep.meeting.date) >= 12 || (Number.isInteger(grade) && grade >= 6);
}
const usesAlternateSection = (iep: Iep): boolean => iep.goals.some((g) => (g.objectives?.length ?? 0) > 0);

/** The form's sections this IEP prints, in order: the transcription less what the General Directions let a district delete. */
function expectedSections(iep: Iep): NyFormSection[] {
  const alternate = usesAlternateSection(iep);
  const replaced = new Set(FORM.sections.flatMap((s) => (s.alternativeTo ? [s.alternativeTo] : [])));
  return FORM.sections.filter((s) => {
    if (s.deletable === 'when-not-needed-for-transition' && !needsTransitionSections(iep)) return false;
    if (s.alternativeTo) return alternate;
    if (replaced.has(s.id)) return !alternate;
    return true;
  });
}

const headingsOf = (section: NyFormSection): string[] => [section.heading.text, ...(section.subsections ?? []).map((sub) => sub.heading.text)];

/** Every label, option and column text of a section and its subsections. */
function textsOf(section: NyFormSection): string[] {
  const parts = [section, ...(section.subsections ?? [])];
  return parts.flatMap((p) => [...(p.labels ?? []), ...(p.options ?? []), ...(p.columns ?? [])].map((e) => e.text));
}

const ALL_FORM_HEADINGS = new Set(FORM.sections.flatMap(headingsOf));

function composeNy(iep: Iep) {
  const composed = composeDocument(iep, { layout: 'official', profile: 'ny', lang: 'en' });
  expect(errorsOf(composed.diagnostics)).toEqual([]);
  const children = (composed.document!.body as TreeNode).children!;
  // The form starts with its title, the heading of its first section.
  const formStart = children.findIndex((n) => n.type === 'heading' && nodeText(n) === FORM.sections[0]!.heading.text);
  expect(formStart, 'the form title is printed').toBeGreaterThan(0);
  return { summary: children.slice(0, formStart), form: children.slice(formStart) };
}

const headingTexts = (nodes: TreeNode[]): string[] => nodes.flatMap((n) => allNodes(n)).filter((n) => n.type === 'heading').map(nodeText);
const textOf = (nodes: TreeNode[]): string => squash(nodes.map((n) => treeText(n)).join('\n'));

/** The form's top-level nodes cut at each printed section heading, by section id. */
function formSections(form: TreeNode[], sections: NyFormSection[]): Map<string, TreeNode[]> {
  const starts = sections.map((s) => {
    const at = form.findIndex((n) => n.type === 'heading' && nodeText(n) === s.heading.text);
    expect(at, `the heading of ${s.id}`).toBeGreaterThan(-1);
    return at;
  });
  return new Map(sections.map((s, i) => [s.id, form.slice(starts[i], starts[i + 1] ?? form.length)]));
}

describe.each(EXAMPLE_FILES)('the NY official IEP of %s', (file) => {
  const iep = loadFile(file);
  const sections = expectedSections(iep);
  let composed: ReturnType<typeof composeNy> | undefined;
  // Composed in the first test that needs it, so a layout that fails to compose fails each test, not the file.
  const parts = () => (composed ??= composeNy(iep));

  it("prints the form's section headings in the form's order, with only the permitted omissions", () => {
    const { form } = parts();
    expect(headingTexts(form)).toEqual(sections.flatMap(headingsOf));
  });

  it('prints in each section the labels, check-box options and column headers the transcription lists for it', () => {
    const { form } = parts();
    const cut = formSections(form, sections);
    for (const section of sections) {
      const text = textOf(cut.get(section.id)!);
      for (const label of textsOf(section)) expect(text, `${section.id}: "${label}"`).toContain(squash(label));
    }
  });

  it("heads each section's tables with the transcription's columns, in its order", () => {
    const { form } = parts();
    const cut = formSections(form, sections);
    for (const section of sections.filter((s) => s.columns)) {
      const headerCells = cut
        .get(section.id)!
        .flatMap((n) => allNodes(n))
        .filter((n) => n.type === 'table')
        .flatMap((table) => table.children![0]!.children!.map(nodeText));
      // The columns in order, each found after the one before (the Alternate Section heads the objectives' table anew).
      let at = -1;
      for (const column of section.columns!) {
        at = headerCells.indexOf(column.text, at + 1);
        expect(at, `${section.id}: column "${column.text}" after the one before, in ${headerCells.join(' | ')}`).toBeGreaterThan(-1);
      }
    }
  });

  it('opens with the Student Information Summary, on pages of its own before the form', () => {
    const { summary } = parts();
    expect(summary[0]?.type).toBe('heading');
    expect(nodeText(summary[0]!)).toBe(SUMMARY.heading.text);
    const lastBreak = summary.findLastIndex((n) => n.type === 'leafDirective' && n.name === 'pagebreak');
    expect(lastBreak, 'a page break ends the summary').toBeGreaterThan(0);
    // After that break only the district's identifying line may come before the form's title.
    expect(summary.slice(lastBreak + 1).every((n) => n.type === 'paragraph')).toBe(true);
    // Rows for what the IEP does not record (a district, the student's words) are left out.
    const optional = new Map(SUMMARY.labels!.map((l) => [l.text, l.key]));
    const recorded = (label: string) => !({ district: !iep.student.district, 'student-voice': !iep.studentVoice } as Record<string, boolean>)[optional.get(label) ?? ''];
    for (const label of textsOf(SUMMARY).filter(recorded)) expect(textOf(summary), label).toContain(squash(label));
  });

  it("keeps iepkit's own additions on the summary, out of the form", () => {
    const { summary, form } = parts();
    const english = (t: unknown) => squash(typeof t === 'string' ? t : (t as { en: string }).en);
    const inSummary = textOf(summary);
    const inForm = textOf(form);
    expect(inSummary).toContain(english(iep.parentConcerns));
    expect(inForm).not.toContain(english(iep.parentConcerns));
    if (iep.studentVoice) {
      expect(inSummary).toContain(english(iep.studentVoice));
      expect(inForm).not.toContain(english(iep.studentVoice));
    }
    for (const goal of iep.goals) {
      expect(inSummary).toContain(english(goal.baseline));
      expect(inForm).not.toContain(english(goal.baseline));
    }
    for (const guardian of iep.student.guardians) expect(inForm).not.toContain(guardian.name);
    // The team and their attendance are on the summary; the form has no signature table.
    expect(summary.flatMap((n) => allNodes(n)).some((n) => n.name === 'signatures')).toBe(true);
    expect(form.flatMap((n) => allNodes(n)).some((n) => n.name === 'signatures' || n.name === 'buildson')).toBe(false);
  });
});

describe.each(EXAMPLE_FILES)('no heading of its own on the NY form: %s', (file) => {
  it('prints no heading in the form part that the transcription does not have', () => {
    const { form } = composeNy(loadFile(file));
    expect(headingTexts(form).filter((h) => !ALL_FORM_HEADINGS.has(h))).toEqual([]);
  });
});

describe('the sections the General Directions let a district choose or delete', () => {
  const heading = (id: string) => FORM.sections.find((s) => s.id === id)!.heading.text;
  const transition = [heading('postsecondary-goals'), heading('transition-activities')];
  const maya = loadFile('maya-thompson.iep.yaml');

  it('prints both transition sections for Mateo (grade 7), blank rows and all, though he has no transition plan', () => {
    const mateo = loadFile('mateo-almonte.iep.yaml');
    expect(mateo.student.grade).toBe('7');
    expect(mateo.transition).toBeUndefined();
    const { form } = composeNy(mateo);
    expect(headingTexts(form)).toEqual(expect.arrayContaining(transition));
    const cut = formSections(form, expectedSections(mateo));
    const rows = textOf(cut.get('transition-activities')!);
    for (const label of FORM.sections.find((s) => s.id === 'transition-activities')!.labels!) expect(rows).toContain(label.text);
  });

  it('prints neither transition section for Maya (grade 3, age 9)', () => {
    expect(maya.student.grade).toBe('3');
    const { form } = composeNy(maya);
    for (const h of transition) expect(headingTexts(form)).not.toContain(h);
  });

  it('prints the Alternate Section, with each objective, and not the annual goals section when a goal has objectives', () => {
    const data = structuredClone(maya) as Iep;
    data.goals = data.goals.map(({ objectives: _, ...g }, i) => (i === 0 ? { ...g, objectives: [{ text: 'Maya will read ten vowel-team words.', criteria: '8 of 10 words', method: 'Word probe', schedule: 'Monthly' }] } : g));
    const { form } = composeNy(validated(data));
    const headings = headingTexts(form);
    expect(headings).toContain(heading('alternate-goals'));
    expect(headings).not.toContain(heading('annual-goals'));
    expect(textOf(form)).toContain('Maya will read ten vowel-team words. 8 of 10 words Word probe Monthly');
  });

  it('prints the annual goals section, and not the Alternate Section, when no goal has objectives', () => {
    const data = structuredClone(maya) as Iep;
    data.goals = data.goals.map(({ objectives: _, ...g }) => g);
    const { form } = composeNy(validated(data));
    const headings = headingTexts(form);
    expect(headings).toContain(heading('annual-goals'));
    expect(headings).not.toContain(heading('alternate-goals'));
  });
});

describe('the Student Information Summary', () => {
  it('carries the amendment note, which the form has no place for', () => {
    const data = structuredClone(loadFile('maya-thompson.iep.yaml')) as Iep;
    data.document = { ...data.document, version: 2, amendment: { date: '2026-10-05', amends: 1, summary: 'Speech-language therapy moves to twice a week.', withoutMeeting: true } };
    const { summary, form } = composeNy(validated(data));
    expect(textOf(summary)).toContain('Speech-language therapy moves to twice a week.');
    expect(textOf(form)).not.toContain('Speech-language therapy moves to twice a week.');
  });
});

describe('the NY form templates', () => {
  it('print every text of the form from the ny-form namespace (the summary may use other labels)', () => {
    const others = readdirSync(SECTIONS_DIR)
      .filter((f) => f.endsWith('.md') && f !== `${SUMMARY.id}.md`)
      .flatMap((f) => [...readFileSync(path.join(SECTIONS_DIR, f), 'utf8').matchAll(/\{\{t "([^"]+)"/g)].map((m) => `${f}: ${m[1]}`))
      .filter((k) => !k.split(': ')[1]!.startsWith('ny-form:'));
    expect(others).toEqual([]);
  });
});
