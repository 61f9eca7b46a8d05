/**
 * Where a page's content lands: the current transformation, the text position and the clip, followed through the
 * content stream as far as telling whether a glyph or a path can be seen (ISO 32000-1 §8.4, §9.4). The clip is
 * kept as a box (Chromium clips to rectangles); a glyph is its em box (see FontCache).
 */
import { Op, type ContentReader } from './content-stream.js';

type Matrix = [number, number, number, number, number, number];
export type Box = [number, number, number, number]; // x0, y0, x1, y1

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const EVERYWHERE: Box = [-Infinity, -Infinity, Infinity, Infinity];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/** Whether the box (x0, y0, x1, y1) overlaps both boxes (given as numbers: this runs for every glyph and path). */
function overlapsBox(x0: number, y0: number, x1: number, y1: number, a: Box, b: Box): boolean {
  return x0 < a[2] && a[0] < x1 && y0 < a[3] && a[1] < y1 && x0 < b[2] && b[0] < x1 && y0 < b[3] && b[1] < y1;
}

export class PageGeometry {
  private ctm: Matrix = IDENTITY;
  private clip: Box = EVERYWHERE;
  private readonly saved: { ctm: Matrix; clip: Box }[] = [];
  /**
   * The text matrix, which is also the line matrix here (only Tj's advance would tell them apart, and a glyph's box
   * is taken at its start); changed in place: Chromium moves it before every glyph.
   */
  private readonly textMatrix: Matrix = [...IDENTITY];
  private leading = 0;
  private fontSize = 0;
  /** The current path's bounds in page space (x0, y0, x1, y1); x0 > x1 while the path has no point. */
  private readonly path: Box = [Infinity, Infinity, -Infinity, -Infinity];
  private clipping = false;

  constructor(private readonly page: Box) {}

  /** Follows one operation (call for every operation, in order). */
  step(op: ContentReader): void {
    const n = op.numbers;
    switch (op.code) {
      case Op.q:
        this.saved.push({ ctm: this.ctm, clip: this.clip });
        break;
      case Op.Q: {
        const state = this.saved.pop();
        if (state) ({ ctm: this.ctm, clip: this.clip } = state);
        break;
      }
      case Op.cm:
        this.ctm = multiply([n[0]!, n[1]!, n[2]!, n[3]!, n[4]!, n[5]!], this.ctm);
        break;
      case Op.BT:
        this.setTextMatrix(1, 0, 0, 1, 0, 0);
        break;
      case Op.Tm:
        for (let i = 0; i < 6; i++) this.textMatrix[i] = n[i]!;
        break;
      case Op.Td:
        this.moveLineBy(n);
        break;
      case Op.TD: {
        const ty = n[1]!;
        this.leading = -ty;
        this.moveLine(n[0]!, ty);
        break;
      }
      case Op.TStar:
      case Op.Quote:
      case Op.DoubleQuote:
        this.moveLine(0, -this.leading);
        break;
      case Op.TL:
        this.leading = n[0]!;
        break;
      case Op.Tf:
        this.fontSize = n[1]!;
        break;
      case Op.re:
        this.addRectangle(n);
        break;
      case Op.m:
      case Op.l:
      case Op.c:
      case Op.v:
      case Op.y:
        for (let i = 0; i + 1 < op.count; i += 2) this.addPoint(n[i]!, n[i + 1]!);
        break;
      case Op.W:
      case Op.WStar:
        this.clipping = true;
        break;
    }
  }

