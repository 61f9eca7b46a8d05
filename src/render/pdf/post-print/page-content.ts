/**
 * One page's content read for the post-print stage: its operations, and for each marked-content identifier (MCID)
 * the text it shows (through the fonts' ToUnicode maps) and what it paints.
 */
import { ContentOperations, ContentReader, KIND, Op, PAINTING } from './content-stream.js';
import type { PdfDocument } from './pdf-document.js';
import { nameValue, numberValue, PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfObject } from './pdf-objects.js';
import { PageGeometry, type Box } from './page-geometry.js';
import { decodeShown, parseToUnicode, type Shown, type UnicodeMap } from './to-unicode.js';

export interface MarkedContent {
  mcid: number;
  /** Text shown, glyph by glyph through ToUnicode, in content order (visual order for right-to-left lines). */
  text: string;
  glyphs: number;
  /** Glyphs whose code maps to nothing (or U+0000) and no ActualText span speaks for. */
  unmapped: number;
  /** Glyphs whose code maps to nothing, spans or not (PDF/UA wants the element's ActualText then). */
  silent: number;
  /** Paths, images and shadings painted. */
  drawings: number;
  /** Glyphs and drawings inside the page and its clip: a sequence with none only has ink that fell off the page. */
  visible: number;
}

export interface PageContent {
  ref: PdfRef;
  page: PdfDict;
  /** The decoded content (all content streams of the page joined). */
  data: Buffer;
  operations: ContentOperations;
  marks: Map<number, MarkedContent>;
  /** Indexes of /Span ActualText sequences inside tagged content that show no visible glyph. */
  emptySpans: number[];
}

export function readPageContent(doc: PdfDocument, ref: PdfRef, fonts: FontCache): PageContent | undefined {
  const page = doc.resolveDict(ref);
  if (!page) return undefined;
  const contents = doc.resolve(page.get('Contents'));
  const streams = (Array.isArray(contents) ? contents.map((c) => doc.resolve(c)) : [contents]).filter((s): s is PdfStream => s instanceof PdfStream);
  if (streams.length === 0) return undefined;
  const data = streams.length === 1 ? streams[0]!.decoded() : Buffer.concat(streams.flatMap((s) => [s.decoded(), Buffer.from('\n')]));
  const operations = new ContentOperations();
  const op = new ContentReader(data);
  const fontResources = doc.resolveDict(inheritedResources(doc, page)?.get('Font'));
  const marks = new Map<number, MarkedContent>();
  // Per open sequence: the MCID's record it adds to, and whether a /Span with ActualText (Skia writes one around
  // each shaped cluster: ligatures, conjuncts) already gave the text, so its glyphs only count.
  // The span's text counts only once a glyph is shown inside it: Chromium also writes spans whose glyphs fell
  // outside the page (ink of a line that is printed on the next page), and those say nothing here.
  // `texts`: the mark's text as pieces, joined when the page is read (a string added to per glyph cost more).
  const stack: { mark: MarkedContent | undefined; texts?: string[]; spoken: boolean; pending?: string; span?: { index: number; visible: number } }[] = [];
  const textsByMcid = new Map<number, string[]>();
  const emptySpans: number[] = [];
  const geometry = new PageGeometry(pageBox(doc, page));
  let font: FontInfo | undefined;
  for (let index = 0; op.next(); index++) {
    operations.add(op);
    geometry.step(op);
    const code = op.code;
    switch (code) {
      case Op.BDC: {
        const mcid = op.mcid(1);
        const outer = stack.at(-1);
        if (mcid !== undefined) {
          const mark = marks.get(mcid) ?? { mcid, text: '', glyphs: 0, unmapped: 0, silent: 0, drawings: 0, visible: 0 };
          marks.set(mcid, mark);
          let texts = textsByMcid.get(mcid);
          if (!texts) textsByMcid.set(mcid, (texts = []));
          stack.push({ mark, texts, spoken: false });
          break;
        }
        const actual = doc.resolveDict(op.operand(1))?.get('ActualText');
        const opens = outer?.mark !== undefined && !outer.spoken && actual instanceof PdfString;
        stack.push({
          mark: outer?.mark,
          texts: outer?.texts,
          spoken: outer?.spoken === true || actual instanceof PdfString,
          pending: opens ? actual.toText() : undefined,
          span: outer?.mark && actual instanceof PdfString ? { index, visible: 0 } : undefined,
        });
        break;
      }
      case Op.BMC:
        stack.push(stack.at(-1) ?? { mark: undefined, spoken: false });
        break;
      case Op.EMC: {
        const span = stack.pop()?.span;
        if (span && span.visible === 0) emptySpans.push(span.index);
        break;
      }
      case Op.Tf:
        font = fonts.get(doc, fontResources?.get(nameValue(op.operand(0)) ?? ''));
        break;
      case Op.Do:
      case Op.sh:
      case Op.BI: {
        const mark = stack.at(-1)?.mark;
        if (mark) {
          mark.drawings++;
          mark.visible++;
        }
        break;
      }
      case Op.Tj:
      case Op.Quote:
      case Op.DoubleQuote:
      case Op.TJ: {
        const frame = stack.at(-1);
        const mark = frame?.mark;
        if (!mark) break;
        const seen = geometry.glyphVisible(font?.bbox ?? DEFAULT_BBOX);
        if (code === Op.TJ) {
          const shown = op.operand(0);
          if (Array.isArray(shown)) for (const s of shown) if (s instanceof PdfString) showString(s, seen, mark, frame.texts!, frame.spoken);
        } else {
          const s = op.operand(code === Op.DoubleQuote ? 2 : 0);
          if (s instanceof PdfString) showString(s, seen, mark, frame.texts!, frame.spoken);
        }
        break;
      }
      default: {
        // Every path ends here, tagged or not, so the clip stays right.
        const painting = (KIND[code]! & PAINTING) !== 0;
        if (!painting && code !== Op.n) break;
        const drawn = geometry.endPath(painting);
        if (!painting) break;
        const mark = stack.at(-1)?.mark;
        if (!mark) break;
        mark.drawings++;
        if (drawn) mark.visible++;
      }
    }
  }

  /** Counts a shown string's glyphs (and text) into the mark of the innermost sequence. */
  function showString(s: PdfString, seen: boolean, mark: MarkedContent, texts: string[], spoken: boolean): void {
    const shown = font ? font.decode(s) : decodeShown(s.bytes, undefined);
    mark.glyphs += shown.glyphs;
    if (!seen || shown.glyphs === 0) return;
    mark.visible += shown.glyphs;
    mark.silent += shown.unmapped;
    // The glyphs count in every open span, and the innermost span's ActualText that waits for a visible glyph is
    // read now (a loop, not findLast with a closure: this runs for every glyph).
    let opener: (typeof stack)[number] | undefined;
    for (const f of stack) {
      if (f.span) f.span.visible += shown.glyphs;
      if (f.pending !== undefined) opener = f;
    }
    if (opener) {
      texts.push(opener.pending!);
      opener.pending = undefined;
    }
    if (spoken) return;
    texts.push(shown.text);
    mark.unmapped += shown.unmapped;
  }
  for (const [mcid, texts] of textsByMcid) marks.get(mcid)!.text = texts.join('');
  return { ref, page, data, operations, marks, emptySpans };
}

