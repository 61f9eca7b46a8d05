/**
 * Repairs bookmark titles: right-to-left headings, wrapped headings and headings pushed to the next page.
 *
 * Chromium 156 builds the PDF outline from painted text, so an Arabic or Urdu heading's bookmark holds its words in
 * visual order: "برنامج التعليم الفردي" becomes "الفردي التعليم برنامج" in the bookmarks pane and for screen readers.
 * (Neither `dir`, `<bdi>`, `unicode-bidi` nor `aria-label` changes it.) After printing, each outline title is
 * compared with the document's headings in order; where a heading holds exactly the same characters in another
 * order, the title is replaced by the heading's logical text.
 *
 * The fix is written as a PDF incremental update (new versions of the outline item objects appended with their own
 * xref section), so not one byte of the printed pages changes. PDFs this code does not understand (no classic xref
 * table, unexpected syntax) are returned unchanged.
 *
 * Why not a PDF library (measured on a 19-page official IEP, December 2026): @cantoo/pdf-lib parses every object
 * (150-350 ms a PDF, against 2-8 ms here), takes over a second to import, and its incremental update rewrites the
 * catalog too and gives a /Size one short, which `qpdf --check` warns about. mupdf does the same update correctly in a
 * few ms, but its WASM module adds 200-600 ms to a cold start, it rewrites destination numbers at float precision,
 * and it is AGPL-licensed (iepkit is MIT).
 */

interface OutlineItem {
  objectNumber: number;
  /** The object's text, `N 0 obj ... endobj`. */
  source: string;
  title: string;
  /** Where the title token starts and ends within `source`. */
  titleStart: number;
  titleEnd: number;
}

interface ParsedPdf {
  offsets: Map<number, number>;
  xrefOffset: number;
  trailer: string;
}

/** The outline titles in document order (depth first), as a reader shows them. */
export function readOutlineTitles(pdf: Buffer): string[] {
  const parsed = parsePdf(pdf);
  return parsed ? outlineItems(pdf, parsed).map((i) => i.title) : [];
}

const STRONG_RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/**
 * Replaces visually ordered right-to-left outline titles with the matching headings' logical text.
 * `headings` are the document's h1-h6 in document order, as rendered (innerText).
 */
export function fixOutlineTitles(pdf: Buffer, headings: readonly string[]): Buffer {
  const parsed = parsePdf(pdf);
  if (!parsed) return pdf;
  const items = outlineItems(pdf, parsed);
  const wanted = headings.map(collapse);
  const replacements: { item: OutlineItem; title: string }[] = [];
  // Chromium also builds titles from the painted lines in left-to-right text: a heading that wraps loses the space
  // at the break ("assistivetechnology") and one pushed to the next page by break-after: avoid is written twice.
  // With one bookmark per heading, in order, every title that differs from its heading is replaced.
  if (items.length === wanted.length) {
    items.forEach((item, i) => {
      if (collapse(item.title) !== wanted[i]) replacements.push({ item, title: wanted[i]! });
    });
    return replacements.length === 0 ? pdf : appendUpdate(pdf, parsed, replacements);
  }
  if (!items.some((i) => STRONG_RTL.test(i.title))) return pdf;
  let next = 0;
  for (const item of items) {
    const key = anagramKey(item.title);
    const found = wanted.findIndex((h, i) => i >= next && anagramKey(h) === key);
    if (found < 0) continue;
    next = found + 1;
    const heading = wanted[found]!;
    if (heading !== collapse(item.title)) replacements.push({ item, title: heading });
  }
  if (replacements.length === 0) return pdf;
  return appendUpdate(pdf, parsed, replacements);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The characters of a text regardless of order, bidi controls and mirrored brackets: a visual-order text has the same key. */
function anagramKey(text: string): string {
  return [...text.normalize('NFKC').replace(/[\s\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '').replace(/[()[\]{}<>«»]/g, '(')]
    .sort()
    .join('');
}

function parsePdf(pdf: Buffer): ParsedPdf | undefined {
  const tail = pdf.subarray(Math.max(0, pdf.length - 1024)).toString('latin1');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!startxref) return undefined;
  const xrefOffset = Number(startxref[1]);
  const offsets = new Map<number, number>();
  let trailer: string | undefined;
  // Follow the chain of cross-reference sections from the newest (an earlier fix is itself an incremental update).
  const visited = new Set<number>();
  for (let at: number | undefined = xrefOffset; at !== undefined; ) {
    if (visited.has(at) || at >= pdf.length) return undefined;
    visited.add(at);
    const section = readXrefSection(pdf, at);
    if (!section) return undefined;
    for (const [n, offset] of section.offsets) if (!offsets.has(n)) offsets.set(n, offset);
    trailer ??= section.trailer;
    const prev = /\/Prev\s+(\d+)/.exec(section.trailer)?.[1];
    at = prev === undefined ? undefined : Number(prev);
  }
  return trailer ? { offsets, xrefOffset, trailer } : undefined;
}

function readXrefSection(pdf: Buffer, at: number): { offsets: Map<number, number>; trailer: string } | undefined {
  const text = pdf.subarray(at, Math.min(pdf.length, at + 1024 * 1024)).toString('latin1');
  if (!text.startsWith('xref')) return undefined; // a cross-reference stream: not produced by Chromium
  const trailerAt = text.indexOf('trailer');
  if (trailerAt < 0) return undefined;
  const offsets = new Map<number, number>();
  let objectNumber = 0;
  for (const line of text.slice(4, trailerAt).trim().split(/\r?\n|\r/)) {
    const section = /^(\d+) (\d+)\s*$/.exec(line);
    if (section) {
      objectNumber = Number(section[1]);
      continue;
    }
    const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(line);
    if (!entry) return undefined;
    if (entry[3] === 'n') offsets.set(objectNumber, Number(entry[1]));
    objectNumber++;
  }
  const trailer = /<<[\s\S]*?>>/.exec(text.slice(trailerAt))?.[0];
  return trailer ? { offsets, trailer } : undefined;
}

function objectSource(pdf: Buffer, parsed: ParsedPdf, objectNumber: number): string | undefined {
  const offset = parsed.offsets.get(objectNumber);
  if (offset === undefined) return undefined;
  const end = pdf.indexOf('endobj', offset, 'latin1');
  if (end < 0) return undefined;
  const source = pdf.subarray(offset, end + 'endobj'.length).toString('latin1');
  return source.startsWith(`${objectNumber} 0 obj`) ? source : undefined;
}

function ref(source: string, key: string): number | undefined {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(source);
  return m ? Number(m[1]) : undefined;
}

function outlineItems(pdf: Buffer, parsed: ParsedPdf): OutlineItem[] {
  const root = ref(parsed.trailer, 'Root');
  const catalog = root !== undefined ? objectSource(pdf, parsed, root) : undefined;
  const outlines = catalog ? ref(catalog, 'Outlines') : undefined;
  const outlineRoot = outlines !== undefined ? objectSource(pdf, parsed, outlines) : undefined;
  const items: OutlineItem[] = [];
  const seen = new Set<number>();
  const walk = (first: number | undefined) => {
    for (let n = first; n !== undefined && !seen.has(n); ) {
      seen.add(n);
      const source = objectSource(pdf, parsed, n);
      if (!source) return;
      const title = readTitle(source);
      if (title) items.push({ objectNumber: n, source, ...title });
      walk(ref(source, 'First'));
      n = ref(source, 'Next');
    }
  };
  if (outlineRoot) walk(ref(outlineRoot, 'First'));
  return items;
}

function readTitle(source: string): { title: string; titleStart: number; titleEnd: number } | undefined {
  const key = /\/Title\s*/.exec(source);
  if (!key) return undefined;
  const start = key.index + key[0].length;
  let bytes: number[] = [];
  let end: number;
  if (source[start] === '<') {
    end = source.indexOf('>', start);
    if (end < 0) return undefined;
    const hex = source.slice(start + 1, end).replace(/\s+/g, '');
    for (let i = 0; i < hex.length; i += 2) bytes.push(parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16));
    end += 1;
  } else if (source[start] === '(') {
    const literal = readLiteral(source, start);
    if (!literal) return undefined;
    bytes = literal.bytes;
    end = literal.end;
  } else {
    return undefined;
  }
  return { title: decodeTextString(bytes), titleStart: start, titleEnd: end };
}

