import { LineRuleType } from 'docx';
import type { Language } from '../../model/languages.js';
import { languageLeading } from '../fonts/font-stack.js';
import { lineTwips, twips } from '../theme/docx-styles.js';
import { THEME } from '../theme/tokens.js';

/** Word's w:spacing line attributes: 240ths of a line (auto) or twips (exact). */
export interface LineSpacing {
  line: number;
  lineRule?: (typeof LineRuleType)[keyof typeof LineRuleType];
}

/**
 * A language whose leading is this far above Latin's (languageLeading: Urdu's 1.52; Arabic, Bengali and CJK are at
 * most 1.17) is set in a script whose letters stack far above and below the line (Nastaliq).
 */
const STACKED_SCRIPT_LEADING = 1.5;

/**
 * Word's line spacing for text of `size` half-points set `multiple` single lines apart, in a language.
 *
 * Proportional spacing (auto) multiplies a line's own height, and the two readers disagree on it: Word takes the
 * tallest font's (Noto Nastaliq Urdu's 2.5 em), LibreOffice the Latin font's (about 1.5 em), so Urdu lines overlapped
 * in LibreOffice. A script that stacks (STACKED_SCRIPT_LEADING) gets an exact height instead (THEME.wordStackedLineEms),
 * the same in both readers. Other languages keep proportional spacing: LibreOffice's shorter lines do not collide in
 * their scripts, and a fixed height would lengthen every Arabic, Bengali and CJK copy in it.
 */
export function lineSpacing(lang: Language, size: number, multiple: number): LineSpacing {
  if (languageLeading(lang) < STACKED_SCRIPT_LEADING) return { line: lineTwips(multiple) };
  return { line: twips((size / 2) * multiple * THEME.wordStackedLineEms), lineRule: LineRuleType.EXACT };
}
