/**
 * Strength-first, as the composed tree shows it for every bundled example: the family copy and the student summary
 * say what the student does well before anything they need; every goal names the strength it builds on, linked to
 * that strength; the official IEP prints each domain as description, then strengths, then needs (the NY form under
 * its own prompts for each).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { DOMAIN_KEYS, type Iep } from '../../src/model/iep.js';
import { allNodes, EXAMPLES, errorsOf, loadExample, nodeText, ROOT, squash, treeHeadings, treeText, type TreeNode } from '../e2e/helpers.js';

const en = (ns: string) => JSON.parse(readFileSync(path.join(ROOT, 'locales', 'en', `${ns}.json`), 'utf8')) as Record<string, any>;
const COMMON = en('common');
const FAMILY = en('family');
const STUDENT = en('student');
const NY_FORM = en('ny-form');

/** English text of a narrative field (the examples carry translations beside it). */
const english = (text: Iep['parentConcerns']): string => squash(typeof text === 'string' ? text : text.en);

function strengthsOf(iep: Iep): { id: string; text: string }[] {
  return DOMAIN_KEYS.flatMap((d) => (iep.presentLevels[d].strengths ?? []).map((s) => ({ id: s.id, text: english(s.text) })));
}
function strengthLikeOf(iep: Iep): Map<string, string> {
  const all = DOMAIN_KEYS.flatMap((d) => (['strengths', 'interests', 'preferences'] as const).flatMap((list) => iep.presentLevels[d][list] ?? []));
  return new Map(all.map((s) => [s.id, english(s.text)]));
}
const needsOf = (iep: Iep): string[] => DOMAIN_KEYS.flatMap((d) => iep.presentLevels[d].needs.map(english));

function compose(iep: Iep, layout: 'official' | 'family' | 'student', profile: 'ny' | 'federal' = 'ny') {
  const composed = composeDocument(iep, { layout, profile, lang: 'en' });
  expect(errorsOf(composed.diagnostics)).toEqual([]);
  const body = composed.document!.body as TreeNode;
  return { body, text: squash(treeText(body)) };
}

const directives = (root: TreeNode, name: string) => allNodes(root).filter((n) => n.type.endsWith('Directive') && n.name === name);

