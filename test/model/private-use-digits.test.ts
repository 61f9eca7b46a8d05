import { describe, expect, it } from 'vitest';
import { readPrivateUseDigits, writePrivateUseDigits } from '../../src/model/private-use-digits.js';

describe('private-use digits', () => {
  it('write each number in its own base-16 digits, read back to the same number', () => {
    for (const base of [0xe010, 0xe110]) {
      for (const index of [0, 1, 15, 16, 255, 256, 4095, 65_535, 1_000_000]) {
        const digits = writePrivateUseDigits(index, base);
        expect([...digits].every((ch) => ch.charCodeAt(0) >= base && ch.charCodeAt(0) < base + 16), `${index} in ${base}`).toBe(true);
        expect(readPrivateUseDigits(digits, base)).toBe(index);
      }
    }
    expect(writePrivateUseDigits(0, 0xe010)).toBe('\uE010');
    expect(writePrivateUseDigits(0x1f, 0xe010)).toBe('\uE011\uE01F');
  });
});