  /** Whether a glyph shown now, with this box in glyph space (1/1000 of the size), can be seen. */
  glyphVisible(fontBBox: Box): boolean {
    // Chromium writes a Td and a Tj per glyph: this runs for every glyph of the document, so no arrays are made.
    const s = this.fontSize / 1000;
    const t = this.textMatrix;
    const c = this.ctm;
    // m = textMatrix x ctm
    const a = t[0] * c[0] + t[1] * c[2];
    const b = t[0] * c[1] + t[1] * c[3];
    const cc = t[2] * c[0] + t[3] * c[2];
    const d = t[2] * c[1] + t[3] * c[3];
    const e = t[4] * c[0] + t[5] * c[2] + c[4];
    const f = t[4] * c[1] + t[5] * c[3] + c[5];
    const x0 = fontBBox[0] * s;
    const y0 = fontBBox[1] * s;
    const x1 = fontBBox[2] * s;
    const y1 = fontBBox[3] * s;
    // The four corners' x and y in page space.
    const ax = x0 * a + y0 * cc + e;
    const bx = x1 * a + y1 * cc + e;
    const cx = x0 * a + y1 * cc + e;
    const dx = x1 * a + y0 * cc + e;
    const ay = x0 * b + y0 * d + f;
    const by = x1 * b + y1 * d + f;
    const cy = x0 * b + y1 * d + f;
    const dy = x1 * b + y0 * d + f;
    return overlapsBox(Math.min(ax, bx, cx, dx), Math.min(ay, by, cy, dy), Math.max(ax, bx, cx, dx), Math.max(ay, by, cy, dy), this.clip, this.page);
  }

  /**
   * Ends the current path (at a painting operator or `n`): applies a pending clip, and says whether what was
   * painted can be seen (an XObject, shading or image counts as visible).
   */
  endPath(painted: boolean): boolean {
    const box = this.path;
    const empty = !(box[0] <= box[2]);
    // A path is visible where it meets the clip that was in force when it was painted. A hairline has an empty box:
    // it is given the width of a stroke.
    const visible = painted && (empty || overlapsBox(box[0] - 0.5, box[1] - 0.5, box[2] + 0.5, box[3] + 0.5, this.clip, this.page));
    if (this.clipping && !empty) this.clip = [Math.max(box[0], this.clip[0]), Math.max(box[1], this.clip[1]), Math.min(box[2], this.clip[2]), Math.min(box[3], this.clip[3])];
    this.clipping = false;
    box[0] = box[1] = Infinity;
    box[2] = box[3] = -Infinity;
    return visible;
  }

  private setTextMatrix(a: number, b: number, c: number, d: number, e: number, f: number): void {
    const t = this.textMatrix;
    t[0] = a;
    t[1] = b;
    t[2] = c;
    t[3] = d;
    t[4] = e;
    t[5] = f;
  }

  // The operands are passed as their array, not as numbers: a number passed to a call that is not inlined is a
  // new heap object, and Chromium writes a Td before every glyph and a re for every box.

  /** Td: the line matrix moved by (n[0], n[1]). */
  private moveLineBy(n: Float64Array): void {
    const l = this.textMatrix;
    const tx = n[0]!;
    const ty = n[1]!;
    l[4] = tx * l[0] + ty * l[2] + l[4];
    l[5] = tx * l[1] + ty * l[3] + l[5];
  }

  /** re: the rectangle (n[0], n[1]) to (n[0] + n[2], n[1] + n[3]) added to the current path's bounds. */
  private addRectangle(n: Float64Array): void {
    const x = n[0]!;
    const y = n[1]!;
    const w = n[2]!;
    const h = n[3]!;
    this.addPoint(x, y);
    this.addPoint(x + w, y + h);
    this.addPoint(x, y + h);
    this.addPoint(x + w, y);
  }

  /** The line matrix moved by (tx, ty) in text space; the text matrix starts there (Td). */
  private moveLine(tx: number, ty: number): void {
    const l = this.textMatrix;
    l[4] = tx * l[0] + ty * l[2] + l[4];
    l[5] = tx * l[1] + ty * l[3] + l[5];
  }

  /** Adds a point given in user space to the current path's bounds. */
  private addPoint(x: number, y: number): void {
    const m = this.ctm;
    const px = x * m[0] + y * m[2] + m[4];
    const py = x * m[1] + y * m[3] + m[5];
    const p = this.path;
    if (px < p[0]) p[0] = px;
    if (py < p[1]) p[1] = py;
    if (px > p[2]) p[2] = px;
    if (py > p[3]) p[3] = py;
  }
}