describe.each(EXAMPLES)('strength-first: %s', (example) => {
  const iep = loadExample(example);
  const strengths = strengthsOf(iep);
  const needs = needsOf(iep);
  const strengthText = strengthLikeOf(iep);

  it('the example has strengths, needs and goals to test with', () => {
    expect(strengths.length).toBeGreaterThan(0);
    expect(needs.length).toBeGreaterThan(0);
    expect(iep.goals.length).toBeGreaterThan(0);
  });

  describe('family copy', () => {
    const { body, text } = compose(iep, 'family');

    it('states every strength before the first need', () => {
      const strengthAt = strengths.map((s) => text.indexOf(s.text));
      const needAt = needs.map((n) => text.indexOf(n));
      expect(strengthAt, 'every strength is printed').not.toContain(-1);
      expect(needAt, 'every need is printed').not.toContain(-1);
      expect(strengthAt[0]).toBeLessThan(Math.min(...needAt));
      expect(Math.max(...strengthAt)).toBeLessThan(Math.min(...needAt));
    });

    it('follows every goal with a "Builds on" note naming one of the strengths it builds on, linked to it', () => {
      const goalBlocks = directives(body, 'keep');
      const anchors = new Set(directives(body, 'strength').map((s) => s.attributes?.id));
      expect(goalBlocks).toHaveLength(iep.goals.length);
      iep.goals.forEach((goal, i) => {
        const block = goalBlocks[i]!;
        const heading = treeHeadings(block)[0];
        expect(heading?.text).toMatch(new RegExp(`^Goal ${i + 1}\\b`));
        expect(nodeText(block)).toContain(english(goal.goal));
        const notes = directives(block, 'buildson');
        expect(notes.length, `goal ${i + 1} has a builds-on note`).toBeGreaterThan(0);
        // The note comes after the goal's own text: it is the last thing in the block.
        expect(block.children!.at(-1)?.name).toBe('buildson');
        for (const note of notes) {
          const ref = note.attributes?.ref ?? '';
          expect(goal.buildsOn).toContain(ref);
          expect(nodeText(note)).toBe(`${FAMILY.buildsOn}: ${strengthText.get(ref)}`);
          expect(anchors.has(ref), `the strength "${ref}" the note links to is printed with its anchor`).toBe(true);
        }
      });
    });
  });

  describe('student summary', () => {
    const { body, text } = compose(iep, 'student');

    it('states the first strength before any need', () => {
      const first = text.indexOf(strengths[0]!.text);
      expect(first).toBeGreaterThan(-1);
      for (const need of needs) {
        const at = text.indexOf(need);
        if (at !== -1) expect(at).toBeGreaterThan(first);
      }
    });

    it(`gives every goal it shows a "${STUDENT.buildsOn}" note naming a strength the goal builds on`, () => {
      const goalList = allNodes(body).find((n) => n.type === 'list' && (n as { ordered?: boolean }).ordered);
      expect(goalList, 'the goals are a numbered list').toBeDefined();
      const items = goalList!.children!;
      expect(items.length).toBeGreaterThan(0);
      const shownAnchors = new Set(directives(body, 'strength').map((s) => s.attributes?.id));
      for (const item of items) {
        const goal = iep.goals.find((g) => nodeText(item).startsWith(english(g.studentVersion ?? g.goal)));
        expect(goal, `list item "${nodeText(item).slice(0, 60)}" is one of the IEP's goals`).toBeDefined();
        const notes = directives(item, 'buildson');
        expect(notes).toHaveLength(1);
        const note = notes[0]!;
        const named = goal!.buildsOn.filter((id) => nodeText(note) === `${STUDENT.buildsOn}: ${strengthText.get(id)}`);
        expect(named, `the note under "${goal!.id}" names one of its strengths`).toHaveLength(1);
        // Linked when that strength is on the page; never linked to a strength the summary left out.
        const ref = note.attributes?.ref ?? '';
        expect(ref === named[0] || ref === '').toBe(true);
        expect(ref === '' ? !shownAnchors.has(named[0]) : shownAnchors.has(ref)).toBe(true);
      }
    });
  });

  describe('official IEP (ny): the State form', () => {
    const { body } = compose(iep, 'official', 'ny');
    const children = body.children!;

    it.each(DOMAIN_KEYS)("prints the %s domain under the form's prompts: its levels, then strengths, preferences and interests, then needs", (domain) => {
      const prompts = NY_FORM['present-levels'][domain];
      const start = children.findIndex((n) => n.type === 'heading' && n.depth === 3 && nodeText(n) === prompts.heading);
      expect(start, `heading "${prompts.heading}"`).toBeGreaterThan(-1);
      const end = children.findIndex((n, i) => i > start && n.type === 'heading' && (n.depth ?? 0) <= 3);
      const text = squash(children.slice(start, end).map((n) => treeText(n)).join('\n'));
      const at = [prompts.levels, prompts.strengths, prompts.needs].map((p: string) => text.indexOf(squash(p)));
      expect(at, 'each prompt is printed').not.toContain(-1);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      const d = iep.presentLevels[domain];
      const between = (t: string, from: number, to: number) => {
        const i = text.indexOf(t);
        return i > from && i < to;
      };
      expect(between(english(d.description), at[0]!, at[1]!), 'the description under the levels prompt').toBe(true);
      for (const s of [...(d.strengths ?? []), ...(d.preferences ?? []), ...(d.interests ?? [])]) expect(between(english(s.text), at[1]!, at[2]!), english(s.text)).toBe(true);
      for (const n of d.needs) expect(between(english(n), at[2]!, Infinity), english(n)).toBe(true);
    });
  });

  describe.each(['federal'] as const)('official IEP (%s)', (profile) => {
    const { body } = compose(iep, 'official', profile);
    const headings = treeHeadings(body);

    it.each(DOMAIN_KEYS)('prints the %s domain as description, then strengths, then needs', (domain) => {
      const start = headings.findIndex((h) => h.depth === 3 && h.text === COMMON.domain[domain]);
      expect(start, `heading "${COMMON.domain[domain]}"`).toBeGreaterThan(-1);
      const end = headings.findIndex((h, i) => i > start && h.depth <= 3);
      const parts = headings.slice(start + 1, end === -1 ? undefined : end).filter((h) => h.depth === 4).map((h) => h.text);
      const expected = [COMMON.domainPart.description];
      if ((iep.presentLevels[domain].strengths ?? []).length > 0) expected.push(COMMON.domainPart.strengths);
      if (iep.presentLevels[domain].needs.length > 0) expected.push(COMMON.domainPart.needs);
      const positions = expected.map((label) => parts.indexOf(label));
      expect(positions, `parts of ${domain}: ${parts.join(' / ')}`).not.toContain(-1);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      // Description first of all parts.
      expect(parts[0]).toBe(COMMON.domainPart.description);
    });
  });
});
