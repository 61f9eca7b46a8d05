/**
 * Adding one translation to a YAML record by inserting lines: the new keys at the right column wherever the field
 * is written (under a key, as the first key after a list's dash, as a list item), the English lines kept as written.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addTranslation } from '../../src/translate/add-translation.js';

const MARK = 'iepkit: from translation memory';

describe('addTranslation', () => {
  it("adds under a field that is a list item's first key (after the dash)", () => {
    const source = 'tests:\n  - accommodation: Extended time\n    conditions: On all tests\n';
    expect(addTranslation(source, ['tests', 0, 'accommodation'], 'es', 'Tiempo adicional', MARK)).toBe(
      `tests:\n  - accommodation:\n      en: Extended time\n      es: Tiempo adicional # ${MARK}\n    conditions: On all tests\n`,
    );
  });

  it('turns a list item that is plain text into { en, xx } on the dash line', () => {
    const source = 'needs:\n  - Ana is learning to decode words. # teacher note\n  - Next.\n';
    expect(addTranslation(source, ['needs', 0], 'es', 'Ana aprende a descifrar palabras.', MARK)).toBe(
      `needs:\n  - en: Ana is learning to decode words. # teacher note\n    es: Ana aprende a descifrar palabras. # ${MARK}\n  - Next.\n`,
    );
  });

  it('keeps hand-wrapped English as written, two columns further right, with a folded translation after it', () => {
    const source = 'a:\n  # why\n  description: >-\n    First line of English\n    second line.\n  next: x\n';
    const long = 'Una traducción larga '.repeat(6).trim();
    const out = addTranslation(source, ['a', 'description'], 'es', long, MARK)!;
    expect(out.startsWith('a:\n  # why\n  description:\n    en: >-\n      First line of English\n      second line.\n    es: >- # iepkit')).toBe(true);
    expect(out.endsWith('  next: x\n')).toBe(true);
    expect(parse(out).a).toEqual({ description: { en: 'First line of English second line.', es: long }, next: x() });
  });

  it('adds a line after the last translation of a field that already has some', () => {
    const source = 'f:\n  en: >-\n    Hello\n    there.\n  fr: Bonjour.\ng: 1\n';
    expect(addTranslation(source, ['f'], 'es', 'Hola.', MARK)).toBe(`f:\n  en: >-\n    Hello\n    there.\n  fr: Bonjour.\n  es: Hola. # ${MARK}\ng: 1\n`);
  });

  it('declines what a line cannot be added to (a flow mapping), rather than rewrite it', () => {
    expect(addTranslation('s:\n  - { id: a, text: Ana reads. }\n', ['s', 0, 'text'], 'es', 'Ana lee.', MARK)).toBeUndefined();
  });
});

function x(): string {
  return 'x';
}
