/**
 * Glossary consistency: where a translated narrative field's English uses a special-education term of the glossary
 * (locales/en/glossary.json) and the translation uses none of that language's forms of the term
 * (locales/<lang>/glossary.json), the translator has used another word; families then read two names for one thing.
 *
 * Each term's `variants` lists its forms (`IEP | IEPs | Individualized Education Program`), separated by ` | `; `*`
 * stands for a word's ending (`цел* | особ* услови*`). English is matched as whole words, ignoring case except for a
 * form in capitals (an acronym). A translation is matched anywhere in the text, so that Arabic's attached و/ب/ال, and
 * Chinese and Korean without spaces between words, still match; case, accents, Arabic vowel marks and the forms of
 * alef are ignored. A longer term wins over a shorter one inside it ("testing accommodations" over "accommodation").
 */
import type { JsonPath } from '../model/diagnostic.js';
import { formatJsonPath } from '../model/diagnostic.js';
import type { Iep } from '../model/iep.js';
import type { Language } from '../model/languages.js';
import { LOCALES_DIR } from '../model/paths.js';
import type { SourceMap } from '../load/source-map.js';
import { loadLocale } from '../i18n/load-locales.js';
import { translationSentences } from './field-segments.js';
import { segmentSentences } from './segment-sentences.js';
import { profileTextFields, translateProfile, type TranslateProfileOptions } from './profile-text-fields.js';
import { escapeRegExp } from '../model/escape-regexp.js';

export interface GlossaryFinding {
  file: string;
  /** The translation's JSON path, e.g. `goals[0].goal.es`. */
  path: string;
  line?: number;
  column?: number;
  /** The glossary key, e.g. `annualGoal`. */
  term: string;
  /** The term as the English writes it. */
  english: string;
  /** The language's glossary term, and the forms that count as using it. */
  expected: string;
  accepted: string[];
  /** The translated sentence that stands where the English sentence with the term is, when the sentences line up. */
  translation?: string;
}

export interface GlossaryReport {
  file: string;
  lang: Language;
  /** Translated fields checked. */
  fields: number;
  findings: GlossaryFinding[];
}

interface GlossaryEntry {
  term?: string;
  variants?: string;
}

export interface GlossaryTerm {
  key: string;
  english: RegExp[];
  expected: string;
  accepted: string[];
  translated: RegExp[];
}

const cache = new Map<string, GlossaryTerm[]>();

