/**
 * Reading level of the family copy and the student summary: sections above the layout's target grade are warnings
 * (`reading-level-above-target`) pointing at the field with the hardest sentence; `readingLevelsMarkdown` writes the
 * per-section grades of many IEPs as Markdown tables (the `iep readability` command and docs/reading-levels.md).
 */
import { formatJsonPath } from '../model/diagnostic.js';
import type { Iep } from '../model/iep.js';
import type { LintDiagnostic } from '../lint/lint-iep.js';
import type { Locator } from '../lint/lint-locate.js';
import { fleschKincaid, readingReport, readingReportTable, type ReadingReport } from './reading-level.js';
import { textFields, type TextField } from '../model/text-fields.js';
import { READING_LAYOUTS, READING_TARGETS, readingSections, type ReadingLayout } from './reading-sections.js';

const LAYOUT_NAMES: Record<ReadingLayout, string> = { family: 'family copy', student: 'student summary' };

/**
 * Sections shorter than this are graded in reports but not warned about: on a sentence or two the formula mostly
 * measures the student's name and one long word ("Ana loves books about animals." scores grade 7.6).
 */
export const MIN_WORDS_FOR_WARNING = 20;

export function checkReadingLevel(iep: Iep, layout: ReadingLayout, locator: Locator, file?: string): LintDiagnostic[] {
  const { sections, from } = readingSections(iep, layout);
  const report = readingReport(sections, READING_TARGETS[layout]);
  const fields = textFields(iep);
  const diagnostics: LintDiagnostic[] = [];
  report.sections.forEach((reading) => {
    if (!reading.aboveTarget || reading.words < MIN_WORDS_FOR_WARNING) return;
    const field = fieldHolding(fields, reading.hardest[0]?.text ?? '');
    const sentences = reading.hardest.map((h) => `"${clip(h.text)}" (grade ${h.grade.toFixed(1)})`).join('; ');
    diagnostics.push({
      code: 'reading-level-above-target',
      severity: 'warning',
      file,
      ...(field ? { path: formatJsonPath(field.path), ...locator.field(field.path) } : {}),
      message: `the ${LAYOUT_NAMES[layout]} section "${reading.title}" reads at grade ${reading.grade.toFixed(1)}; the ${LAYOUT_NAMES[layout]} aims for grade ${report.target} or below`,
      hint:
        `shorten or split the hardest sentences and use everyday words: ${sentences}` +
        (field ? '' : `; the hardest sentence is written by the layout (templates/, locales/) or built from several fields`),
      layout,
      section: reading.id,
      grade: reading.grade,
      target: report.target,
      sectionsFrom: from,
    });
  });
  return diagnostics;
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

export interface LayoutReadingReport extends ReadingReport {
  /** Whether the sections were read from the composed document or built from the data. */
  from: 'composed' | 'data';
}

/** Reading reports of both layouts of one IEP. */
export function layoutReadingReports(iep: Iep): Record<ReadingLayout, LayoutReadingReport> {
  return Object.fromEntries(
    READING_LAYOUTS.map((layout) => {
      const { sections, from } = readingSections(iep, layout);
      return [layout, { ...readingReport(sections, READING_TARGETS[layout]), from }];
    }),
  ) as Record<ReadingLayout, LayoutReadingReport>;
}

/**
 * Markdown: for each IEP, one table with every section of its family copy and student summary (grade, target,
 * words, sentences), then the hardest sentences of sections above target.
 */
export function readingLevelsMarkdown(entries: readonly { file: string; iep: Iep }[], options: { headingLevel?: number } = {}): string {
  return tablesMarkdown(entries.map(({ file, iep }) => ({ file, reports: layoutReadingReports(iep) })), options.headingLevel ?? 2);
}

function tablesMarkdown(entries: readonly { file: string; reports: Record<ReadingLayout, LayoutReadingReport> }[], level: number): string {
  const h = '#'.repeat(level);
  const out: string[] = [];
  for (const { file, reports } of entries) {
    out.push(`${h} ${file}`, '');
    const tables = READING_LAYOUTS.map((layout) => readingReportTable(reports[layout], { copy: layout, minWords: MIN_WORDS_FOR_WARNING }).trimEnd().split('\n'));
    out.push(...tables[0]!, ...tables.slice(1).flatMap((t) => t.slice(2)), '');
    for (const layout of READING_LAYOUTS) {
      if (reports[layout].from === 'data') out.push(`The ${LAYOUT_NAMES[layout]} could not be composed; its sections were built from the IEP data.`, '');
      for (const s of reports[layout].sections.filter((x) => x.aboveTarget && x.words >= MIN_WORDS_FOR_WARNING)) {
        out.push(`Hardest sentences in the ${LAYOUT_NAMES[layout]}, "${s.title}" (grade ${s.grade.toFixed(1)}, target ${reports[layout].target}):`, '');
        for (const hard of s.hardest) out.push(`- grade ${hard.grade.toFixed(1)}: ${hard.text.replace(/\s+/g, ' ')}`);
        out.push('');
      }
    }
  }
  return out.join('\n');
}

/** The grade of a whole copy: the formula on the counts of all its sections. */
function wholeGrade(report: ReadingReport): number {
  const sum = (key: 'words' | 'sentences' | 'syllables') => report.sections.reduce((n, s) => n + s[key], 0);
  return fleschKincaid({ words: sum('words'), sentences: sum('sentences'), syllables: sum('syllables') });
}

/**
 * docs/reading-levels.md: an overview (the grade of each whole copy, and how many sections are above target), then
 * the per-section tables of every IEP.
 */
export function readingLevelsDoc(entries: readonly { file: string; iep: Iep }[]): string {
  const measured = entries.map(({ file, iep }) => ({ file, reports: layoutReadingReports(iep) }));
  const overview = measured.map(({ file, reports }) => {
    const cells = READING_LAYOUTS.map((layout) => {
      const report = reports[layout];
      const above = report.sections.filter((s) => s.aboveTarget && s.words >= MIN_WORDS_FOR_WARNING).length;
      return `${wholeGrade(report).toFixed(1)}${above ? ` (${above} section${above === 1 ? '' : 's'} above)` : ''}`;
    });
    return `| ${file} | ${cells.join(' | ')} |`;
  });
  return [
    '<!-- Generated by `npx tsx scripts/reading-levels.ts` from examples/*.iep.yaml. Do not edit by hand. -->',
    '',
    '# Reading levels of the examples',
    '',
    'Flesch-Kincaid grade of the family copy and the student summary of each example, per section, measured on the',
    'composed English documents, as printed (see [lint.md](lint.md#reading-level) for the formula and what is measured).',
    `Targets: family copy grade ${READING_TARGETS.family}, student summary grade ${READING_TARGETS.student}. Sections under ${MIN_WORDS_FOR_WARNING} words are marked`,
    '"short sample": the formula says little about a sentence or two.',
    '',
    '`iep readability <files>` prints the same tables; `iep lint --layout family|student <files>` warns about sections',
    'above target.',
    '',
    `| Example | Family copy, whole (target ${READING_TARGETS.family}) | Student summary, whole (target ${READING_TARGETS.student}) |`,
    '|---|---:|---:|',
    ...overview,
    '',
    tablesMarkdown(measured, 2),
  ].join('\n');
}
