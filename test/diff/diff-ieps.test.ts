/**
 * diffIeps on real records: the example amendment pair (examples/mateo-almonte.iep.yaml, version 1, and
 * examples/amendments/mateo-almonte-v2.iep.yaml) and edited copies of version 1.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diffIeps } from '../../src/diff/diff-ieps.js';
import type { Iep } from '../../src/model/iep.js';
import { loadIep } from '../../src/validate/load-iep.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function load(file: string): Iep {
  const loaded = loadIep(readFileSync(`${root}/${file}`), { file });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loaded.iep!;
}

const v1 = load('examples/mateo-almonte.iep.yaml');
const v2 = load('examples/amendments/mateo-almonte-v2.iep.yaml');
const copy = (): Iep => structuredClone(v1);

describe('diffIeps: the example amendment', () => {
  const diff = diffIeps(v1, v2);

  it('names the student and both versions', () => {
    expect(diff).toMatchObject({ studentId: v1.student.id, oldVersion: 1, newVersion: 2 });
  });

  it('lists the three changes of the amendment, each by path, and nothing else', () => {
    expect(diff.changes.map((c) => [c.kind, c.subject, c.path])).toEqual([
      ['added', 'goal', ['goals', 7]],
      ['changed', 'service', ['services', 'related', 2]],
      ['removed', 'accommodation', ['services', 'supplementaryAids', 7]],
    ]);
  });

  it('states the frequency change as one changed service, with minutes a week before and after', () => {
    const speech = diff.changes.find((c) => c.subject === 'service')!;
    expect(speech.fields).toEqual(['frequency']);
    expect(speech.item).toBe('Speech-language therapy (group of 3)');
    expect(speech.summary).toBe('Speech-language therapy (group of 3): frequency 1 -> 2 times a week (30 -> 60 minutes a week)');
    expect(speech.before).toEqual({ frequency: { times: 1, per: 'week' } });
    expect(speech.after).toEqual({ frequency: { times: 2, per: 'week' } });
  });

  it('states the new goal and the ended accommodation in a case manager\'s words', () => {
    expect(diff.changes[0]!.summary).toBe('Goal conversation-starters added (communication)');
    expect((diff.changes[0]!.after as { id: string }).id).toBe('conversation-starters');
    expect(diff.changes[2]!.summary).toBe('Accommodation ended: A seat in a quieter part of the room, near one of his teachers');
  });

  it('does not count the document metadata (version, amendment) as a change', () => {
    expect(diff.changes.some((c) => c.path[0] === 'document')).toBe(false);
  });

  it('lists every service of either version with its minutes a week before and after', () => {
    const count = (iep: Iep) => Object.values(iep.services).reduce((n, list) => n + list.length, 0);
    // Every service of v1 is still there except the seat, and v2 adds none.
    expect(diff.services).toHaveLength(count(v1));
    expect(diff.services).toHaveLength(count(v2) + 1);
    const speech = diff.services.find((s) => s.item === 'Speech-language therapy (group of 3)')!;
    expect(speech).toMatchObject({ list: 'related', path: ['services', 'related', 2], before: 30, after: 60, inBefore: true, inAfter: true });
    const seat = diff.services.find((s) => s.item.startsWith('Accommodation: A seat'))!;
    // Throughout the day, the full school day: 5 days of 300 minutes.
    expect(seat).toMatchObject({ before: 1500, after: undefined, inBefore: true, inAfter: false, path: ['services', 'supplementaryAids', 7] });
    const counseling = diff.services.filter((s) => s.item.startsWith('Counseling services'));
    expect(counseling.map((s) => [s.item, s.before, s.after])).toEqual([
      ['Counseling services (individual)', 30, 30],
      ['Counseling services (group of 3)', 30, 30],
    ]);
  });
});

describe('diffIeps: edited copies', () => {
  it('finds no change between a record and itself', () => {
    const diff = diffIeps(v1, copy());
    expect(diff.changes).toEqual([]);
    expect(diff.services.every((s) => s.before === s.after && s.inBefore && s.inAfter)).toBe(true);
  });

  it('does not count reordered lists as changes', () => {
    const b = copy();
    b.goals.reverse();
    b.services.related.reverse();
    b.services.supplementaryAids.reverse();
    b.team.reverse();
    b.presentLevels.academic.strengths.reverse();
    b.presentLevels.academic.needs.reverse();
    expect(diffIeps(v1, b).changes).toEqual([]);
  });

  it('gives the old path of a changed item that also moved', () => {
    const b = copy();
    b.services.related.reverse();
    const speech = b.services.related.find((s) => s.service === 'speech-language-therapy')!;
    speech.duration = { minutes: 45 };
    const [change] = diffIeps(v1, b).changes;
    const newIndex = b.services.related.indexOf(speech);
    expect(change).toMatchObject({ kind: 'changed', path: ['services', 'related', newIndex], oldPath: ['services', 'related', 2], fields: ['duration'] });
    expect(change!.summary).toBe('Speech-language therapy (group of 3): duration 30 -> 45 minutes (30 -> 45 minutes a week)');
  });

  it('reports a changed translation alone as a field change naming its language', () => {
    const b = copy();
    const criteria = b.goals[0]!.criteria as { en: string; es: string };
    b.goals[0]!.criteria = { ...criteria, es: `${criteria.es} (revisado)` };
    const changes = diffIeps(v1, b).changes;
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      kind: 'changed',
      subject: 'field',
      language: 'es',
      path: ['goals', 0, 'criteria', 'es'],
      before: criteria.es,
      after: `${criteria.es} (revisado)`,
      summary: `Spanish translation changed: Goal ${b.goals[0]!.id}, criteria`,
    });
  });

  it('reports a changed English text as a change of the item, whatever its translations', () => {
    const b = copy();
    b.goals[1]!.criteria = { en: '5 of 5 trials over 4 consecutive weeks', es: '5 de 5 intentos durante 4 semanas seguidas' };
    const changes = diffIeps(v1, b).changes;
    expect(changes.map((c) => [c.kind, c.subject, c.path, c.fields])).toEqual([['changed', 'goal', ['goals', 1], ['criteria']]]);
    expect(changes[0]!.summary).toMatch(new RegExp(`^Goal ${b.goals[1]!.id}: criteria `));
  });

  it('reports a placement change with the new placement', () => {
    const b = copy();
    b.placement.recommendation = { en: 'District school, special class 12:1+1 for English and math, general education classes for the rest of the day' };
    const changes = diffIeps(v1, b).changes;
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'changed', subject: 'placement', path: ['placement', 'recommendation'], fields: ['recommendation'] });
    expect(changes[0]!.summary).toMatch(/^Placement changed: /);
    expect(changes[0]!.summary).toContain('special class 12:1+1');
  });

  it('matches a reworded accommodation to the one it was, as one change of its description', () => {
    const b = copy();
    b.services.supplementaryAids[5]!.description = { en: 'A clear, written role in every group activity and project' };
    const changes = diffIeps(v1, b).changes;
    expect(changes.map((c) => [c.kind, c.subject, c.path, c.fields])).toEqual([
      ['changed', 'accommodation', ['services', 'supplementaryAids', 5], ['description']],
    ]);
  });

  it('states a new service with its schedule, and a meeting date by its name', () => {
    const b = copy();
    b.services.related.push({ ...structuredClone(b.services.related[2]!), service: 'occupational-therapy', description: 'Handwriting and keyboarding', groupSize: 1 });
    b.meeting.annualReviewDate = '2027-03-01';
    const changes = diffIeps(v1, b).changes;
    expect(changes.map((c) => [c.kind, c.subject, c.summary])).toEqual([
      ['changed', 'dates', `Annual review date changed: ${v1.meeting.annualReviewDate} -> 2027-03-01`],
      ['added', 'service', 'Occupational therapy (individual) added: once a week, 30 minutes (30 minutes a week)'],
    ]);
    const diff = diffIeps(v1, b);
    expect(diff.services.find((s) => s.item === 'Occupational therapy (individual)')).toMatchObject({ inBefore: false, inAfter: true, before: undefined, after: 30 });
  });

  it('reports a translation added to an English-only text, naming the language', () => {
    const b = copy();
    const english = typeof v1.parentConcerns === 'string' ? v1.parentConcerns : v1.parentConcerns.en;
    const a = structuredClone(v1);
    a.parentConcerns = english;
    b.parentConcerns = { en: english, ht: 'Paran yo vle...' };
    expect(diffIeps(a, b).changes).toEqual([
      {
        kind: 'added',
        subject: 'field',
        path: ['parentConcerns', 'ht'],
        item: 'Parent concerns',
        language: 'ht',
        fields: ['ht'],
        summary: 'Haitian Creole translation added: Parent concerns',
        after: 'Paran yo vle...',
      },
    ]);
  });

  it('matches a program whose subject changed to the one it was, by its other fields', () => {
    const b = copy();
    const science = b.services.specialEducation.findIndex((s) => (s.subject as { en: string }).en === 'Science');
    b.services.specialEducation[science]!.subject = { en: 'Science and technology' };
    const changes = diffIeps(v1, b).changes;
    expect(changes.map((c) => [c.kind, c.path, c.fields])).toEqual([['changed', ['services', 'specialEducation', science], ['subject']]]);
    expect(changes[0]!.summary).toBe('Integrated co-teaching services (Science and technology): subject Science -> "Science and technology"');
  });

  it('names items of nested lists and whole goals removed, in the order of the record', () => {
    const b = copy();
    b.presentLevels.social.strengths.push({ id: 'chess', text: 'Plays chess at lunch' });
    const removed = b.goals.splice(2, 1)[0]!;
    b.team[0]!.attended = !b.team[0]!.attended;
    const changes = diffIeps(v1, b).changes;
    expect(changes.map((c) => [c.kind, c.subject, c.path, c.summary])).toEqual([
      ['changed', 'team', ['team', 0], expect.stringMatching(/^Team member .*: attended (yes -> no|no -> yes)$/)],
      ['added', 'present-levels', ['presentLevels', 'social', 'strengths', v1.presentLevels.social.strengths.length], 'Present levels, social strength chess added'],
      ['removed', 'goal', ['goals', 2], expect.stringMatching(new RegExp(`^Goal ${removed.id} removed \\(`))],
    ]);
  });

  it('reports a reworded line of a list of texts as one changed line, with what it was', () => {
    const b = copy();
    const need = b.presentLevels.social.needs[0]!;
    const english = typeof need === 'string' ? need : need.en;
    b.presentLevels.social.needs[0] = `${english.replace(/\.$/, '')}, with a peer.`;
    const changes = diffIeps(v1, b).changes;
    expect(changes.map((c) => [c.kind, c.subject, c.path, c.fields])).toEqual([['changed', 'present-levels', ['presentLevels', 'social', 'needs', 0], []]]);
    // The line shows the words that changed, not only the start of a long text.
    const lastWord = english.replace(/\.$/, '').split(' ').at(-1)!;
    expect(changes[0]!.summary).toMatch(/^Present levels, social need .*: reworded "\.\.\.[^"]+" -> "\.\.\.[^"]+, with a peer\."$/);
    expect(changes[0]!.summary).toContain(`${lastWord}." -> "`);
  });

  it('ignores the document status and version', () => {
    const b = copy();
    b.document = { ...b.document, status: b.document.status === 'draft' ? 'final' : 'draft', version: 3 };
    expect(diffIeps(v1, b).changes).toEqual([]);
  });
});
