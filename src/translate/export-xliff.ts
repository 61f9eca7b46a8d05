import jsToXliff12 from 'xliff/jsToXliff12';
import type { XliffGroup, XliffUnit } from 'xliff/xliff12ToJs';
import { formatJsonPath } from '../model/diagnostic.js';
import type { Iep } from '../model/iep.js';
import type { Language } from '../model/languages.js';
import { fieldNotes } from './field-notes.js';
import { profileTextFields, translateProfile, type TranslateProfileOptions } from './profile-text-fields.js';
import { fieldSegments, translationAt, translationSentences } from './field-segments.js';
import { hasMemoryMark } from './memory-mark.js';
import { segmentId, unitId, xliffFileName } from './xliff-ids.js';

export interface XliffInput {
  /** The IEP file's path: its name goes into the unit ids and the `<file original>`. */
  file: string;
  iep: Iep;
  /** The file's text, where the translation memory's marks are read from. */
  source: string;
}

export interface XliffExport {
  xml: string;
  /** Narrative fields exported (XLIFF `<group>`s). */
  units: number;
  /** Sentences exported (XLIFF `<trans-unit>`s). */
  segments: number;
}

/**
 * XLIFF 1.2 for a translator (docs/translation.md says why 1.2): one `<file>` per IEP, one `<group>` per narrative
 * field that lacks `lang` (every field with `all`), one `<trans-unit>` per English sentence. Each sentence carries
 * notes with the field's label, its section and the student's first name, nothing else of the record. A translation
 * already in the IEP comes as the targets: sentence by sentence when it splits into as many sentences as the
 * English, else whole in one trans-unit for the whole field (cutting it elsewhere would misalign it). Translations
 * a person gave are `approved="yes"`; those the translation memory filled are `approved="no"`, their target
 * `state="needs-review-translation"`, with a note asking for review. The profile's own text fields
 * (`extensions.<namespace>`, `x-iep: text` in its schema) are units as the model's are, their notes naming the
 * profile and giving the field's description from the schema.
 */
export function exportXliff(inputs: readonly XliffInput[], lang: Language, options: { all?: boolean } & TranslateProfileOptions = {}): XliffExport {
  const profile = translateProfile(options);
  const resources: Record<string, Record<string, XliffGroup>> = {};
  let units = 0;
  let segments = 0;
  for (const { file, iep, source } of inputs) {
    const groups: Record<string, XliffGroup> = {};
    for (const field of profileTextFields(iep, profile)) {
      const translated = field.translations.includes(lang);
      if (translated && !options.all) continue;
      const existing = translated ? translationAt(iep, field.fieldPath, lang) : undefined;
      const fromMemory = existing !== undefined && hasMemoryMark(source, field.fieldPath, lang);
      const { section, label } = fieldNotes(field.fieldPath, field.extension && profile ? { profileName: profile.name } : undefined);
      const notes = [`Field: ${label}`, `Section: ${section}`, ...(field.extension?.description ? [`About this field: ${field.extension.description}`] : []), `Student: ${iep.student.firstName}`];
      if (fromMemory) notes.push('This translation was filled from the translation memory: please review it.');

      const id = unitId(file, field.fieldPath);
      const sentences = fieldSegments(field.text).flat();
      if (sentences.length === 0) continue; // nothing to translate in a blank field
      const aligned = existing === undefined ? undefined : alignTranslation(field.text, sentences, existing);
      const pairs: { source: string; target?: string }[] =
        existing === undefined ? sentences.map((s) => ({ source: s }))
        : aligned ? sentences.map((s, i) => ({ source: s, target: aligned[i]! }))
        : [{ source: field.text, target: existing }];
      if (existing !== undefined && !aligned && sentences.length > 1) {
        notes.push('The translation already in the IEP is given whole, for the whole field.');
      }
      const groupUnits: Record<string, XliffUnit> = {};
      pairs.forEach((pair, i) => {
        groupUnits[segmentId(id, i + 1)] = {
          source: pair.source,
          ...(pair.target !== undefined ? { target: pair.target, additionalAttributes: { approved: fromMemory ? 'no' : 'yes' } } : {}),
          note: notes,
        };
      });
      groups[id] = { groupUnits, additionalAttributes: { resname: formatJsonPath(field.fieldPath) } };
      units++;
      segments += pairs.length;
    }
    resources[xliffFileName(file)] = groups;
  }
  const body = jsToXliff12.jsToXliff12Clb({ sourceLanguage: 'en', targetLanguage: lang, resources }, { indent: '  ', xmlLangAttr: true });
  return { xml: `<?xml version="1.0" encoding="UTF-8"?>\n${markForReview(body)}\n`, units, segments };
}

/**
 * XLIFF 1.2 says "needs review" with `state` on the `<target>`, which the library does not write: added to the
 * targets of the `approved="no"` trans-units (only the memory's), whose source and target are escaped text, so the
 * pattern cannot match inside them.
 */
function markForReview(xml: string): string {
  return xml.replace(/(<trans-unit [^>]*approved="no"[^>]*>\s*<source[^>]*>[^<]*<\/source>\s*<target)\b/g, '$1 state="needs-review-translation"');
}

/** The translation sentence by sentence when it has as many sentences as the English (and one paragraph), else undefined. */
function alignTranslation(english: string, sentences: readonly string[], translation: string): string[] | undefined {
  if (sentences.length === 1) return [translation];
  if (fieldSegments(english).length !== 1) return undefined;
  const parts = translationSentences(translation);
  return parts.length === sentences.length ? parts : undefined;
}
