import { describe, expect, it } from 'vitest';
import { distinctCodePoints } from '../../../src/render/fonts/distinct-code-points.js';

/** What the font steps had before: the string's characters as a set, in order of first appearance. */
const bySet = (text: string) => [...new Set(text)].map((ch) => ch.codePointAt(0)!);

describe('distinctCodePoints', () => {
  it('gives each code point once, in the order of first appearance, as a set of the characters does', () => {
    const texts = [
      '',
      'Mateo reads at grade level. Mateo reads!',
      'Lectura: 2º grado — “bien”',
      'يقرأ ماتيو 123 في الصف',
      '阅读 읽기 পড়া',
      'emoji 😀😀 and 👩🏽‍🏫 too',
      'lone \uD800 high and \uDC00 low surrogates, and \uD83D at the end \uD83D',
      '\u0000\t\n\u007f\u0080\uFFFF',
    ];
    for (const text of texts) expect([...distinctCodePoints(text)], JSON.stringify(text)).toEqual(bySet(text));
  });

  it('agrees with a set of the characters on random text of every plane', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round++) {
      const units: number[] = [];
      for (let i = 0; i < 60; i++) {
        const pick = random();
        units.push(pick < 0.5 ? Math.floor(random() * 128) : pick < 0.8 ? Math.floor(random() * 0x10000) : 0xd800 + Math.floor(random() * 0x800));
      }
      const text = String.fromCharCode(...units);
      expect([...distinctCodePoints(text)]).toEqual(bySet(text));
    }
  });
});
