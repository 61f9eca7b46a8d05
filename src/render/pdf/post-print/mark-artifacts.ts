/**
 * Page furniture as Artifacts (ISO 14289-1 §7.1: content is either tagged or an artifact).
 *
 * Chromium tags what the accessibility tree holds and paints everything else untagged: the running header and its
 * rule, the page counter, the translation notice and the DRAFT watermark (@page margin boxes and fixed elements),
 * backgrounds and borders outside tagged boxes. Every painting operation outside a marked-content sequence is
 * wrapped in `/Artifact BMC ... EMC`: a path from its first construction operator to its painting operator, each
 * text-showing operator, each XObject, shading and inline image. Neighbouring wrapped operations are merged when
 * only text-state or colour operators lie between them, so a header line becomes one artifact, not forty.
 *
 * Tagged sequences that paint nothing visible become artifacts too (the caller drops them from the structure
 * tree), and a /Span whose ActualText covers no visible glyph loses it: it would be read with nothing on the page.
 */
import { PAINTING_OPERATORS, PATH_CONSTRUCTION, type ContentOperations } from './content-stream.js';
import { numberValue, PdfDict, PdfName } from './pdf-objects.js';

/** Operators that may lie inside one artifact between two wrapped operations (no state save/restore, no nesting). */
const MERGEABLE_BETWEEN = new Set(['Tf', 'Td', 'TD', 'Tm', 'T*', 'Tc', 'Tw', 'Tz', 'TL', 'Tr', 'Ts', 'g', 'G', 'rg', 'RG', 'k', 'K', 'cs', 'CS', 'sc', 'SC', 'scn', 'SCN', 'gs', 'w', 'd', 'J', 'j', 'M', 'ri', 'i']);

// What each operator is to this pass, looked up once per operation (a page has tens of thousands).
const MERGEABLE = 1;
const PATH = 2;
const PAINTING = 4;
const KIND = new Map<string, number>();
for (const operator of MERGEABLE_BETWEEN) KIND.set(operator, (KIND.get(operator) ?? 0) | MERGEABLE);
for (const operator of PATH_CONSTRUCTION) KIND.set(operator, (KIND.get(operator) ?? 0) | PATH);
for (const operator of PAINTING_OPERATORS) KIND.set(operator, (KIND.get(operator) ?? 0) | PAINTING);

export interface ArtifactResult {
  /** The rewritten content, or undefined when nothing had to change. */
  data: Buffer | undefined;
  artifacts: number;
}

/**
 * Wraps untagged painting in artifacts and turns the listed (empty) MCID sequences into artifacts.
 * `operations` must be `ContentOperations.of(data)` (or what readPageContent collected).
 */
export function markArtifacts(
  data: Buffer,
  operations: ContentOperations,
  emptyMcids: ReadonlySet<number> = new Set(),
  /** Indexes of /Span ActualText sequences that show no visible glyph: they lose their ActualText. */
  emptySpans: readonly number[] = [],
): ArtifactResult {
  const spans: { first: number; last: number }[] = [];
  const replaced = new Map<number, string>(); // operation index -> replacement text (a BDC turned into BMC)
  for (const index of emptySpans) replaced.set(index, '/Span BMC');
  // Per open marked-content sequence: whether content inside it is covered (tagged with an MCID, or an artifact).
  // Chromium also opens neutral sequences (/ReversedChars, /Span with ActualText) that cover nothing by themselves.
  const covered: boolean[] = [];
  let pathStart = -1;
  const { operators, starts, ends } = operations;
  // The last operation, before the current one, that may not lie inside a merged artifact; and the same before the
  // current path's first operator. Two wrapped operations merge when none lies between them.
  let lastUnmergeable = -1;
  let unmergeableBeforePath = -1;
  for (let i = 0; i < operators.length; i++) {
    const operator = operators[i]!;
    const kind = KIND.get(operator) ?? 0;
    const unmergeableBefore = lastUnmergeable;
    if (!(kind & MERGEABLE)) lastUnmergeable = i;
    if (operator === 'BDC' || operator === 'BMC') {
      const operands = operations.marked.get(i)!;
      const mcid = operator === 'BDC' && operands[1] instanceof PdfDict ? numberValue(operands[1].get('MCID')) : undefined;
      if (mcid !== undefined && emptyMcids.has(mcid)) replaced.set(i, '/Artifact BMC');
      const artifact = operands[0] instanceof PdfName && operands[0].name === 'Artifact';
      covered.push(covered.at(-1) === true || artifact || mcid !== undefined);
      continue;
    }
    if (operator === 'EMC') {
      covered.pop();
      continue;
    }
    if (kind & PATH) {
      if (pathStart < 0) {
        pathStart = i;
        unmergeableBeforePath = unmergeableBefore;
      }
      continue;
    }
    if (operator === 'n') {
      pathStart = -1;
      continue;
    }
    if (!(kind & PAINTING)) continue;
    const onPath = pathStart >= 0 && isPathPainting(operator);
    const first = onPath ? pathStart : i;
    const before = onPath ? unmergeableBeforePath : unmergeableBefore;
    pathStart = -1;
    if (covered.at(-1) === true) continue;
    const previous = spans.at(-1);
    if (previous && before <= previous.last) previous.last = i;
    else spans.push({ first, last: i });
  }
  if (spans.length === 0 && replaced.size === 0) return { data: undefined, artifacts: 0 };
  const edits: { at: number; remove: number; text: string }[] = [];
  for (const span of spans) {
    edits.push({ at: starts[span.first]!, remove: 0, text: '/Artifact BMC\n' });
    edits.push({ at: ends[span.last]!, remove: 0, text: '\nEMC' });
  }
  for (const [index, text] of replaced) {
    edits.push({ at: starts[index]!, remove: ends[index]! - starts[index]!, text });
  }
  edits.sort((a, b) => a.at - b.at);
  const parts: Buffer[] = [];
  let cursor = 0;
  for (const edit of edits) {
    parts.push(data.subarray(cursor, edit.at), Buffer.from(edit.text, 'latin1'));
    cursor = edit.at + edit.remove;
  }
  parts.push(data.subarray(cursor));
  return { data: Buffer.concat(parts), artifacts: spans.length + replaced.size };
}

const NOT_PATH_PAINTING = new Set(['Tj', 'TJ', "'", '"', 'Do', 'sh', 'BI']);

function isPathPainting(operator: string): boolean {
  return !NOT_PATH_PAINTING.has(operator);
}
