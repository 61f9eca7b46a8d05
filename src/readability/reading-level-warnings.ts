/**
 * Sections of a composed family copy or student summary that read above the layout's target grade: warnings
 * (`reading-level-above-target`) pointing at the IEP field that holds the hardest sentence.
 */
import { formatJsonPath, type Diagnostic, type JsonPath } from '../model/diagnostic.js';
import type { DocumentTree } from '../model/document.js';
import type { Iep } from '../model/iep.js';
import type { ProfileDefinition } from '../model/profiles.js';
import { textFields, type TextField } from '../model/text-fields.js';
import { measureReadingLevel, readingLayoutOf } from './measure-reading-level.js';
import { MIN_WORDS_FOR_WARNING, READING_LAYOUT_NAMES, type ReadingLayout } from './reading-targets.js';

/**
 * A reading-level diagnostic: a `Diagnostic` plus machine-readable details (kept in `--json` output), set on
 * `reading-level-above-target`. Optional, as on LintDiagnostic, so other diagnostics of the check fit the type.
 */
export interface ReadingDiagnostic extends Diagnostic {
  layout?: ReadingLayout;
  /** The section's id (its heading, slugged), its measured grade and the layout's target. */
  section?: string;
  grade?: number;
  target?: number;
  /** The grades are of the composed document, as printed. */
  sectionsFrom?: 'composed';
}

export interface ReadingLevelWarningsOptions {
  /** The file name put on each diagnostic. */
  file?: string;
  /** The line and column of a field in the IEP file (the loader's source map), when known. */
  locate?: (path: JsonPath) => { line?: number; column?: number };
  /** The profile the copy was composed with: a hard sentence from its own text fields (`extensions.<namespace>`) is located there. */
  profile?: Pick<ProfileDefinition, 'extensions'>;
}

/**
 * Warnings for the sections of `document` (composed from `iep` in English) above target. Sections under
 * MIN_WORDS_FOR_WARNING words are left out: the formula says little about a sentence or two.
 */
export function readingLevelWarnings(document: DocumentTree, iep: Iep, options: ReadingLevelWarningsOptions = {}): ReadingDiagnostic[] {
  const layout = readingLayoutOf(document);
  const name = READING_LAYOUT_NAMES[layout];
  const report = measureReadingLevel(document);
  const fields = textFields(iep, undefined, options.profile?.extensions);
  return report.sections
    .filter((reading) => reading.aboveTarget && reading.words >= MIN_WORDS_FOR_WARNING)
    .map((reading) => {
      const field = fieldHolding(fields, reading.hardest[0]?.text ?? '');
      const sentences = reading.hardest.map((h) => `"${clip(h.text)}" (grade ${h.grade.toFixed(1)})`).join('; ');
      return {
        code: 'reading-level-above-target',
        severity: 'warning',
        file: options.file,
        ...(field ? { path: formatJsonPath(field.path), ...options.locate?.(field.path) } : {}),
        message: `the ${name} section "${reading.title}" reads at grade ${reading.grade.toFixed(1)}; the ${name} aims for grade ${report.target} or below`,
        hint:
          `shorten or split the hardest sentences and use everyday words: ${sentences}` +
          (field ? '' : `; the hardest sentence is written by the layout (templates/, locales/) or built from several fields`),
        layout,
        section: reading.id,
        grade: reading.grade,
        target: report.target,
        sectionsFrom: report.from,
      };
    });
}

/**
 * The narrative field a printed sentence comes from: the field whose English text holds the sentence, else the
 * longest field the sentence holds ("On tests: Extended time" holds the field "Extended time").
 */
function fieldHolding(fields: readonly TextField[], sentence: string): TextField | undefined {
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  const whole = squash(sentence);
  // The layout may print a label before the field: "The goal: Ana will ...".
  for (const wanted of [whole, whole.replace(/^[^:]{1,40}:\s+/, '')]) {
    if (!wanted) continue;
    const holding = fields.find((f) => squash(f.text).includes(wanted));
    if (holding) return holding;
  }
  return fields
    .filter((f) => f.text.trim().length >= 12 && whole.includes(squash(f.text)))
    .sort((a, b) => b.text.length - a.text.length)[0];
}

function clip(text: string, max = 140): string {
  return text.length <= max ? text : `${text.slice(0, max - 3).trimEnd()}...`;
}
