/**
 * Where a page's content lands: the current transformation, the text position and the clip, followed through the
 * content stream as far as telling whether a glyph or a path can be seen (ISO 32000-1 §8.4, §9.4). The clip is
 * kept as a box (Chromium clips to rectangles); a glyph is its em box (see FontCache).
 */
import type { ContentOperation } from './content-stream.js';
import { numberValue, type PdfObject } from './pdf-objects.js';

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

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];
}

function boxOf(points: [number, number][]): Box {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function overlaps(a: Box, b: Box): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

function nums(operands: PdfObject[]): number[] {
  return operands.map((o) => numberValue(o) ?? 0);
}

export class PageGeometry {
  private ctm: Matrix = IDENTITY;
  private clip: Box = EVERYWHERE;
  private readonly saved: { ctm: Matrix; clip: Box }[] = [];
  private textMatrix: Matrix = IDENTITY;
  private lineMatrix: Matrix = IDENTITY;
  private leading = 0;
  private fontSize = 0;
  private path: [number, number][] = [];
  private clipping = false;

  constructor(private readonly page: Box) {}

  /** Follows one operation (call for every operation, in order). */
  step(op: ContentOperation): void {
    const o = op.operands;
    switch (op.operator) {
      case 'q':
        this.saved.push({ ctm: this.ctm, clip: this.clip });
        break;
      case 'Q': {
        const state = this.saved.pop();
        if (state) ({ ctm: this.ctm, clip: this.clip } = state);
        break;
      }
      case 'cm':
        this.ctm = multiply(nums(o) as Matrix, this.ctm);
        break;
      case 'BT':
        this.textMatrix = this.lineMatrix = IDENTITY;
        break;
      case 'Tm':
        this.textMatrix = this.lineMatrix = nums(o) as Matrix;
        break;
      case 'Td':
      case 'TD': {
        const [tx, ty] = nums(o) as [number, number];
        if (op.operator === 'TD') this.leading = -ty;
        this.textMatrix = this.lineMatrix = multiply([1, 0, 0, 1, tx, ty], this.lineMatrix);
        break;
      }
      case 'T*':
      case "'":
      case '"':
        this.textMatrix = this.lineMatrix = multiply([1, 0, 0, 1, 0, -this.leading], this.lineMatrix);
        break;
      case 'TL':
        this.leading = nums(o)[0] ?? 0;
        break;
      case 'Tf':
        this.fontSize = numberValue(o[1]) ?? 0;
        break;
      case 're': {
        const [x, y, w, h] = nums(o) as [number, number, number, number];
        this.path.push(apply(this.ctm, x, y), apply(this.ctm, x + w, y + h), apply(this.ctm, x, y + h), apply(this.ctm, x + w, y));
        break;
      }
      case 'm':
      case 'l':
      case 'c':
      case 'v':
      case 'y': {
        const n = nums(o);
        for (let i = 0; i + 1 < n.length; i += 2) this.path.push(apply(this.ctm, n[i]!, n[i + 1]!));
        break;
      }
      case 'W':
      case 'W*':
        this.clipping = true;
        break;
    }
  }

  /** Whether a glyph shown now, with this box in glyph space (1/1000 of the size), can be seen. */
  glyphVisible(fontBBox: Box): boolean {
    const s = this.fontSize / 1000;
    const m = multiply(this.textMatrix, this.ctm);
    const corners: [number, number][] = [
      apply(m, fontBBox[0] * s, fontBBox[1] * s),
      apply(m, fontBBox[2] * s, fontBBox[3] * s),
      apply(m, fontBBox[0] * s, fontBBox[3] * s),
      apply(m, fontBBox[2] * s, fontBBox[1] * s),
    ];
    const box = boxOf(corners);
    return overlaps(box, this.clip) && overlaps(box, this.page);
  }

  /**
   * Ends the current path (at a painting operator or `n`): applies a pending clip, and says whether what was
   * painted can be seen (an XObject, shading or image counts as visible).
   */
  endPath(painted: boolean): boolean {
    const box = this.path.length ? boxOf(this.path) : undefined;
    // A path is visible where it meets the clip that was in force when it was painted.
    const visible = painted && (box === undefined || (overlaps(grow(box), this.clip) && overlaps(grow(box), this.page)));
    if (this.clipping && box) this.clip = [Math.max(box[0], this.clip[0]), Math.max(box[1], this.clip[1]), Math.min(box[2], this.clip[2]), Math.min(box[3], this.clip[3])];
    this.clipping = false;
    this.path = [];
    return visible;
  }
}

/** A hairline has an empty box; give it the width of a stroke. */
function grow(box: Box): Box {
  return [box[0] - 0.5, box[1] - 0.5, box[2] + 0.5, box[3] + 0.5];
}
