/**
 * Deficit wording in narrative fields: every term of src/lint/deficit-terms.ts found in the English text of every
 * `Text` field, with the word, its position and a strength-based rephrasing.
 */
import { formatJsonPath } from '../model/diagnostic.js';
import type { Iep } from '../model/iep.js';
import { findDeficitWording, rewriteDeficit } from './deficit-terms.js';
import type { LintDiagnostic } from './lint-diagnostic.js';
import type { Locator } from './lint-locate.js';
import { textFields } from '../model/text-fields.js';
import type { ProfileDefinition } from '../model/profiles.js';

/**
 * Fields that hold someone's own words. They are quoted as said, so wording found there is reported as information
 * for the team, never as something to fix (and `--strict` does not turn it into an error).
 */
const VOICE_FIELDS: Record<string, string> = {
  studentVoice: "the student's own words",
  parentConcerns: "the parents' own words",
};

/** A profile's own fields marked as someone's words in its extensions schema (`x-iep: student-words`, `parents-words`). */
const EXTENSION_VOICES = { 'student-words': "the student's own words", 'parents-words': "the parents' own words" } as const;

/** @param extensions the profile's own data, whose `x-iep: text` fields are checked as the model's are. */
export function checkWording(iep: Iep, locator: Locator, file?: string, extensions?: ProfileDefinition['extensions']): LintDiagnostic[] {
  const diagnostics: LintDiagnostic[] = [];
  const translated = new Set<string>();
  let translatedFields = 0;
  for (const field of textFields(iep, undefined, extensions)) {
    if (field.translations.length) {
      translatedFields++;
      field.translations.forEach((l) => translated.add(l));
    }
    const last = field.fieldPath[field.fieldPath.length - 1];
    const voice = field.extension ? (field.extension.voice && EXTENSION_VOICES[field.extension.voice]) : typeof last === 'string' ? VOICE_FIELDS[last] : undefined;
    for (const match of findDeficitWording(field.text)) {
      const where = formatJsonPath(field.path);
      // Someone's own words are never rewritten; elsewhere, the field's whole text with this finding rewritten.
      const rewritten = voice ? undefined : rewriteDeficit(field.text, match);
      diagnostics.push({
        code: 'deficit-wording',
        severity: voice ? 'info' : 'warning',
        file,
        path: where,
        ...locator.at(field.path, field.text, match.index),
        message: voice
          ? `${where} says "${match.found}"; these are ${voice}, so keep them as said`
          : `${where} says "${match.found}": ${match.term.why}`,
        hint: voice
          ? `no change needed; if the team writes about this elsewhere: ${match.term.hint}`
          : match.term.hint,
        term: match.term.term,
        found: match.found,
        ...(rewritten !== undefined ? { fix: { path: where, text: rewritten } } : {}),
      });
    }
  }
  if (translated.size > 0) {
    diagnostics.push(englishOnlyNotice([...translated], translatedFields, file));
  }
  return diagnostics;
}

/** The one notice per run that translations are not checked for deficit wording. */
export function englishOnlyNotice(languages: readonly string[], fields: number, file?: string): LintDiagnostic {
  const list = [...new Set(languages)].sort();
  return {
    code: 'wording-check-english-only',
    severity: 'info',
    file,
    path: '',
    message: `the deficit-wording check reads English text only; ${fields} translated field${fields === 1 ? '' : 's'} (${list.join(', ')}) ${fields === 1 ? 'was' : 'were'} not checked`,
    hint: 'ask the translator to carry the strength-based wording over; docs/lint.md lists each term with its rewrite',
    languages: list,
    fields,
  };
}
