import { parseDocument } from 'yaml';
import { applyEdit, ApplyEditError } from '../model/apply-edit.js';
import { formatJsonPath, hasErrors, type Diagnostic, type JsonPath } from '../model/diagnostic.js';
import { CATALOG } from '../model/diagnostic-catalog.js';
import { isLanguage, type Language } from '../model/languages.js';
import { lineColumnAt } from '../load/source-map.js';
import { loadIep } from '../validate/load-iep.js';
import { fieldSegments, joinSegments, translationAt } from './field-segments.js';
import { hasMemoryMark, removeMemoryMark } from './memory-mark.js';
import { extensionProblems, profileTextFields, translateProfile, type TranslateProfileOptions } from './profile-text-fields.js';
import type { MemoryPair } from './memory-pair.js';
import { readXliff, type XliffField } from './read-xliff.js';
import { segmentId, unitId, xliffFileName } from './xliff-ids.js';

export interface XliffImport {
  /** The IEP's new text; the text given when anything was refused (an error diagnostic). */
  source: string;
  /** Each translated sentence with its English, for the translation memory. */
  pairs: MemoryPair[];
  diagnostics: Diagnostic[];
  /** The language imported (the XLIFF's target-language). */
  lang?: Language;
  /** JSON paths of the fields whose translation was written or changed. */
  changed: string[];
}

/**
 * Merges an XLIFF file's translations into one IEP's text (YAML or JSON): each field whose every sentence has a
 * target becomes `{ en, <lang> }`, through applyEdit, so comments, key order and hand formatting stay. All or
 * nothing: a unit id that names no field or sentence of this IEP, or an English source that is not the field's
 * English now, is an error located in the XLIFF (line, column) with the unit and the field, and the text comes back
 * unchanged. A field translated in part is left as it was, with a warning. The result is validated as an IEP before
 * it is returned, so what the caller writes always loads; with the profile (`profile`, its folders), whose own text
 * fields (`extensions.<namespace>`) take translations too and whose extensions schema the result must still meet.
 */
