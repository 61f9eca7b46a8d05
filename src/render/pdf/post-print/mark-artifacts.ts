/**
 * Page furniture as Artifacts (ISO 14289-1 §7.1: content is either tagged or an artifact).
 *
 * Chromium tags what the accessibility tree holds and paints everything else untagged: the running header and its
 * rule, the page counter, the translation notice and the DRAFT watermark (@page margin boxes and fixed elements),
 * backgrounds and borders outside tagged boxes. Every painting operation outside a marked-content sequence is
 * wrapped in `/Artifact BMC ... EMC` (which ranges: ContentOperations, gathered while the page is read).
 *
 * Tagged sequences that paint nothing visible become artifacts too (the caller drops them from the structure
 * tree), and a /Span whose ActualText covers no visible glyph loses it: it would be read with nothing on the page.
 */
import type { ContentOperations } from './content-stream.js';

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
  const { spans, openings } = operations;
  const replaced = new Map<number, string>(); // operation index -> replacement text (a BDC turned into BMC)
  for (const index of emptySpans) replaced.set(index, '/Span BMC');
  // Where each BDC operation (by index) lies in `openings`.
  const opening = new Map<number, number>();
  if (replaced.size > 0 || emptyMcids.size > 0) {
    for (let k = 0; k < openings.length; k += 4) {
      const index = openings[k]!;
      const mcid = openings[k + 3];
      opening.set(index, k);
      if (mcid !== undefined && emptyMcids.has(mcid)) replaced.set(index, '/Artifact BMC');
    }
  }
  if (spans.length === 0 && replaced.size === 0) return { data: undefined, artifacts: 0 };
  const edits: { at: number; remove: number; text: string }[] = [];
  for (let i = 0; i < spans.length; i += 2) {
    edits.push({ at: spans[i]!, remove: 0, text: '/Artifact BMC\n' });
    edits.push({ at: spans[i + 1]!, remove: 0, text: '\nEMC' });
  }
  for (const [index, text] of replaced) {
    const k = opening.get(index)!;
    const start = openings[k + 1]!;
    const end = openings[k + 2]!;
    edits.push({ at: start, remove: end - start, text });
  }
  edits.sort((a, b) => a.at - b.at);
  const parts: Buffer[] = [];
  let cursor = 0;
  for (const edit of edits) {
    parts.push(data.subarray(cursor, edit.at), Buffer.from(edit.text, 'latin1'));
    cursor = edit.at + edit.remove;
  }
  parts.push(data.subarray(cursor));
  return { data: Buffer.concat(parts), artifacts: spans.length / 2 + replaced.size };
}