const DEFAULT_BBOX: Box = [0, -250, 500, 750];

function pageBox(doc: PdfDocument, page: PdfDict): Box {
  let node: PdfDict | undefined = page;
  for (let depth = 0; node && depth < 64; depth++) {
    const box = doc.resolveArray(node.get('CropBox') ?? node.get('MediaBox'));
    if (box && box.length === 4) {
      const [x0, y0, x1, y1] = box.map((v) => numberValue(v) ?? 0) as Box;
      return [Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)];
    }
    node = doc.resolveDict(node.get('Parent'));
  }
  return [-Infinity, -Infinity, Infinity, Infinity];
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

class FontInfo {
  /** Short shown strings already decoded, by their bytes (shortKey): a document shows each glyph code many times. */
  private readonly decoded = new Map<number, Shown>();

  constructor(
    readonly unicode: UnicodeMap | undefined,
    /**
     * A glyph's em box in glyph space (1/1000 of the size): from the font's /Descent, one em tall. Not /FontBBox:
     * the tall ink of a Nastaliq line printed on the next page reaches into the previous page's clip, and that ink
     * belongs to the line below, not to the page above.
     */
    readonly bbox: Box,
  ) {}

  decode(s: PdfString): Shown {
    const { bytes } = s;
    if (bytes.length > 3) return decodeShown(bytes, this.unicode);
    let key = bytes.length;
    for (const b of bytes) key = key * 256 + b;
    let shown = this.decoded.get(key);
    if (!shown) this.decoded.set(key, (shown = decodeShown(bytes, this.unicode)));
    return shown;
  }
}

/** ToUnicode maps and glyph boxes by font object, read once per document. */
export class FontCache {
  private readonly byRef = new Map<string, FontInfo | undefined>();

  get(doc: PdfDocument, fontRef: PdfObject | undefined): FontInfo | undefined {
    const key = fontRef instanceof PdfRef ? fontRef.key : undefined;
    if (key && this.byRef.has(key)) return this.byRef.get(key);
    const font = doc.resolveDict(fontRef);
    let info: FontInfo | undefined;
    if (font) {
      const composite = font.get('Subtype') === PdfName.of('Type0');
      const toUnicode = doc.resolve(font.get('ToUnicode'));
      const descendant = composite ? doc.resolveDict(doc.resolveArray(font.get('DescendantFonts'))?.[0]) : font;
      const descent = numberValue(doc.resolveDict(descendant?.get('FontDescriptor'))?.get('Descent')) ?? DEFAULT_BBOX[1];
      info = new FontInfo(toUnicode instanceof PdfStream ? parseToUnicode(toUnicode.decoded(), composite ? 2 : 1) : undefined, [0, descent, 500, descent + 1000]);
    }
    if (key) this.byRef.set(key, info);
    return info;
  }
}