export function importXliff(xml: string, file: string, source: string, options: { xliffFile?: string } & TranslateProfileOptions = {}): XliffImport {
  const xliffFile = options.xliffFile ?? '<xliff>';
  const profile = translateProfile(options);
  const unchanged = (diagnostics: Diagnostic[], lang?: Language): XliffImport => ({ source, pairs: [], diagnostics, changed: [], ...(lang ? { lang } : {}) });
  const read = readXliff(xml, xliffFile);
  if (!read.xliff) return unchanged(read.diagnostics);
  const lang = read.xliff.targetLanguage;
  if (!lang || !isLanguage(lang) || lang === 'en') {
    return unchanged([{ code: 'xliff-unreadable', severity: 'error', file: xliffFile, line: 1, column: 1, message: `the XLIFF's target-language is ${lang ? `"${lang}", not a language iepkit translates into` : 'missing'}`, hint: CATALOG['xliff-unreadable'].hint }]);
  }
  const loaded = loadIep(source, { file });
  if (!loaded.iep) return unchanged(loaded.diagnostics, lang);
  const invalidBefore = extensionProblems(loaded.iep, profile, { file, sourceMap: loaded.sourceMap }).filter((d) => d.severity === 'error');
  if (invalidBefore.length > 0) return unchanged(invalidBefore, lang);
  const ownFile = read.xliff.files.get(xliffFileName(file));
  if (!ownFile) {
    const names = [...read.xliff.files.keys()].join(', ') || 'none';
    return unchanged([{ code: 'xliff-no-units', severity: 'error', file: xliffFile, line: 1, column: 1, message: `the XLIFF has no <file original="${xliffFileName(file)}"> (it has: ${names})`, hint: CATALOG['xliff-no-units'].hint }], lang);
  }

  const at = (id: string) => {
    const offset = xml.indexOf(`id="${escapeXml(id)}"`);
    return offset >= 0 ? lineColumnAt(xml, offset) : { line: 1, column: 1 };
  };
  const problem = (code: 'xliff-unknown-unit' | 'xliff-source-changed' | 'xliff-target-markup' | 'xliff-unit-incomplete', id: string, path: string | undefined, message: string): Diagnostic => ({
    code,
    severity: CATALOG[code].severity,
    file: xliffFile,
    ...at(id),
    ...(path !== undefined ? { path } : {}),
    message,
    hint: CATALOG[code].hint,
  });

  const fields = new Map(profileTextFields(loaded.iep, profile).map((f) => [unitId(file, f.fieldPath), f]));
  const diagnostics: Diagnostic[] = [];
  for (const stray of ownFile.strays) diagnostics.push(problem('xliff-unknown-unit', stray, undefined, `unit "${stray}" is not a field of ${xliffFileName(file)} (iepkit writes each field as a <group> of sentences)`));

  const edits: { fieldPath: JsonPath; text: string; segments: { en: string; text: string }[] | undefined }[] = [];
  for (const unit of ownFile.fields) {
    const field = fields.get(unit.id);
    if (!field) {
      // A profile's own field is a unit only when the import reads the record with that profile, as the export did.
      const extension = /#extensions\.([^.[]+)/.exec(unit.id)?.[1];
      const why = extension !== undefined && extension !== profile?.extensions?.namespace
        ? ` in the ${profile?.name ?? 'default'} profile, which ${profile?.extensions ? `keeps its own data under extensions.${profile.extensions.namespace}` : 'declares no extensions'}: import with the --profile the XLIFF was exported with`
        : '';
      diagnostics.push(problem('xliff-unknown-unit', unit.id, undefined, `unit "${unit.id}" names no narrative field of ${xliffFileName(file)}${why}`));
      continue;
    }
    const path = formatJsonPath(field.fieldPath);
    const checked = checkSegments(unit, field.text);
    if ('unknown' in checked) {
      diagnostics.push(problem('xliff-unknown-unit', checked.unknown, path, `unit "${checked.unknown}" is not a sentence of field ${path} (which has ${checked.count} in the export)`));
      continue;
    }
    if ('changed' in checked) {
      diagnostics.push(problem('xliff-source-changed', checked.changed.id, path, `unit "${checked.changed.id}": its English source is not field ${path}'s English now (the XLIFF says "${clip(checked.changed.source)}", the IEP "${clip(checked.changed.now)}")`));
      continue;
    }
    const markup = unit.segments.find((s) => s.markup);
    if (markup) {
      diagnostics.push(problem('xliff-target-markup', markup.id, path, `unit "${markup.id}" (field ${path}): the target holds inline tags, not plain text`));
      continue;
    }
    const control = unit.segments.find((s) => s.target !== undefined && /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s.target));
    if (control) {
      diagnostics.push(problem('xliff-target-markup', control.id, path, `unit "${control.id}" (field ${path}): the target holds a control character`));
      continue;
    }
    const translated = unit.segments.filter((s) => s.target !== undefined).length;
    if (translated === 0) continue;
    if (translated < unit.segments.length) {
      diagnostics.push(problem('xliff-unit-incomplete', unit.id, path, `field ${path}: ${translated} of ${unit.segments.length} sentences translated; the field is left as it was`));
      continue;
    }
    const targets = unit.segments.map((s) => s.target!);
    const text = checked.whole ? targets[0]! : joinSegments(regroup(checked.paragraphs, targets), lang);
    const segments = checked.whole && checked.paragraphs.flat().length > 1 ? undefined : unit.segments.map((s) => ({ en: s.source, text: s.target! }));
    edits.push({ fieldPath: field.fieldPath, text, segments });
  }
  if (hasErrors(diagnostics)) return unchanged(diagnostics, lang);

  let text = source;
  const changed: string[] = [];
  const pairs: MemoryPair[] = [];
  for (const edit of edits) {
    for (const s of edit.segments ?? []) pairs.push({ en: s.en, lang, text: s.text });
    const before = translationAt(loaded.iep, edit.fieldPath, lang);
    const marked = hasMemoryMark(text, edit.fieldPath, lang);
    if (before === edit.text && !marked) continue;
    try {
      text = applyEdit(text, [...edit.fieldPath, lang], edit.text);
    } catch (error) {
      if (!(error instanceof ApplyEditError)) throw error;
      return unchanged([{ code: 'xliff-unknown-unit', severity: 'error', file, path: formatJsonPath(edit.fieldPath), message: `field ${formatJsonPath(edit.fieldPath)} could not take the translation: ${error.message}` }], lang);
    }
    // A person has now given this translation: the memory's mark comes off (only if the record reads the same without it).
    if (marked) {
      const unmarked = removeMemoryMark(text, edit.fieldPath, lang);
      if (sameRecord(unmarked, text)) text = unmarked;
    }
    changed.push(formatJsonPath(edit.fieldPath));
  }
  const check = loadIep(text, { file });
  if (hasErrors(check.diagnostics)) return unchanged(check.diagnostics, lang);
  // The profile's schema may ask more of its fields than the model's text does: a translation that breaks it is refused.
  const invalid = extensionProblems(check.iep, profile, { file, sourceMap: check.sourceMap }).filter((d) => d.severity === 'error');
  if (invalid.length > 0) return unchanged(invalid.map((d) => ({ ...d, message: `the translation would make the record invalid for the ${profile!.name} profile: ${d.message}` })), lang);
  return { source: text, pairs, diagnostics, lang, changed };
}

type Checked =
  | { paragraphs: string[][]; whole: boolean }
  | { unknown: string; count: number }
  | { changed: { id: string; source: string; now: string } };

/**
 * The XLIFF's units of a field against its English now: one trans-unit per sentence (ids `<group>/1..n`, sources the
 * sentences), or one for the whole field (how a translation that could not be split was exported).
 */
function checkSegments(unit: XliffField, english: string): Checked {
  const paragraphs = fieldSegments(english);
  const sentences = paragraphs.flat();
  const whole = unit.segments.length === 1 && sentences.length > 1 && same(unit.segments[0]!.source, english);
  const expected = whole ? [english] : sentences;
  for (const [i, segment] of unit.segments.entries()) {
    if (segment.id !== segmentId(unit.id, i + 1) || i >= expected.length) return { unknown: segment.id, count: sentences.length };
    if (!same(segment.source, expected[i]!)) return { changed: { id: segment.id, source: segment.source, now: expected[i]! } };
  }
  if (unit.segments.length < expected.length) {
    const id = segmentId(unit.id, unit.segments.length + 1);
    return { changed: { id: unit.segments.length ? unit.segments[unit.segments.length - 1]!.id : unit.id, source: `(no unit ${id})`, now: expected[unit.segments.length]! } };
  }
  return { paragraphs, whole };
}

/** Sources compared as a translation tool may give them back: runs of white space are one space. */
const same = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}...` : s);
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The targets in the paragraphs' shape. */
function regroup(paragraphs: readonly string[][], targets: readonly string[]): string[][] {
  let i = 0;
  return paragraphs.map((p) => p.map(() => targets[i++]!));
}

function sameRecord(a: string, b: string): boolean {
  const da = parseDocument(a);
  const db = parseDocument(b);
  return da.errors.length === 0 && JSON.stringify(da.toJS()) === JSON.stringify(db.toJS());
}
