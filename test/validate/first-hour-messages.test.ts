/**
 * Issue 21 part 6: the mistakes of a person's first hour writing an IEP file by hand, each read by the real loader
 * (decode, parse with positions, validate), each answered with the line to type instead, at the line and column
 * of the mistake.
 */
import { describe, expect, it } from 'vitest';
import { loadIep } from '../../src/validate/load-iep.js';
import { CATALOG } from '../../src/model/diagnostic-catalog.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { editMinimal, positionOf } from '../load/minimal-text.js';

const FILE = 'ana.iep.yaml';

/** The one diagnostic loading `text` gives; the record must be refused, and the code must be in the catalog. */
function only(text: string): Diagnostic {
  const result = loadIep(text, { file: FILE });
  expect(result.iep).toBeUndefined();
  expect(result.diagnostics).toHaveLength(1);
  const d = result.diagnostics[0]!;
  expect(d.file).toBe(FILE);
  expect(CATALOG).toHaveProperty(d.code);
  return d;
}

describe('a number where text is wanted', () => {
  it('grade: 5 -> write "5" (in quotes)', () => {
    const text = editMinimal(['  grade: "3"', '  grade: 5']);
    const d = only(text);
    expect(d).toMatchObject({ code: 'wrong-type', path: 'student.grade', ...positionOf(text, '  grade: ', '5') });
    expect(d.message).toBe('student.grade must be text, but it is number 5');
    expect(d.hint).toMatch(/^write "5" \(in quotes\): grade: "5"; /);
  });

  it('quotes the digits as typed: an ID with a leading zero keeps it', () => {
    const text = editMinimal(['  id: "T0001"', '  id: 0012345']);
    const d = only(text);
    expect(d).toMatchObject({ code: 'wrong-type', path: 'student.id', ...positionOf(text, '  id: ', '0012345') });
    expect(d.hint).toMatch(/^write "0012345" \(in quotes\): id: "0012345"/);
  });

  it('narrative text given a number is text in quotes too', () => {
    const text = editMinimal(['parentConcerns: We want Ana to enjoy reading.', 'parentConcerns: 42']);
    const d = only(text);
    expect(d).toMatchObject({ code: 'wrong-type', path: 'parentConcerns', ...positionOf(text, 'parentConcerns: ', '42') });
    expect(d.hint).toMatch(/^write "42" \(in quotes\): parentConcerns: "42"/);
  });
});

describe("a language's name where its code is wanted", () => {
  const cases: [written: string, code: string][] = [
    ['Bengali', 'bn'],
    ['বাংলা', 'bn'],
    ['Spanish', 'es'],
    ['Español', 'es'],
    ['espanol', 'es'],
    ['Haitian Creole', 'ht'],
    ['Kreyòl ayisyen', 'ht'],
    ['العربية', 'ar'],
    ['اردو', 'ur'],
    ['Русский', 'ru'],
    ['한국어', 'ko'],
    ['Français', 'fr'],
    ['繁體中文', 'zh-Hant'],
    ['Simplified Chinese', 'zh-Hans'],
    ['Bengli', 'bn'],
    ['ES', 'es'],
  ];
  it.each(cases)('homeLanguage: %s -> did you mean %s?', (written, code) => {
    const text = editMinimal(['  homeLanguage: en', `  homeLanguage: ${written}`]);
    const d = only(text);
    expect(d).toMatchObject({ code: 'invalid-format', path: 'student.homeLanguage', ...positionOf(text, '  homeLanguage: ', written) });
    expect(d.message).toBe(`student.homeLanguage must be a language code such as es or bn, but it is ${JSON.stringify(written)}`);
    expect(d.hint).toBe(`did you mean ${code}? write the language's code, not its name: homeLanguage: ${code}`);
  });

  it("a guardian's preferredLanguage: Spanish -> did you mean es?", () => {
    const text = editMinimal(['      preferredLanguage: en', '      preferredLanguage: Spanish']);
    const d = only(text);
    expect(d).toMatchObject({ path: 'student.guardians[0].preferredLanguage', ...positionOf(text, '      preferredLanguage: ', 'Spanish') });
    expect(d.hint).toMatch(/^did you mean es\?/);
  });

  it('Chinese without a script asks which of the two', () => {
    const d = only(editMinimal(['  homeLanguage: en', '  homeLanguage: Chinese']));
    expect(d.hint).toMatch(/^did you mean zh-Hans or zh-Hant\? .*zh-Hans for Simplified characters, zh-Hant for Traditional/);
  });

  it('a language iepkit has no name for keeps the general message', () => {
    const d = only(editMinimal(['  homeLanguage: en', '  homeLanguage: Tagalog']));
    expect(d.code).toBe('invalid-format');
    expect(d.hint).not.toMatch(/did you mean/);
  });
});

