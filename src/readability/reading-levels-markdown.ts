/**
 * The reading reports of many IEPs as Markdown (the `iep readability` command and docs/reading-levels.md): for each
 * IEP, one table with every section of its family copy and student summary (grade, target, words, sentences), then
 * the hardest sentences of sections above target.
 */
import type { LayoutReadingReport } from './measure-reading-level.js';
import { readingReportTable } from './reading-level.js';
import { MIN_WORDS_FOR_WARNING, READING_LAYOUT_NAMES, READING_LAYOUTS, type ReadingLayout } from './reading-targets.js';

/** The reports of one IEP; a layout that could not be composed has none (its diagnostics say why). */
export interface ReadingLevelsEntry {
  file: string;
  reports: Partial<Record<ReadingLayout, LayoutReadingReport>>;
}

export function readingLevelsMarkdown(entries: readonly ReadingLevelsEntry[], options: { headingLevel?: number } = {}): string {
  const h = '#'.repeat(options.headingLevel ?? 2);
  const out: string[] = [];
  for (const { file, reports } of entries) {
    out.push(`${h} ${file}`, '');
    const tables = READING_LAYOUTS.flatMap((layout) => {
      const report = reports[layout];
      return report ? [readingReportTable(report, { copy: layout, minWords: MIN_WORDS_FOR_WARNING }).trimEnd().split('\n')] : [];
    });
    // One table: the header of the first, the rows of all.
    if (tables.length) out.push(...tables[0]!, ...tables.slice(1).flatMap((t) => t.slice(2)), '');
    for (const layout of READING_LAYOUTS) {
      const report = reports[layout];
      if (!report) {
        // The progress report exists only for IEPs with progress data, the letter only beside an earlier version:
        // their absence is not a failure.
        if (layout !== 'progress' && layout !== 'changes') out.push(`The ${READING_LAYOUT_NAMES[layout]} could not be composed, so it is not graded.`, '');
        continue;
      }
      for (const s of report.sections.filter((x) => x.aboveTarget && x.words >= MIN_WORDS_FOR_WARNING)) {
        out.push(`Hardest sentences in the ${READING_LAYOUT_NAMES[layout]}, "${s.title}" (grade ${s.grade.toFixed(1)}, target ${report.target}):`, '');
        for (const hard of s.hardest) out.push(`- grade ${hard.grade.toFixed(1)}: ${hard.text.replace(/\s+/g, ' ')}`);
        out.push('');
      }
    }
  }
  return out.join('\n');
}
