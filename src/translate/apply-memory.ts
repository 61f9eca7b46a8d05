/**
 * Fills an IEP's untranslated narrative fields from the translation memory: a field is filled only when every one of
 * its English sentences is in memory for the language (joined as the language writes sentences, paragraphs kept, as
 * the XLIFF import joins them), and marked with MEMORY_MARK so that a person reviews it. A field the memory covers in
 * part is reported and left alone: a translation half from memory and half in English would read as finished.
 */
import type { Diagnostic, JsonPath } from '../model/diagnostic.js';
import { formatJsonPath, hasErrors } from '../model/diagnostic.js';
import { CATALOG } from '../model/diagnostic-catalog.js';
import type { Language } from '../model/languages.js';
import { loadIep } from '../validate/load-iep.js';
import { addTranslation } from './add-translation.js';
import { fieldSegments, joinSegments } from './field-segments.js';
import { MEMORY_MARK } from './memory-pair.js';
import { extensionProblems, profileTextFields, translateProfile, type TranslateProfileOptions } from './profile-text-fields.js';
import type { TranslationMemory } from './translation-memory.js';

export interface FieldCoverage {
  /** The field's JSON path, e.g. `goals[0].annualGoal`. */
  path: string;
  line?: number;
  /** Its English sentences, and how many of them the memory translates. */
  sentences: number;
  covered: number;
  /** The sentences the memory lacks (for a partly covered field). */
  missing: string[];
}

export interface AppliedMemory {
  /** The record's new text, when a field was filled. */
  source?: string;
  filled: FieldCoverage[];
  partial: FieldCoverage[];
  /** Untranslated fields none of whose sentences are in memory. */
  uncovered: number;
  diagnostics: Diagnostic[];
}

/**
 * @param options the profile the record is read with: its own text fields (`extensions.<namespace>`, `x-iep: text`)
 *   are filled as the model's are, and a fill that breaks its extensions schema is refused as one that breaks the model.
 */
export function applyMemory(source: string, file: string, memory: TranslationMemory, lang: Language, options: TranslateProfileOptions = {}): AppliedMemory {
  const profile = translateProfile(options);
  const loaded = loadIep(source, { file });
  const result: AppliedMemory = { filled: [], partial: [], uncovered: 0, diagnostics: [] };
  if (!loaded.iep || hasErrors(loaded.diagnostics)) return { ...result, diagnostics: loaded.diagnostics };
  const invalid = extensionProblems(loaded.iep, profile, { file, sourceMap: loaded.sourceMap }).filter((d) => d.severity === 'error');
  if (invalid.length > 0) return { ...result, diagnostics: invalid };

  const fills: { fieldPath: JsonPath; text: string; coverage: FieldCoverage }[] = [];
  for (const field of profileTextFields(loaded.iep, profile)) {
    if (field.translations.includes(lang)) continue;
    // Paragraphs of sentences, as the XLIFF export segments them: a filled field keeps its paragraph breaks.
    const paragraphs = fieldSegments(field.text);
    const sentences = paragraphs.flat();
    const found = sentences.map((s) => memory.lookup(s, lang));
    const covered = found.filter((t) => t !== undefined).length;
    if (covered === 0) {
      result.uncovered++;
      continue;
    }
    const coverage: FieldCoverage = {
      path: formatJsonPath(field.fieldPath),
      line: loaded.sourceMap?.locate(field.fieldPath)?.line,
      sentences: sentences.length,
      covered,
      missing: sentences.filter((_, i) => found[i] === undefined),
    };
    if (covered < sentences.length) result.partial.push(coverage);
    else {
      let next = 0;
      const translated = paragraphs.map((p) => p.map(() => found[next++]!));
      fills.push({ fieldPath: field.fieldPath, text: joinSegments(translated, lang), coverage });
    }
  }
  if (fills.length === 0) return result;
  if (/^\s*[[{]/.test(source)) {
    const message = `${fills.length} field${fills.length === 1 ? '' : 's'} could be filled from memory, but a JSON file cannot carry the comment that marks them for review`;
    return { ...result, diagnostics: [{ code: 'memory-not-yaml', severity: 'error', file, path: '', line: 1, column: 1, message, hint: CATALOG['memory-not-yaml'].hint }] };
  }

  // One field at a time, each edit checked; then the whole record validated, and a field whose translation makes it
  // invalid is left out (the others are still filled).
  let refused = new Set<string>();
  for (;;) {
    let text = source;
    const filled: FieldCoverage[] = [];
    const diagnostics: Diagnostic[] = [];
    for (const fill of fills) {
      if (refused.has(fill.coverage.path)) continue;
      const edited = addTranslation(text, fill.fieldPath, lang, fill.text, MEMORY_MARK);
      if (edited === undefined) {
        diagnostics.push(notFilled(file, fill.coverage, 'it is written in a form a line cannot be added to (a flow-style mapping?)'));
        continue;
      }
      text = edited;
      filled.push(fill.coverage);
    }
    const loadedAgain = loadIep(text, { file });
    const check = { diagnostics: [...loadedAgain.diagnostics, ...(loadedAgain.iep ? extensionProblems(loadedAgain.iep, profile, { file, sourceMap: loadedAgain.sourceMap }) : [])] };
    const errors = check.diagnostics.filter((d) => d.severity === 'error');
    // An error in the field, or any finding in the new translation itself (a warning too: an invisible bidi
    // override the documents would drop is not something to write into a record unseen).
    const problemsOf = (f: (typeof fills)[number]) =>
      check.diagnostics.filter((d) => {
        const at = d.path ?? '';
        const inTranslation = at === `${f.coverage.path}.${lang}` || at.startsWith(`${f.coverage.path}.${lang}.`);
        return inTranslation || (d.severity === 'error' && (at === f.coverage.path || at.startsWith(`${f.coverage.path}.`)));
      });
    const culprits = fills.filter((f) => !refused.has(f.coverage.path) && problemsOf(f).length > 0);
    if (errors.length > 0 && culprits.length === 0) {
      // Not one field's fault: nothing is written.
      return { ...result, diagnostics: errors.map((e) => notFilled(file, { path: e.path ?? '', line: e.line }, e.message)) };
    }
    if (culprits.length > 0) {
      refused = new Set([...refused, ...culprits.map((f) => f.coverage.path)]);
      result.diagnostics.push(...culprits.map((f) => notFilled(file, f.coverage, problemsOf(f)[0]!.message)));
      continue;
    }
    return { ...result, source: filled.length > 0 ? text : undefined, filled, diagnostics: [...result.diagnostics, ...diagnostics] };
  }
}

function notFilled(file: string, coverage: Pick<FieldCoverage, 'path' | 'line'>, why: string): Diagnostic {
  return {
    code: 'memory-not-filled',
    severity: 'error',
    file,
    path: coverage.path,
    ...(coverage.line ? { line: coverage.line, column: 1 } : {}),
    message: `${coverage.path} was not filled from memory: ${why}`,
    hint: CATALOG['memory-not-filled'].hint,
  };
}
