/** The words of one changed field: values before -> after when short, the edited words of a long text. */
import { describe, expect, it } from 'vitest';
import { changedPart, changeWords, fieldLine } from '../../src/diff/field-words.js';

describe('field words', () => {
  it('show the words that changed in a text, with two words around them', () => {
    expect(changedPart('Mateo is learning to show his break card before he feels overwhelmed.', 'Mateo is learning to show his break card before he feels overwhelmed, with a peer.')).toEqual({
      before: '...he feels overwhelmed.',
      after: '...he feels overwhelmed, with a peer.',
    });
    expect(changedPart('Reads aloud to a partner in every class', 'Reads aloud to a teacher in every class')).toEqual({
      before: '...to a partner in every...',
      after: '...to a teacher in every...',
    });
    expect(changedPart('District school, ICT', 'District school, special class')).toEqual({ before: 'District school, ICT', after: 'District school, special class' });
  });

  it('word a service field in a case manager\'s terms', () => {
    expect(changeWords('frequency', { times: 1, per: 'week' }, { times: 2, per: 'week' })).toBe('frequency 1 -> 2 times a week');
    expect(changeWords('frequency', { times: 1, per: 'week' }, 'as-needed')).toBe('frequency once a week -> as needed');
    expect(changeWords('location', 'therapy-room', 'general-education-classroom')).toBe('location Therapy room -> General education classroom');
    expect(changeWords('groupSize', 3, 2)).toBe('group size 3 -> 2');
    expect(changeWords('locationNote', undefined, { en: 'The library' })).toBe('location note added: "The library"');
    expect(changeWords('criteria', 'x'.repeat(80), 'y'.repeat(80))).toBe('criteria changed');
  });

  it('name a field outside a list by its place, a meeting date by its name', () => {
    expect(fieldLine(['meeting', 'annualReviewDate'], '2027-03-11', '2027-04-01')).toBe('Annual review date changed: 2027-03-11 -> 2027-04-01');
    expect(fieldLine(['transportation', 'specialTransportation'], false, true)).toBe('Transportation, special transportation changed: no -> yes');
    expect(fieldLine(['placement', 'recommendation'], 'District school, ICT', 'District school, special class')).toBe('Placement changed: "District school, ICT" -> "District school, special class"');
  });
});
