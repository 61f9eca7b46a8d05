import { describe, expect, it } from 'vitest';
import { addMonths, ageOn, compareDates, dateTurning } from '../../src/rules/calendar.js';
import { isPlaceholder, statesQuantity } from '../../src/rules/text.js';

describe('ages', () => {
  it('turns a year older on the birthday, not the day before', () => {
    expect(ageOn('2011-09-01', '2026-08-31')).toBe(14);
    expect(ageOn('2011-09-01', '2026-09-01')).toBe(15);
    expect(ageOn('2011-09-01', '2027-08-31')).toBe(15);
  });

  it('counts a 29 February birthday on 1 March in common years and on 29 February in leap years', () => {
    expect(dateTurning('2008-02-29', 15)).toBe('2023-03-01');
    expect(dateTurning('2008-02-29', 16)).toBe('2024-02-29');
    expect(ageOn('2008-02-29', '2023-02-28')).toBe(14);
    expect(ageOn('2008-02-29', '2023-03-01')).toBe(15);
    expect(ageOn('2008-02-29', '2024-02-28')).toBe(15);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
  });

  it('handles century years that are not leap years', () => {
    expect(dateTurning('2096-02-29', 4)).toBe('2100-03-01');
    expect(dateTurning('1996-02-29', 4)).toBe('2000-02-29');
  });
});

describe('dates', () => {
  it('adds months, keeping to the end of a shorter month', () => {
    expect(addMonths('2026-05-14', 12)).toBe('2027-05-14');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-05-14', 36)).toBe('2029-05-14');
  });

  it('compares YYYY-MM-DD dates', () => {
    expect(compareDates('2026-09-09', '2026-10-01')).toBeLessThan(0);
    expect(compareDates('2026-09-09', '2026-09-09')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBeGreaterThan(0);
  });
});

describe('placeholders', () => {
  it.each(['N/A', 'n/a.', 'NA', 'None', 'TBD', 'tbd - ask parent', 'See above', '-', '...', '  ', 'To be determined', { en: 'N/A', es: 'No aplica' }])(
    'treats %j as a placeholder',
    (text) => expect(isPlaceholder(text as string)).toBe(true),
  );

  it.each(['Weekly', 'Ana reads grade 2 texts with support.', 'No management needs: Ana works independently.', { en: 'Every two weeks' }])(
    'treats %j as real text',
    (text) => expect(isPlaceholder(text as string)).toBe(false),
  );

  it('finds amounts in goal criteria', () => {
    expect(statesQuantity('4 of 5 trials')).toBe(true);
    expect(statesQuantity('80% accuracy')).toBe(true);
    expect(statesQuantity('three consecutive sessions')).toBe(true);
    expect(statesQuantity('with improvement')).toBe(false);
  });
});