function readLiteral(source: string, start: number): { bytes: number[]; end: number } | undefined {
  const bytes: number[] = [];
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const n = source[++i] ?? '';
      const simple: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
      if (n in simple) bytes.push(simple[n]!);
      else if (/[0-7]/.test(n)) {
        const oct = /^[0-7]{1,3}/.exec(source.slice(i))![0];
        bytes.push(parseInt(oct, 8) & 0xff);
        i += oct.length - 1;
      } else if (n === '\r' && source[i + 1] === '\n') i++;
      else if (n !== '\n' && n !== '\r') bytes.push(n.charCodeAt(0));
      continue;
    }
    if (c === '(') {
      if (depth++ > 0) bytes.push(40);
      continue;
    }
    if (c === ')') {
      if (--depth === 0) return { bytes, end: i + 1 };
      bytes.push(41);
      continue;
    }
    bytes.push(c.charCodeAt(0) & 0xff);
  }
  return undefined;
}

function decodeTextString(bytes: number[]): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return out;
  }
  return String.fromCharCode(...bytes); // PDFDocEncoding agrees with Latin-1 for the text Chromium writes this way
}

function encodeTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

function appendUpdate(pdf: Buffer, parsed: ParsedPdf, replacements: { item: OutlineItem; title: string }[]): Buffer {
  const size = /\/Size\s+(\d+)/.exec(parsed.trailer)?.[1];
  const root = /\/Root\s+\d+\s+\d+\s+R/.exec(parsed.trailer)?.[0];
  const info = /\/Info\s+\d+\s+\d+\s+R/.exec(parsed.trailer)?.[0];
  if (!size || !root) return pdf;
  const chunks: Buffer[] = [pdf];
  let position = pdf.length;
  const push = (text: string) => {
    const bytes = Buffer.from(text, 'latin1');
    chunks.push(bytes);
    position += bytes.length;
  };
  if (pdf[pdf.length - 1] !== 0x0a) push('\n');
  const entries: { objectNumber: number; offset: number }[] = [];
  for (const { item, title } of replacements.sort((a, b) => a.item.objectNumber - b.item.objectNumber)) {
    entries.push({ objectNumber: item.objectNumber, offset: position });
    push(`${item.source.slice(0, item.titleStart)}${encodeTextString(title)}${item.source.slice(item.titleEnd)}\n`);
  }
  const xrefOffset = position;
  let xref = 'xref\n';
  for (const { objectNumber, offset } of entries) xref += `${objectNumber} 1\n${String(offset).padStart(10, '0')} 00000 n \n`;
  xref += `trailer\n<</Size ${size}\n${root}\n${info ? `${info}\n` : ''}/Prev ${parsed.xrefOffset}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  push(xref);
  return Buffer.concat(chunks);
}
