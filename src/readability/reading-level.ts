/**
 * Reading level: the Flesch-Kincaid grade level of English text, per section, against a target grade.
 *
 *   grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59
 *
 * Syllables are counted with wooorm's `syllable`; numbers are counted as they are read aloud ("62" is "sixty-two",
 * three syllables), since the package counts digits as none. Sentences are split so that abbreviations (Dr., Ms.,
 * e.g., i.e., a.m.), decimals (3.5) and initials do not end a sentence, and list items and paragraphs without a
 * final period do. The formula is for English: run it on the English text only.
 */
import { syllable } from 'syllable';

/** Abbreviations that never end a sentence (titles, "e.g."), compared lowercased without the final period. */
const NEVER_FINAL = new Set([
  'dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'st', 'rev', 'hon', 'gov', 'sen', 'gen', 'capt', 'lt', 'sgt',
  'e.g', 'i.e', 'cf', 'vs', 'viz', 'approx', 'fig', 'nos', 'vol', 'pp', 'dept', 'univ',
  'jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'tues', 'thurs',
]);
/**
 * Other abbreviations (a.m., p.m., etc., Jr., min.) end a sentence only when the next word starts with a capital
 * or a digit, the same rule as for any word, so "at 9 a.m. in room 4" stays one sentence.
 */
const CLOSERS = `"'\u201d\u2019)]}`;
const LIST_MARKER = /^\s*(?:[-*+\u2022\u2013]|\d{1,3}[.)]|[a-z][.)]|[A-Z]\))\s+/;

/**
 * Splits text into sentences. Paragraphs (blank lines) and list items (lines starting with -, *, •, 1., a)) are
 * always separate sentences, with or without a period; other line breaks are soft wraps, as in Markdown.
 */
export function splitSentences(text: string): string[] {
  const units: string[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n\s*/)) {
    let current: string[] = [];
    const flush = () => {
      if (current.length) units.push(current.join(' '));
      current = [];
    };
    for (const rawLine of block.split('\n')) {
      const line = rawLine.trim();
      if (!line) continue;
      const marker = LIST_MARKER.exec(line);
      if (marker) {
        flush();
        current.push(line.slice(marker[0].length));
      } else current.push(line);
    }
    flush();
  }
  return units.flatMap(splitUnit);
}

function splitUnit(unit: string): string[] {
  const tokens = unit.split(/\s+/).filter(Boolean);
  const sentences: string[] = [];
  let current: string[] = [];
  tokens.forEach((token, i) => {
    current.push(token);
    const next = tokens[i + 1];
    if (endsSentence(token, next)) {
      sentences.push(current.join(' '));
      current = [];
    }
  });
  if (current.length) sentences.push(current.join(' '));
  return sentences.filter((s) => countWords(s) > 0);
}

function endsSentence(token: string, next: string | undefined): boolean {
  let core = token;
  while (core.length > 0 && CLOSERS.includes(core[core.length - 1]!)) core = core.slice(0, -1);
  if (!/[.!?\u2026]$/.test(core)) return false;
  if (next === undefined) return true;
  const nextStart = next.replace(/^["'\u201c\u2018([{]+/, '');
  const startsNew = /^[\p{Lu}\p{N}]/u.test(nextStart) || /^["'\u201c\u2018([{]/.test(next);
  if (/[!?\u2026]$/.test(core)) return true;
  // A single period: not after an abbreviation, an initial ("J."), or inside a number ("3.5" never gets here).
  const word = core.replace(/^["'\u201c\u2018([{]+/, '').slice(0, -1).toLowerCase();
  if (/\.\.$/.test(core)) return startsNew; // an ellipsis written as dots
  if (NEVER_FINAL.has(word)) return false;
  if (/^\p{L}$/u.test(word)) return false; // an initial: "J. Smith"
  return startsNew;
}

/** The words of a text: whitespace-separated tokens (and parts of "word—word", "and/or") that hold a letter or digit. */
export function words(text: string): string[] {
  return text
    .split(/[\s\u2013\u2014/]+/)
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}%]+$/gu, ''))
    .filter((t) => /[\p{L}\p{N}]/u.test(t));
}

export function countWords(text: string): number {
  return words(text).length;
}

const ONES = [2, 1, 1, 1, 1, 1, 1, 2, 1, 1]; // zero one two three four five six seven eight nine
const TEENS = [1, 3, 1, 2, 2, 2, 2, 3, 2, 2]; // ten eleven twelve thirteen ... nineteen
const TENS = [0, 0, 2, 2, 2, 2, 2, 3, 2, 2]; // -, -, twenty thirty forty fifty sixty seventy eighty ninety

/** Syllables of a whole number read aloud in English: 62 -> "sixty-two" -> 3. */
function integerSyllables(n: number): number {
  if (n < 10) return ONES[n]!;
  if (n < 20) return TEENS[n - 10]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? ONES[n % 10]! : 0);
  if (n < 1000) return ONES[Math.floor(n / 100)]! + 2 + (n % 100 ? integerSyllables(n % 100) : 0);
  if (n < 1_000_000) return integerSyllables(Math.floor(n / 1000)) + 2 + (n % 1000 ? integerSyllables(n % 1000) : 0);
  return integerSyllables(Math.floor(n / 1_000_000)) + 2 + (n % 1_000_000 ? integerSyllables(n % 1_000_000) : 0);
}

