/**
 * The post-print stage: Chromium's tagged PDF made to meet the machine-checkable part of PDF/UA-1 (ISO 14289-1).
 *
 * What Chromium already does right (the structure tree from the accessibility tree, tables with scoped headers,
 * headings, the outline, embedded fonts with ToUnicode) is left as it is. Added: XMP with the PDF/UA identifier and
 * the title; page furniture as artifacts; LBody in list items; a RoleMap; /Contents on links; /Lang on passages in
 * another language; ActualText where the glyphs do not read as the text (right-to-left runs, shaped glyphs); no
 * tagged fragment that paints nothing; bookmark titles in logical order. The file is rewritten once, as PDF 1.7
 * (PDF/UA-1's base).
 *
 * A PDF this code does not understand (not Chromium's syntax) is returned unchanged, with `applied: false`.
 */
import { addListBodies } from './add-list-bodies.js';
import { addRoleMap } from './add-role-map.js';
import { applyTextRuns, type TextRunReport } from './apply-text-runs.js';
import { describeLinks } from './describe-links.js';
import { dropFragments } from './drop-fragments.js';
import { indexMarks } from './element-text.js';
import { markArtifacts } from './mark-artifacts.js';
import { retitleOutline } from './outline-titles.js';
import { PdfDocument } from './pdf-document.js';
import { PdfSyntaxError } from './pdf-lexer.js';
import { PdfDict, PdfStream } from './pdf-objects.js';
import { FontCache, readPageContent, type PageContent } from './page-content.js';
import { readStructTree, writeStructTree } from './struct-tree.js';
import type { TextRun } from './text-runs.js';
import { writeMetadata } from './write-metadata.js';

export interface AccessibilityInput {
  title: string;
  lang: string;
  /** The page's text runs (COLLECT_TEXT_RUNS), for logical order and passage languages. */
  runs?: readonly TextRun[];
  /** The document's h1-h6 as rendered, in order, to repair the bookmark titles (outline-titles.ts). */
  headings?: readonly string[];
}

export interface AccessibilityReport {
  applied: boolean;
  artifacts: number;
  emptyFragments: number;
  repeatedHeaders: number;
  listBodies: number;
  roleMapped: string[];
  links: number;
  outlineTitles: number;
  text?: TextRunReport;
}

export function makePdfAccessible(pdf: Buffer, input: AccessibilityInput): { pdf: Buffer; report: AccessibilityReport } {
  const steps = rewrite(pdf, input);
  for (;;) {
    const step = nextStep(steps, pdf);
    if (step.done) return step.value;
  }
}

/**
 * The same, giving the event loop a turn after each page and each whole-document step (a few milliseconds each),
 * for renderPdf: done in one go, a long document held Node's thread for 60-200 ms, and the browser's pages, whose
 * DevTools messages wait for that thread, stood idle meanwhile (the machine was 86% busy in the bench's PDF
 * pipeline, against 93% for raw Chromium).
 */
export async function makePdfAccessibleInTurns(pdf: Buffer, input: AccessibilityInput): Promise<{ pdf: Buffer; report: AccessibilityReport }> {
  const steps = rewrite(pdf, input);
  for (;;) {
    const step = nextStep(steps, pdf);
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

type Result = { pdf: Buffer; report: AccessibilityReport };

function nextStep(steps: Generator<void, Result>, pdf: Buffer): IteratorResult<void, Result> {
  try {
    return steps.next();
  } catch (error) {
    // Syntax this reader does not know: the printed PDF is still a good PDF, only without the additions.
    if (error instanceof PdfSyntaxError) return { done: true, value: { pdf, report: emptyReport() } };
    throw error;
  }
}

function emptyReport(): AccessibilityReport {
  return { applied: false, artifacts: 0, emptyFragments: 0, repeatedHeaders: 0, listBodies: 0, roleMapped: [], links: 0, outlineTitles: 0 };
}

/** The rewrite, one step at a time: it yields after each page and each step over the whole document. */
function* rewrite(pdf: Buffer, input: AccessibilityInput): Generator<void, Result> {
  const report = emptyReport();
  const doc = PdfDocument.open(pdf);
  const tree = doc && readStructTree(doc);
  if (!doc || !tree) return { pdf, report };
  yield;
  const fonts = new FontCache();
  const pages: PageContent[] = [];
  for (const ref of doc.pageRefs()) {
    const page = readPageContent(doc, ref, fonts);
    if (page) pages.push(page);
    yield;
  }
  const marks = indexMarks(pages);

  const dropped = dropFragments(tree, pages, marks);
  report.emptyFragments = dropped.empty + dropped.overflow;
  report.repeatedHeaders = dropped.repeated;
  yield;
  for (const page of pages) {
    const result = markArtifacts(page.data, page.operations, dropped.byPage.get(page.ref.key), page.emptySpans);
    report.artifacts += result.artifacts;
    if (result.data) replaceContent(doc, page, result.data);
    yield;
  }
  report.listBodies = addListBodies(doc, tree);
  report.roleMapped = addRoleMap(tree);
  if (input.runs) report.text = applyTextRuns(tree, marks, input.runs, input.lang);
  yield;
  report.links = describeLinks(doc, tree, marks);
  if (input.headings) report.outlineTitles = retitleOutline(doc, input.headings);
  writeStructTree(doc, tree);
  writeMetadata(doc, { title: input.title, lang: input.lang });
  yield;
  report.applied = true;
  return { pdf: doc.save('1.7'), report };
}

function replaceContent(doc: PdfDocument, page: PageContent, data: Buffer): void {
  const stream = new PdfStream(new PdfDict(), new Uint8Array());
  stream.setData(data);
  page.page.set('Contents', doc.add(stream));
  doc.set(page.ref, page.page);
}
