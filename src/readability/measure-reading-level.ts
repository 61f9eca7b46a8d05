/**
 * The reading level of a composed family copy or student summary: the Flesch-Kincaid grade of each section (split at
 * its headings) against the layout's target, with the hardest sentences of sections above it.
 */
import type { DocumentTree } from '../model/document.js';
import { documentSections } from './document-sections.js';
import { readingReport, type ReadingReport } from './reading-level.js';
import { isReadingLayout, READING_TARGETS, type ReadingLayout } from './reading-targets.js';

export interface LayoutReadingReport extends ReadingReport {
  /** What was measured: the composed document, as printed (kept in `--json` output for readers of the report). */
  from: 'composed';
}

export function measureReadingLevel(document: DocumentTree): LayoutReadingReport {
  return { ...readingReport(documentSections(document.body), READING_TARGETS[readingLayoutOf(document)]), from: 'composed' };
}

/**
 * The layout of a document that can be graded. Only the English family copy and student summary have a target, and
 * the formula is for English: measuring anything else is a caller's mistake, not a finding about the IEP.
 */
export function readingLayoutOf(document: DocumentTree): ReadingLayout {
  const { layout, lang } = document.meta;
  if (!isReadingLayout(layout) || lang !== 'en') {
    throw new Error(`only the English family copy and student summary are graded for reading level, not the ${lang} ${layout} layout`);
  }
  return layout;
}
