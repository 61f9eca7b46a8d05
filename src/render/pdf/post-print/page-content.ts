/**
 * One page's content read for the post-print stage: its operations, and for each marked-content identifier (MCID)
 * the text it shows (through the fonts' ToUnicode maps) and what it paints.
 */
import { parseContentStream, PAINTING_OPERATORS, type ContentOperation } from './content-stream.js';
import type { PdfDocument } from './pdf-document.js';
import { nameValue, numberValue, PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfObject } from './pdf-objects.js';
import { decodeShown, parseToUnicode, type UnicodeMap } from './to-unicode.js';

export interface MarkedContent {
  mcid: number;
  /** Text shown, glyph by glyph through ToUnicode, in content order (visual order for right-to-left lines). */
  text: string;
  glyphs: number;
  /** Glyphs whose code maps to nothing (or U+0000). */
  unmapped: number;
  /** Paths, images and shadings painted. */
  drawings: number;
}

export interface PageContent {
  ref: PdfRef;
  page: PdfDict;
  /** The decoded content (all content streams of the page joined). */
  data: Buffer;
  operations: ContentOperation[];
  marks: Map<number, MarkedContent>;
}

export function readPageContent(doc: PdfDocument, ref: PdfRef, fonts: FontCache): PageContent | undefined {
  const page = doc.resolveDict(ref);
  if (!page) return undefined;
  const contents = doc.resolve(page.get('Contents'));
  const streams = (Array.isArray(contents) ? contents.map((c) => doc.resolve(c)) : [contents]).filter((s): s is PdfStream => s instanceof PdfStream);
  if (streams.length === 0) return undefined;
  const data = streams.length === 1 ? streams[0]!.decoded() : Buffer.concat(streams.flatMap((s) => [s.decoded(), Buffer.from('\n')]));
  const operations = parseContentStream(data);
  const fontResources = doc.resolveDict(inheritedResources(doc, page)?.get('Font'));
  const marks = new Map<number, MarkedContent>();
  // Per open sequence: the MCID's record it adds to, and whether a /Span with ActualText (Skia writes one around
  // each shaped cluster: ligatures, conjuncts) already gave the text, so its glyphs only count.
  // The span's text counts only once a glyph is shown inside it: Chromium also writes spans whose glyphs fell
  // outside the page (ink of a line that is printed on the next page), and those say nothing here.
  const stack: { mark: MarkedContent | undefined; spoken: boolean; pending?: string }[] = [];
  let font: UnicodeMap | undefined;
  for (const op of operations) {
    switch (op.operator) {
      case 'BDC': {
        const props = doc.resolveDict(op.operands[1]);
        const mcid = numberValue(props?.get('MCID'));
        const outer = stack.at(-1);
        if (mcid !== undefined) {
          const mark = marks.get(mcid) ?? { mcid, text: '', glyphs: 0, unmapped: 0, drawings: 0 };
          marks.set(mcid, mark);
          stack.push({ mark, spoken: false });
          break;
        }
        const actual = props?.get('ActualText');
        const opens = outer?.mark !== undefined && !outer.spoken && actual instanceof PdfString;
        stack.push({ mark: outer?.mark, spoken: outer?.spoken === true || actual instanceof PdfString, pending: opens ? actual.toText() : undefined });
        break;
      }
      case 'BMC':
        stack.push(stack.at(-1) ?? { mark: undefined, spoken: false });
        break;
      case 'EMC':
        stack.pop();
        break;
      case 'Tf':
        font = fonts.get(doc, fontResources?.get(nameValue(op.operands[0]) ?? ''));
        break;
      default: {
        if (!PAINTING_OPERATORS.has(op.operator)) break;
        const frame = stack.at(-1);
        const mark = frame?.mark;
        if (!mark) break;
        const strings = shownStrings(op);
        if (strings) {
          for (const s of strings) {
            const shown = decodeShown(s.bytes, font);
            mark.glyphs += shown.glyphs;
            const opener = shown.glyphs > 0 ? stack.findLast((f) => f.pending !== undefined) : undefined;
            if (opener) {
              mark.text += opener.pending;
              opener.pending = undefined;
            }
            if (frame.spoken) continue;
            mark.text += shown.text;
            mark.unmapped += shown.unmapped;
          }
        } else mark.drawings++;
      }
    }
  }
  return { ref, page, data, operations, marks };
}

/** The strings a text-showing operator shows, or undefined for any other operator. */
export function shownStrings(op: ContentOperation): PdfString[] | undefined {
  switch (op.operator) {
    case 'Tj':
    case "'":
      return op.operands[0] instanceof PdfString ? [op.operands[0]] : [];
    case '"':
      return op.operands[2] instanceof PdfString ? [op.operands[2]] : [];
    case 'TJ':
      return Array.isArray(op.operands[0]) ? op.operands[0].filter((x): x is PdfString => x instanceof PdfString) : [];
    default:
      return undefined;
  }
}

function inheritedResources(doc: PdfDocument, page: PdfDict): PdfDict | undefined {
  let node: PdfDict | undefined = page;
  for (let depth = 0; node && depth < 64; depth++) {
    const resources = doc.resolveDict(node.get('Resources'));
    if (resources) return resources;
    node = doc.resolveDict(node.get('Parent'));
  }
  return undefined;
}

/** ToUnicode maps by font object, read once per document. */
export class FontCache {
  private readonly byRef = new Map<string, UnicodeMap | undefined>();

  get(doc: PdfDocument, fontRef: PdfObject | undefined): UnicodeMap | undefined {
    const key = fontRef instanceof PdfRef ? fontRef.key : undefined;
    if (key && this.byRef.has(key)) return this.byRef.get(key);
    const font = doc.resolveDict(fontRef);
    let map: UnicodeMap | undefined;
    const toUnicode = font && doc.resolve(font.get('ToUnicode'));
    if (font && toUnicode instanceof PdfStream) {
      const composite = font.get('Subtype') === PdfName.of('Type0');
      map = parseToUnicode(toUnicode.decoded(), composite ? 2 : 1);
    }
    if (key) this.byRef.set(key, map);
    return map;
  }
}
