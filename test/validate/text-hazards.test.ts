/**
 * Validation reports text that would not print as written (issue 13, parts 4 and 6): invisible characters the
 * documents leave out, warned about at their own line and column, and text too long to print, refused with the line
 * and column of the field instead of a PDF time-out.
 */
import { describe, expect, it } from 'vitest';
import { loadIep } from '../../src/validate/load-iep.js';
import { TEXT_LIMITS } from '../../src/model/text-limits.js';
import { editMinimal, positionOf } from '../load/minimal-text.js';

const load = (text: string) => loadIep(text, { file: 'f.iep.yaml' });

describe('invisible characters', () => {
  it('warns at the line and column of an escaped control character in a double-quoted name, and still gives the record', () => {
    const text = editMinimal(['firstName: Ana', 'firstName: "An\\x01a\\v\\e\\u202EMarie"']);
    const result = load(text);
    expect(result.iep).toBeDefined();
    expect(result.diagnostics).toEqual([
      {
        code: 'invisible-character',
        severity: 'warning',
        file: 'f.iep.yaml',
        path: 'student.firstName',
        ...positionOf(text, 'firstName: "An', '\\x01'),
        message:
          'student.firstName holds 4 invisible characters (U+0001 control character, U+000B LINE TABULATION, U+001B ESCAPE, U+202E RIGHT-TO-LEFT OVERRIDE); documents print the text without them',
        hint: expect.stringContaining('Retype the text'),
      },
    ]);
  });

  it('locates a bidi override written as itself in a plain scalar', () => {
    const text = editMinimal(['school: P.S. 11', 'school: P.S. 1\u202E1']);
    const [d] = load(text).diagnostics;
    expect(d).toMatchObject({ code: 'invisible-character', path: 'student.school', ...positionOf(text, 'school: P.S. 1', '\u202E') });
  });

  it('locates an escaped surrogate pair and a control in JSON', () => {
    const json = JSON.stringify({ note: 'x' }).replace('"x"', '"ok \\uDB40\\uDC41 \\u0007"');
    const text = editMinimal(['school: P.S. 11', `school: ${json.replace(/^\{"note":|\}$/g, '')}`]);
    const [d] = load(text).diagnostics;
    expect(d).toMatchObject({ code: 'invisible-character', message: expect.stringContaining('U+E0041 tag character, U+0007 control character'), ...positionOf(text, '"ok ', '\\uDB40') });
  });

  it('does not report the marks and joiners languages need, nor ordinary line breaks', () => {
    const text = editMinimal(['parentConcerns: We want Ana to enjoy reading.', 'parentConcerns: "র\\u200D্যাব \\u200Fرقم\\u200E\\r\\nnext"']);
    expect(load(text).diagnostics).toEqual([]);
  });
});

describe('text too long', () => {
  it('refuses a 200,000-character field with its line and column, without quoting it', () => {
    const text = editMinimal(['parentConcerns: We want Ana to enjoy reading.', `parentConcerns: ${'x'.repeat(200_000)}`]);
    const result = load(text);
    expect(result.iep).toBeUndefined();
    expect(result.diagnostics).toEqual([
      {
        code: 'text-too-long',
        severity: 'error',
        file: 'f.iep.yaml',
        path: 'parentConcerns',
        ...positionOf(text, 'parentConcerns: ', 'xxx'),
        message: 'parentConcerns is 200,000 characters long; it may hold at most 10,000',
        hint: expect.any(String),
      },
    ]);
  });

  it('limits each translation, names and labels, counting characters (not UTF-16 units)', () => {
    const emoji = '😀'.repeat(TEXT_LIMITS.narrative); // 20,000 UTF-16 units, 10,000 characters: allowed
    const ok = editMinimal(['parentConcerns: We want Ana to enjoy reading.', `parentConcerns: { en: ok, es: "${emoji}" }`]);
    expect(load(ok).diagnostics).toEqual([]);
    const tooLong = editMinimal(
      ['parentConcerns: We want Ana to enjoy reading.', `parentConcerns: { en: ok, es: "${'a'.repeat(TEXT_LIMITS.narrative + 1)}" }`],
      ['firstName: Ana', `firstName: ${'N'.repeat(TEXT_LIMITS.name + 1)}`],
      ['school: P.S. 11', `school: ${'S'.repeat(TEXT_LIMITS.label + 1)}`],
    );
    expect(load(tooLong).diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['text-too-long', 'student.firstName'],
      ['text-too-long', 'student.school'],
      ['text-too-long', 'parentConcerns.es'],
    ]);
  });
});