/**
 * Syllables of one word. Letters go to `syllable`; digit runs are read as numbers ("3.5" = "three point five",
 * "2026" = "two thousand twenty-six"), "%" as "percent".
 */
export function countSyllables(word: string): number {
  if (!/\d/.test(word)) return Math.max(1, syllable(word));
  let total = 0;
  for (const part of word.match(/\d+(?:[.,]\d+)*|\p{L}+|%/gu) ?? []) {
    if (part === '%') total += 2;
    else if (/^\d/.test(part)) {
      const [whole = '0', ...decimals] = part.replace(/,(?=\d{3}\b)/g, '').split(/[.,]/);
      total += whole.length > 12 ? whole.length : integerSyllables(Number(whole));
      for (const d of decimals) total += 1 + [...d].reduce((s, digit) => s + ONES[Number(digit)]!, 0); // "point" + digits
    } else total += syllable(part);
  }
  return Math.max(1, total);
}

export interface TextStats {
  words: number;
  sentences: number;
  syllables: number;
}

export function textStats(text: string): TextStats {
  const sentences = splitSentences(text);
  const list = sentences.flatMap(words);
  return { words: list.length, sentences: sentences.length, syllables: list.reduce((s, w) => s + countSyllables(w), 0) };
}

/** Flesch-Kincaid grade from counts; 0 for a text without words. */
export function fleschKincaid({ words, sentences, syllables }: TextStats): number {
  if (words === 0 || sentences === 0) return 0;
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
}

/** The Flesch-Kincaid grade level of an English text (not rounded; can be below 0 for very simple text). */
export function readingGrade(text: string): number {
  return fleschKincaid(textStats(text));
}

export interface ReadingSection {
  id: string;
  title: string;
  text: string;
}

export interface HardSentence {
  text: string;
  /** The sentence's own Flesch-Kincaid grade, rounded to one decimal. */
  grade: number;
  words: number;
}

export interface SectionReading {
  id: string;
  title: string;
  /** Flesch-Kincaid grade of the whole section, rounded to one decimal. */
  grade: number;
  words: number;
  sentences: number;
  syllables: number;
  aboveTarget: boolean;
  /** For sections above the target: the (up to) 3 sentences with the highest grade, hardest first. Else empty. */
  hardest: HardSentence[];
}

export interface ReadingReport {
  target: number;
  sections: SectionReading[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Grades each section against a target grade; sections above it list their 3 hardest sentences. */
export function readingReport(sections: readonly ReadingSection[], target: number): ReadingReport {
  return {
    target,
    sections: sections.map((section) => {
      const stats = textStats(section.text);
      const grade = round1(fleschKincaid(stats));
      const aboveTarget = stats.words > 0 && grade > target;
      return {
        id: section.id,
        title: section.title,
        grade,
        ...stats,
        aboveTarget,
        hardest: aboveTarget ? hardestSentences(section.text, 3) : [],
      };
    }),
  };
}

/** The `count` sentences with the highest per-sentence grade (ties: the longer first, then reading order). */
export function hardestSentences(text: string, count = 3): HardSentence[] {
  return splitSentences(text)
    .map((sentence, order) => {
      const stats = textStats(sentence);
      // A sentence is one sentence even when the splitter would cut it again: grade it as one.
      const grade = fleschKincaid({ ...stats, sentences: 1 });
      return { text: sentence, grade, words: stats.words, order };
    })
    .sort((a, b) => b.grade - a.grade || b.words - a.words || a.order - b.order)
    .slice(0, count)
    .map(({ text: t, grade, words: w }) => ({ text: t, grade: round1(grade), words: w }));
}

/**
 * A Markdown table of a report: section, grade, target, words, sentences, and a note for sections above target
 * ("short sample" when the section has fewer than `minWords` words, where the grade says little).
 */
export function readingReportTable(report: ReadingReport, options: { copy?: string; minWords?: number } = {}): string {
  const head = options.copy ? '| Copy | Section | Grade | Target | Words | Sentences | |' : '| Section | Grade | Target | Words | Sentences | |';
  const rule = options.copy ? '|---|---|---:|---:|---:|---:|---|' : '|---|---:|---:|---:|---:|---|';
  const rows = report.sections.map((s) => {
    const cells = [cell(s.title), s.grade.toFixed(1), String(report.target), String(s.words), String(s.sentences), note(s, options.minWords ?? 0)];
    return `| ${options.copy ? `${cell(options.copy)} | ` : ''}${cells.join(' | ')} |`;
  });
  return [head, rule, ...rows].join('\n') + '\n';
}

function note(s: SectionReading, minWords: number): string {
  if (!s.aboveTarget) return '';
  return s.words < minWords ? 'above target (short sample)' : '**above target**';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}