describe('a translation map broken by an unquoted comma or colon', () => {
  it('a comma in { en: ... } cuts the text: quote it', () => {
    const text = editMinimal(['parentConcerns: We want Ana to enjoy reading.', 'parentConcerns: { en: We want Ana to read, write and enjoy it, es: Queremos que Ana lea }']);
    const d = only(text);
    expect(d).toMatchObject({ code: 'text-needs-quotes', path: 'parentConcerns["write and enjoy it"]', ...positionOf(text, 'to read, ', 'write') });
    expect(d.message).toBe('the en text of parentConcerns was cut at a comma: YAML read "write and enjoy it" as a field of its own');
    expect(d.hint).toBe('put the text in double quotes: en: "We want Ana to read, write and enjoy it"');
  });

  it('several commas give one message with the whole text', () => {
    const text = editMinimal(['parentConcerns: We want Ana to enjoy reading.', 'parentConcerns: { en: Reading, writing, math }']);
    const d = only(text);
    expect(d.hint).toBe('put the text in double quotes: en: "Reading, writing, math"');
  });

  it('a comma in a block translation is fine', () => {
    const text = editMinimal(['parentConcerns: We want Ana to enjoy reading.', 'parentConcerns:\n  en: Reads well, likes maps\n  es: Lee bien, le gustan los mapas']);
    const result = loadIep(text, { file: FILE });
    expect(result.diagnostics).toEqual([]);
    expect(result.iep?.parentConcerns).toEqual({ en: 'Reads well, likes maps', es: 'Lee bien, le gustan los mapas' });
  });

  it('summary: en: x -> each language on its own line', () => {
    const text = editMinimal(['parentConcerns: We want Ana to enjoy reading.', 'parentConcerns: en: We want Ana to enjoy reading.']);
    const d = only(text);
    expect(d).toMatchObject({ code: 'text-needs-quotes', ...positionOf(text, 'parentConcerns: ', 'en:') });
    expect(d.message).toBe('parentConcerns: has its en text on the same line; YAML cannot read a translation written there');
    expect(d.hint).toMatch(/^write `parentConcerns:` alone on its line and `en: We want Ana to enjoy reading.` on the next line, indented two more spaces/);
  });

  it('a colon and a space inside plain text: quote it', () => {
    const text = editMinimal(['parentConcerns: We want Ana to enjoy reading.', 'parentConcerns:\n  en: Our wish: Ana enjoys reading']);
    const d = only(text);
    expect(d).toMatchObject({ code: 'text-needs-quotes', ...positionOf(text, '  en: ', 'Our wish') });
    expect(d.message).toBe('the text of en has a colon followed by a space ("Our wish: ..."), so YAML reads "Our wish" as the name of a field');
    expect(d.hint).toBe('put the text in double quotes: en: "Our wish: Ana enjoys reading"');
  });

  it("an apostrophe before the colon changes nothing", () => {
    const text = editMinimal(['parentConcerns: We want Ana to enjoy reading.', "parentConcerns: Ana's wish: more books"]);
    const d = only(text);
    expect(d.code).toBe('text-needs-quotes');
    expect(d.hint).toBe(`put the text in double quotes: parentConcerns: "Ana's wish: more books"`);
  });

  it('a colon inside { en: ... } too', () => {
    const text = editMinimal(['parentConcerns: We want Ana to enjoy reading.', 'parentConcerns: { en: Note: reading first, es: Nota }']);
    const d = only(text);
    expect(d).toMatchObject({ code: 'text-needs-quotes', ...positionOf(text, '{ en: ', 'Note') });
    expect(d.hint).toBe('put the text in double quotes: en: "Note: reading first"');
  });
});

describe('dates written another way', () => {
  const cases: [written: string, iso: string, readAs: string][] = [
    ['05/14/2026', '2026-05-14', 'month/day/year'],
    ['5/14/26', '2026-05-14', 'month/day/year'],
    ['14/05/2026', '2026-05-14', 'day/month/year'],
    ['2026/5/14', '2026-05-14', 'year, month, day'],
    ['May 14, 2026', '2026-05-14', 'month day, year'],
    ['14 May 2026', '2026-05-14', 'day month year'],
  ];
  it.each(cases)('date: %s -> write "%s"', (written, iso, readAs) => {
    const text = editMinimal(['  date: "2026-05-14"', `  date: ${written}`]);
    const d = only(text);
    expect(d).toMatchObject({ code: 'invalid-date', path: 'meeting.date', ...positionOf(text, '  date: ', written) });
    expect(d.message).toBe(`meeting.date must be written year-month-day (YYYY-MM-DD), but it is ${JSON.stringify(written)}`);
    expect(d.hint).toBe(`write "${iso}": date: "${iso}" (dates are written year-month-day; ${written} was read as ${readAs})`);
  });

  it('a date that does not exist is still called one', () => {
    const d = only(editMinimal(['  date: "2026-05-14"', '  date: 02/30/2026']));
    expect(d.code).toBe('invalid-date');
    expect(d.message).toBe('meeting.date is not a real calendar date: "02/30/2026"');
  });
});

describe('yes/no where true or false is wanted', () => {
  const cases: [written: string, meant: string][] = [
    ['yes', 'true'],
    ['Yes', 'true'],
    ['no', 'false'],
    ['"true"', 'true'],
    ['"false"', 'false'],
    ['1', 'true'],
  ];
  it.each(cases)('needed: %s -> write %s', (written, meant) => {
    const text = editMinimal(['  languageNeeds: { needed: false }', `  languageNeeds: { needed: ${written} }`]);
    const d = only(text);
    expect(d).toMatchObject({ code: 'wrong-type', path: 'specialFactors.languageNeeds.needed', ...positionOf(text, '{ needed: ', written) });
    expect(d.hint).toMatch(new RegExp(`^write ${meant} .*: needed: ${meant}\\.`));
    if (written.startsWith('"')) expect(d.hint).toContain('without quotes');
    else expect(d.hint).toContain(`iepkit reads only true and false, not ${written}`);
  });
});