/** The glossary's terms for `lang`, their English and translated forms compiled to patterns. */
export function glossaryTerms(lang: Language, localesDir = LOCALES_DIR): GlossaryTerm[] {
  const key = `${localesDir}\0${lang}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const en = (loadLocale('en', localesDir).resources.glossary ?? {}) as Record<string, GlossaryEntry>;
  const own = (loadLocale(lang, localesDir).resources.glossary ?? {}) as Record<string, GlossaryEntry>;
  const terms: GlossaryTerm[] = [];
  for (const [name, entry] of Object.entries(en)) {
    const theirs = own[name];
    if (!entry.variants || !theirs?.variants || !theirs.term) continue;
    const accepted = splitVariants(theirs.variants);
    terms.push({
      key: name,
      english: splitVariants(entry.variants).map(englishPattern),
      expected: theirs.term,
      accepted,
      translated: accepted.map(translatedPattern),
    });
  }
  cache.set(key, terms);
  return terms;
}

/**
 * Checks every narrative field of `iep` that has a translation into `lang`: the model's, and the profile's own text
 * fields (`extensions.<namespace>`) when the profile (`profile`, default the default profile) declares them.
 */
export function glossaryReport(iep: Iep, lang: Language, options: { file: string; sourceMap?: SourceMap; localesDir?: string } & Omit<TranslateProfileOptions, 'localesDir'>): GlossaryReport {
  const terms = glossaryTerms(lang, options.localesDir);
  const findings: GlossaryFinding[] = [];
  let fields = 0;
  for (const field of profileTextFields(iep, translateProfile({ profile: options.profile, templates: options.templates, locales: options.locales, templatesDir: options.templatesDir }))) {
    if (!field.translations.includes(lang)) continue;
    const translation = valueAt(iep, [...field.fieldPath, lang]);
    if (typeof translation !== 'string') continue;
    fields++;
    const path: JsonPath = [...field.fieldPath, lang];
    const at = options.sourceMap?.locate(path);
    const normalized = normalize(translation);
    for (const { term, match } of termsUsed(field.text, terms)) {
      if (term.translated.some((pattern) => pattern.test(normalized))) continue;
      findings.push({
        file: options.file,
        path: formatJsonPath(path),
        ...(at ? { line: at.line, column: at.column } : {}),
        term: term.key,
        english: match[0],
        expected: term.expected,
        accepted: term.accepted,
        ...alignedSentence(field.text, match.index, translation),
      });
    }
  }
  return { file: options.file, lang, fields, findings };
}

/** The terms an English text uses, each once (its first use), a term inside a longer one's match left out. */
function termsUsed(english: string, terms: GlossaryTerm[]): { term: GlossaryTerm; match: RegExpExecArray }[] {
  const found: { term: GlossaryTerm; match: RegExpExecArray }[] = [];
  for (const term of terms) {
    const matches = term.english.map((p) => p.exec(english)).filter((m): m is RegExpExecArray => m !== null);
    if (matches.length) found.push({ term, match: matches.sort((a, b) => a.index - b.index || b[0].length - a[0].length)[0]! });
  }
  const spans = terms.flatMap((term) => term.english.flatMap((p) => [...english.matchAll(new RegExp(p.source, `${p.flags}g`))].map((m) => ({ term, start: m.index, end: m.index + m[0].length }))));
  // A term all of whose uses sit inside another term's longer match ("accommodation" in "testing accommodations").
  return found.filter(({ term }) => {
    const own = spans.filter((s) => s.term === term);
    return own.some((s) => !spans.some((o) => o.term !== term && o.start <= s.start && o.end >= s.end && o.end - o.start > s.end - s.start));
  });
}

/** The translated sentence in the place of the English sentence at `offset`, when both have as many sentences. */
function alignedSentence(english: string, offset: number, translation: string): { translation?: string } {
  const en = segmentSentences(english);
  const tr = translationSentences(translation);
  if (tr.length === 1) return { translation: tr[0] };
  if (en.length !== tr.length) return {};
  let at = 0;
  for (let i = 0; i < en.length; i++) {
    at = english.indexOf(en[i]!, at);
    if (offset >= at && offset < at + en[i]!.length) return { translation: tr[i] };
    at += en[i]!.length;
  }
  return {};
}

function splitVariants(variants: string): string[] {
  return variants
    .split('|')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** A variant as a pattern body: `*` a word's ending, a space any white space. */
const body = (variant: string) => escapeRegExp(variant).replace(/\\\*/g, '[\\p{L}\\p{M}]*').replace(/ +/g, '\\s+');

function englishPattern(variant: string): RegExp {
  const acronym = !/\p{Ll}/u.test(variant);
  return new RegExp(`(?<![\\p{L}\\p{N}])${body(variant)}(?![\\p{L}\\p{N}])`, acronym ? 'u' : 'iu');
}

function translatedPattern(variant: string): RegExp {
  return new RegExp(body(normalize(variant)), 'iu');
}

/**
 * Text as compared: no accents (Latin, Cyrillic), no Arabic vowel marks or tatweel, one alef, one ya, one ha for
 * ta marbuta, one apostrophe, lower case. Applied to both the translation and the glossary's forms.
 */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[’ʼ‘`]/g, "'")
    .normalize('NFC')
    .toLowerCase();
}

function valueAt(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const key of path) node = node === null || typeof node !== 'object' ? undefined : (node as Record<string | number, unknown>)[key];
  return node;
}
