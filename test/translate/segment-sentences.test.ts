import { describe, expect, it } from 'vitest';
import { joinSentences, segmentSentences } from '../../src/translate/segment-sentences.js';

describe('segmentSentences', () => {
  it('splits at sentence ends but not after titles, decimals or inside quotes', () => {
    expect(segmentSentences('Dr. Lee tested Maya. She read 3.5 pages (4 of 5 trials). "I can do it!" she said.')).toEqual([
      'Dr. Lee tested Maya.',
      'She read 3.5 pages (4 of 5 trials).',
      '"I can do it!" she said.',
    ]);
  });

  it('gives the one sentence back when there is no sentence end', () => {
    expect(segmentSentences('extended time (1.5x)')).toEqual(['extended time (1.5x)']);
  });

  it('joins with a space, and with none in Chinese', () => {
    expect(joinSentences(['Lee lee.', 'Ok.'], 'es')).toBe('Lee lee. Ok.');
    expect(joinSentences(['她读书。', '很好。'], 'zh-Hans')).toBe('她读书。很好。');
  });
});
