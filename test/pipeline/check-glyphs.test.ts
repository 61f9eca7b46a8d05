/**
 * The glyph check walks every text value a copy prints: the copy's language and the English of a translations map,
 * through arrays and objects, naming each value with a character no bundled font draws by its JSON path.
 */
import { describe, expect, it } from 'vitest';
import { checkGlyphs } from '../../src/pipeline/check-glyphs.js';
import { loadExample } from '../e2e/helpers.js';

/** Maya's record with Ethiopic (no bundled font) in a strength's Spanish, a goal's English and a team member's name. */
function withEthiopic() {
  const iep = loadExample('maya-thompson');
  const strengths = iep.presentLevels.academic.strengths!;
  strengths[1]!.text = { en: 'Maya has a big vocabulary.', es: 'Maya tiene ሀ vocabulario amplio.' };
  iep.team[2]!.name = 'ና Example';
  return iep;
}

describe('checkGlyphs', () => {
  it('names each value by its path, array indexes included, in the copy\'s language and not in others', () => {
    const iep = withEthiopic();
    const spanish = checkGlyphs(iep, 'es');
    // In the record's order (the team comes before the present levels).
    expect(spanish.map((d) => [d.code, d.path])).toEqual([
      ['missing-glyph', 'team[2].name'],
      ['missing-glyph', 'presentLevels.academic.strengths[1].text.es'],
    ]);
    // The English copy prints the English of the translations map: the Spanish is not checked.
    expect(checkGlyphs(iep, 'en').map((d) => d.path)).toEqual(['team[2].name']);
    // Nothing found in the record as it is.
    expect(checkGlyphs(loadExample('maya-thompson'), 'es')).toEqual([]);
  });
});
