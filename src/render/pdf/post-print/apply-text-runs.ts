/**
 * Logical text and passage languages from the page's text runs (./text-runs.ts).
 *
 * Chromium makes one structure element per rendered text node and writes its glyphs in visual order: an Arabic or
 * Urdu run reads backwards when extracted, and glyphs that shaping merged (Arabic ligatures, Bengali conjuncts)
 * map to nothing. Each leaf element is matched, in order, with the text run holding the same letters; where the
 * extracted text differs from the run's, the run's text becomes the element's /ActualText (ISO 32000-1 §14.9.4),
 * and where the run's language differs from the document's, the element gets /Lang (ISO 14289-1 §7.2).
 */
import { ownMarks, type MarkIndex } from './element-text.js';
import { PdfString } from './pdf-objects.js';
import { walkElements, type StructElement, type StructTree } from './struct-tree.js';
import type { TextRun } from './text-runs.js';

/** How far from the last match a partial match (glyphs that map to nothing) is looked for. */
const WINDOW = 12;

export interface TextRunReport {
  leaves: number;
  matched: number;
  actualText: number;
  lang: number;
}

/**
 * Leaves are matched by their letters, not by position alone: Chromium orders some inline runs differently from
 * the DOM (an English passage before its "not yet translated" note in a right-to-left cell), and the same text
 * recurs (that note, a separator). Among runs with the same letters the one nearest the last match is taken;
 * identical letters mean identical text, so a near miss among repeats still gives the right ActualText.
 */
export function applyTextRuns(tree: StructTree, marks: MarkIndex, runs: readonly TextRun[], documentLang: string): TextRunReport {
  // Most leaves show their run's text exactly (left-to-right text): its letters are worked out once.
  const lettersOf = new Map<string, string>();
  const letters = (text: string) => {
    let found = lettersOf.get(text);
    if (found === undefined) lettersOf.set(text, (found = sortedLetters(text)));
    return found;
  };
  const runKeys = runs.map((run) => letters(run.text));
  const leaves = [...walkElements(tree)]
    .map((element) => {
      const own = ownMarks(element, marks);
      return {
        element,
        text: own.map((m) => m.text).join(''),
        // Without the sequences of one or two glyphs: ink of a tall or deep glyph that reached across a page break
        // and was tagged on the other page too.
        core: own.length > 1 ? own.filter((m) => m.glyphs > 2).map((m) => m.text).join('') : undefined,
        unmapped: own.reduce((n, m) => n + m.unmapped, 0),
        silent: own.reduce((n, m) => n + m.silent, 0),
      };
    })
    // List markers (Lbl) come from CSS, not from a text node; white space between inline elements has no run.
    .filter((leaf) => leaf.element.type !== 'Lbl' && (leaf.unmapped > 0 || letters(leaf.text).length > 0));
  const report: TextRunReport = { leaves: leaves.length, matched: 0, actualText: 0, lang: 0 };
  const byKey = new Map<string, number[]>();
  runKeys.forEach((key, i) => {
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  const used = new Uint8Array(runs.length);
  const primary = (tag: string) => tag.toLowerCase().split('-')[0] ?? '';
  let last = -1;
  for (const leaf of leaves) {
    const key = letters(leaf.text);
    let found = nearest(byKey.get(key) ?? [], used, last);
    if (found < 0 && leaf.core !== undefined) found = nearest(byKey.get(letters(leaf.core)) ?? [], used, last);
    if (found < 0 && leaf.unmapped > 0) {
      for (let j = Math.max(0, last - WINDOW); j < Math.min(runs.length, last + WINDOW); j++) {
        if (!used[j] && containsLetters(runKeys[j]!, key, leaf.unmapped)) {
          found = j;
          break;
        }
      }
    }
    if (found < 0) continue;
    used[found] = 1;
    last = found;
    report.matched++;
    const run = runs[found]!;
    // Also where every glyph reads right only through Skia's marked-content spans: glyphs that map to nothing need
    // the element's ActualText (ISO 14289-1 §7.21.7).
    if ((collapse(leaf.text) !== run.text || leaf.silent > 0) && !leaf.element.dict.has('ActualText')) {
      setActualText(leaf.element, run.text);
      report.actualText++;
    }
    if (run.lang && primary(run.lang) !== primary(documentLang) && !inheritsLang(leaf.element, run.lang)) {
      leaf.element.dict.set('Lang', PdfString.fromText(run.lang));
      report.lang++;
    }
  }
  return report;
}

/** The unused candidate nearest after `last` (or, failing that, before it). */
function nearest(candidates: readonly number[], used: Uint8Array, last: number): number {
  let best = -1;
  for (const i of candidates) {
    if (used[i]) continue;
    if (i > last) return i;
    best = i;
  }
  return best;
}

function setActualText(element: StructElement, text: string): void {
  element.dict.set('ActualText', PdfString.fromText(text));
}

function inheritsLang(element: StructElement, lang: string): boolean {
  for (let e: StructElement | undefined = element; e; e = e.parent) {
    const value = e.dict.get('Lang');
    if (value instanceof PdfString) return value.toText() === lang;
  }
  return false;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Whether a run holds every letter the glyphs show, with at most a few more per glyph that maps to nothing (a
 * ligature or conjunct glyph stands for up to four characters). Both sides are sorted letter strings.
 */
function containsLetters(run: string, shown: string, unmapped: number): boolean {
  if (run.length < shown.length || run.length - shown.length > unmapped * 4) return false;
  let i = 0;
  for (const c of shown) {
    while (i < run.length && run[i]! < c) i++;
    if (run[i] !== c) return false;
    i++;
  }
  return true;
}

/** The text's letters, sorted: the same for a run in logical order and its glyphs in visual order. */
function sortedLetters(text: string): string {
  // Printable ASCII (most of an English or Spanish IEP) is its own NFKC form, and its characters sort as their codes.
  if (PRINTABLE_ASCII.test(text)) {
    const codes = Buffer.from(text.toLowerCase().replace(/ /g, ''), 'latin1').sort();
    return codes.toString('latin1');
  }
  // NFKC: Chromium's ToUnicode maps Arabic glyphs to presentation forms (U+FBxx-FExx), the runs hold base letters.
  return sortCharacters(text.normalize('NFKC').toLowerCase().replace(/[\s\u00ad\u200b-\u200f\u2066-\u2069]/g, ''));
}

/**
 * `[...text].sort().join('')` without a string per character: each character (code point) becomes a number that
 * sorts as its UTF-16 string does (first unit, then the second one of a surrogate pair, a lone unit first).
 */
function sortCharacters(text: string): string {
  const keys = new Uint32Array(text.length);
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      keys[count++] = unit * 0x10000 + next;
      i++;
    } else keys[count++] = unit * 0x10000;
  }
  const sorted = keys.subarray(0, count).sort();
  // The sorted UTF-16 units, made a string at once (UTF-16LE bytes: Node copies the units as they are).
  const units = new Uint16Array(text.length);
  let length = 0;
  for (const key of sorted) {
    units[length++] = key >>> 16;
    if (key & 0xffff) units[length++] = key & 0xffff;
  }
  return Buffer.from(units.buffer, 0, length * 2).toString('utf16le');
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
