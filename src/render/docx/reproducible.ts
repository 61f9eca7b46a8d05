/**
 * Same input, same bytes. Besides the timestamps (core.xml, written by core-properties.ts, and the zip entries,
 * written by zip.ts), the docx library writes three things that change from run to run, which are renamed here in
 * the order they appear:
 *
 * - relationship ids of hyperlinks and other parts it adds late (random nanoid ids), in every `_rels/*.rels` part
 *   and the part it belongs to;
 * - bookmark ids, from a counter shared by every document the process renders;
 * - drawing ids (`wp:docPr`, a chart's picture), from another such counter: a progress report's chart had a
 *   different id, and the file different bytes, when the process had rendered other documents before;
 * - the watermark shape's id (`PowerPlusWaterMarkObject` + a random id; Word finds watermarks by that prefix).
 */
import { escapeRegExp } from '../../model/escape-regexp.js';

const decode = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
const bytes = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/** `word/_rels/document.xml.rels` -> `word/document.xml`. */
function sourceOf(relsPath: string): string {
  const match = /^(.*?)_rels\/([^/]+)\.rels$/.exec(relsPath);
  return match ? `${match[1]}${match[2]}` : '';
}

export function makeReproducible(parts: Map<string, string>): void {
  // Relationship ids: keep rIdN, rename anything else to rIdXN in order.
  for (const [path, rels] of parts) {
    if (!path.endsWith('.rels')) continue;
    const renames = new Map<string, string>();
    for (const match of rels.matchAll(/\bId="([^"]+)"/g)) {
      const id = match[1]!;
      if (!/^rId\d+$/.test(id) && !renames.has(id)) renames.set(id, `rIdX${renames.size + 1}`);
    }
    if (renames.size === 0) continue;
    // A pattern of the ids themselves: a callback for every attribute value of document.xml cost more than the
    // rest of this file (200 KB of garbage a ten-page document).
    const ids = new RegExp(`"(${[...renames.keys()].map(escapeRegExp).join('|')})"`, 'g');
    const rename = (xml: string) => xml.replace(ids, (_whole, value: string) => `"${renames.get(value)!}"`);
    parts.set(path, rename(rels));
    const source = sourceOf(path);
    const xml = parts.get(source);
    if (xml !== undefined) parts.set(source, rename(xml));
  }

  // Bookmark ids, numbered from 1 across the package, drawing ids likewise (each unique in the package), and
  // watermark shape ids.
  const bookmarkIds = new Map<string, string>();
  let drawings = 0;
  let watermarks = 0;
  for (const [path, xml] of parts) {
    if (!path.endsWith('.xml')) continue;
    let out = xml.replace(/(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)(")/g, (_whole, before: string, id: string, after: string) => {
      let renamed = bookmarkIds.get(id);
      if (renamed === undefined) {
        renamed = String(bookmarkIds.size + 1);
        bookmarkIds.set(id, renamed);
      }
      return `${before}${renamed}${after}`;
    });
    out = out.replace(/(<wp:docPr\b[^>]*?\bid=")(\d+)(")/g, (_whole, before: string, _id: string, after: string) => `${before}${++drawings}${after}`);
    out = out.replace(/PowerPlusWaterMarkObject[A-Za-z0-9_-]*/g, () => `PowerPlusWaterMarkObject${++watermarks}`);
    if (out !== xml) parts.set(path, out);
  }
}

/** The package's XML parts as text, its other files as bytes, and the order of them all. */
export function toParts(files: ReadonlyMap<string, string | Uint8Array>): { order: string[]; parts: Map<string, string>; binary: Map<string, Buffer> } {
  const parts = new Map<string, string>();
  const binary = new Map<string, Buffer>();
  for (const [path, data] of files) {
    if (/\.(xml|rels)$/.test(path)) parts.set(path, typeof data === 'string' ? data : decode(data));
    else binary.set(path, typeof data === 'string' ? Buffer.from(data, 'utf8') : bytes(data));
  }
  return { order: [...files.keys()], parts, binary };
}
