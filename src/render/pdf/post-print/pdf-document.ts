/**
 * A PDF file opened for editing: objects read on demand through the cross-reference table, changed or added
 * objects kept aside, and `save()` writing a new file in which every unchanged object is copied byte for byte.
 *
 * Why not a PDF library (measured on a 19-page official IEP, December 2026): @cantoo/pdf-lib parses every object
 * (150-350 ms a PDF), takes over a second to import, and none of the JavaScript PDF libraries parses or edits content
 * streams, which the artifacts need; mupdf does, but its WASM module adds 200-600 ms to a cold start, it rewrites
 * numbers at float precision, and it is AGPL-licensed (iepkit is MIT). This reads what Chromium writes (classic
 * cross-reference tables, possibly with incremental updates; no cross-reference streams, no encryption) and `open`
 * returns undefined for anything else, so the caller can leave such a file untouched.
 */
import { PdfLexer, PdfSyntaxError } from './pdf-lexer.js';
import { numberValue, PdfDict, PdfOperator, PdfRef, PdfStream, serialize, type PdfObject } from './pdf-objects.js';

interface Entry {
  offset: number;
  gen: number;
}

export class PdfDocument {
  private readonly cache = new Map<number, PdfObject>();
  private readonly changed = new Map<number, PdfObject>();
  /** Where each object read so far ends in the file, so `save` copies it without reading it again. */
  private readonly ends = new Map<number, number>();
  private nextNumber: number;

  private constructor(
    private readonly bytes: Buffer,
    /** The same bytes as a Latin-1 string, which the lexer reads (see pdf-lexer.ts). */
    private readonly source: string,
    private readonly entries: Map<number, Entry>,
    readonly trailer: PdfDict,
    readonly version: string,
  ) {
    this.nextNumber = Math.max(numberValue(trailer.get('Size')) ?? 0, ...[...entries.keys()].map((n) => n + 1));
  }

  static open(bytes: Buffer): PdfDocument | undefined {
    const header = /^%PDF-(\d\.\d)/.exec(bytes.subarray(0, 16).toString('latin1'));
    const tail = bytes.subarray(Math.max(0, bytes.length - 64)).toString('latin1');
    const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!header || !startxref) return undefined;
    const source = bytes.toString('latin1');
    const entries = new Map<number, Entry>();
    let trailer: PdfDict | undefined;
    const seen = new Set<number>();
    try {
      for (let at: number | undefined = Number(startxref[1]); at !== undefined && !seen.has(at); ) {
        seen.add(at);
        const section = readXrefSection(source, at);
        if (!section) return undefined;
        for (const [num, entry] of section.entries) if (!entries.has(num)) entries.set(num, entry);
        trailer ??= section.trailer;
        at = numberValue(section.trailer.get('Prev'));
      }
    } catch (error) {
      if (error instanceof PdfSyntaxError) return undefined;
      throw error;
    }
    if (!trailer || trailer.has('Encrypt')) return undefined;
    for (const [num, entry] of entries) if (entry.offset < 0) entries.delete(num);
    return new PdfDocument(bytes, source, entries, trailer, header[1]!);
  }

  get catalog(): PdfDict {
    const root = this.resolve(this.trailer.get('Root'));
    if (!(root instanceof PdfDict)) throw new PdfSyntaxError('the file has no catalog');
    return root;
  }

  /** The object a reference points to (or the value itself when it is not a reference). */
  resolve(value: PdfObject | undefined): PdfObject | undefined {
    return value instanceof PdfRef ? this.get(value) : value;
  }

  resolveDict(value: PdfObject | undefined): PdfDict | undefined {
    const found = this.resolve(value);
    if (found instanceof PdfDict) return found;
    if (found instanceof PdfStream) return found.dict;
    return undefined;
  }

  resolveArray(value: PdfObject | undefined): PdfObject[] | undefined {
    const found = this.resolve(value);
    return Array.isArray(found) ? found : undefined;
  }

  get(ref: PdfRef): PdfObject | undefined {
    const { num } = ref;
    if (this.changed.has(num)) return this.changed.get(num);
    if (this.cache.has(num)) return this.cache.get(num);
    const entry = this.entries.get(num);
    if (!entry) return undefined;
    const { value, end } = this.readObjectAt(entry.offset, num);
    this.cache.set(num, value);
    this.ends.set(num, end);
    return value;
  }

  /**
   * Marks an object changed so `save` writes it anew. Objects read through `get` are live: change them in place and
   * call `markChanged(ref)`, or give a new value.
   */
  set(ref: PdfRef, value: PdfObject): void {
    this.changed.set(ref.num, value);
  }

  markChanged(ref: PdfRef): void {
    const value = this.get(ref);
    if (value !== undefined) this.changed.set(ref.num, value);
  }

  add(value: PdfObject): PdfRef {
    const ref = new PdfRef(this.nextNumber++, 0);
    this.changed.set(ref.num, value);
    return ref;
  }

  /** Every page dictionary's reference, in page order. */
  pageRefs(): PdfRef[] {
    const out: PdfRef[] = [];
    const walk = (ref: PdfObject | undefined, depth: number): void => {
      if (!(ref instanceof PdfRef) || depth > 64) return;
      const node = this.resolveDict(ref);
      if (!node) return;
      const kids = this.resolveArray(node.get('Kids'));
      if (kids) for (const kid of kids) walk(kid, depth + 1);
      else out.push(ref);
    };
    walk(this.catalog.get('Pages'), 0);
    return out;
  }

  /** A new file: the header, every live object (unchanged ones copied verbatim), one cross-reference table. */
  save(version = this.version): Buffer {
    const sorted = [...this.reachable()].sort((a, b) => a - b);
    const parts: Buffer[] = [Buffer.from(`%PDF-${version}\n%\xe2\xe3\xcf\xd3\n`, 'latin1')];
    let length = parts[0]!.length;
    const offsets = new Map<number, { offset: number; gen: number }>();
    const push = (chunk: Buffer) => {
      parts.push(chunk);
      length += chunk.length;
    };
    for (const num of sorted) {
      if (this.changed.has(num)) {
        const value = this.changed.get(num)!;
        offsets.set(num, { offset: length, gen: 0 });
        push(serializeIndirect(num, 0, value));
      } else {
        const entry = this.entries.get(num)!;
        const end = this.ends.get(num) ?? this.readObjectAt(entry.offset, num).end;
        offsets.set(num, { offset: length, gen: entry.gen });
        push(this.bytes.subarray(entry.offset, end));
        push(NEWLINE);
      }
    }
    const size = (sorted.at(-1) ?? 0) + 1;
    let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
    for (let num = 1; num < size; num++) {
      const at = offsets.get(num);
      xref += at ? `${String(at.offset).padStart(10, '0')} ${String(at.gen).padStart(5, '0')} n \n` : '0000000000 65535 f \n';
    }
    const trailer = new PdfDict();
    for (const key of ['Root', 'Info', 'ID']) {
      const value = this.trailer.get(key);
      if (value !== undefined) trailer.set(key, value);
    }
    trailer.set('Size', size);
    const xrefOffset = length;
    push(Buffer.from(`${xref}trailer\n${serialize(trailer)}\nstartxref\n${xrefOffset}\n%%EOF\n`, 'latin1'));
    return Buffer.concat(parts);
  }

  /** The objects reachable from the trailer: what a fix replaced (an old parent tree, say) is not written. */
  private reachable(): Set<number> {
    const found = new Set<number>();
    const pending: PdfObject[] = [...this.trailer.entries.values()];
    while (pending.length) {
      const value = pending.pop();
      if (value instanceof PdfRef) {
        if (found.has(value.num) || (!this.changed.has(value.num) && !this.entries.has(value.num))) continue;
        found.add(value.num);
        pending.push(this.get(value) ?? null);
      } else if (Array.isArray(value)) pending.push(...value);
      else if (value instanceof PdfDict) pending.push(...value.entries.values());
      else if (value instanceof PdfStream) pending.push(...value.dict.entries.values());
    }
    return found;
  }

  private readObjectAt(offset: number, expected: number): { value: PdfObject; end: number } {
    const lexer = new PdfLexer(this.source, offset);
    const num = lexer.readObject();
    const gen = lexer.readObject();
    const keyword = lexer.readObject();
    if (num !== expected || typeof gen !== 'number' || !(keyword instanceof PdfOperator) || keyword.name !== 'obj') {
      throw new PdfSyntaxError(`object ${expected} is not at offset ${offset}`);
    }
    let value = lexer.readObject();
    lexer.skipWhitespace();
    if (value instanceof PdfDict && this.source.startsWith('stream', lexer.pos)) {
      let start = lexer.pos + 6;
      if (this.bytes[start] === 0x0d) start++;
      if (this.bytes[start] === 0x0a) start++;
      const lengthValue = value.get('Length');
      const length = numberValue(lengthValue instanceof PdfRef ? this.get(lengthValue) : lengthValue);
      if (length === undefined) throw new PdfSyntaxError(`stream ${expected} has no length`);
      value = new PdfStream(value, this.bytes.subarray(start, start + length));
      lexer.pos = start + length;
      lexer.skipWhitespace();
      if (!this.source.startsWith('endstream', lexer.pos)) throw new PdfSyntaxError(`stream ${expected} has a wrong length`);
      lexer.pos += 9;
    }
    const end = lexer.readObject();
    if (!(end instanceof PdfOperator) || end.name !== 'endobj') throw new PdfSyntaxError(`object ${expected} does not end with endobj`);
    return { value, end: lexer.pos };
  }
}

const NEWLINE = Buffer.from('\n');

function serializeIndirect(num: number, gen: number, value: PdfObject): Buffer {
  if (value instanceof PdfStream) {
    value.dict.set('Length', value.raw.length);
    return Buffer.concat([
      Buffer.from(`${num} ${gen} obj\n${serialize(value.dict)} stream\n`, 'latin1'),
      value.raw,
      Buffer.from('\nendstream\nendobj\n', 'latin1'),
    ]);
  }
  return Buffer.from(`${num} ${gen} obj\n${serialize(value)}\nendobj\n`, 'latin1');
}

function readXrefSection(source: string, at: number): { entries: Map<number, Entry>; trailer: PdfDict } | undefined {
  const lexer = new PdfLexer(source, at, false);
  const keyword = lexer.readObject();
  if (!(keyword instanceof PdfOperator) || keyword.name !== 'xref') return undefined; // a cross-reference stream
  const entries = new Map<number, Entry>();
  for (;;) {
    const first = lexer.readObject();
    if (first instanceof PdfOperator && first.name === 'trailer') break;
    const count = lexer.readObject();
    if (typeof first !== 'number' || typeof count !== 'number') return undefined;
    lexer.skipWhitespace();
    for (let i = 0; i < count; i++) {
      // Each entry is exactly 20 bytes: "oooooooooo ggggg n\r\n".
      const line = source.slice(lexer.pos, lexer.pos + 20);
      const m = /^(\d{10}) (\d{5}) ([nf])/.exec(line);
      if (!m) return undefined;
      entries.set(first + i, { offset: m[3] === 'n' ? Number(m[1]) : -1, gen: Number(m[2]) });
      lexer.pos += 20;
      lexer.skipWhitespace();
    }
  }
  const trailer = new PdfLexer(source, lexer.pos).readObject();
  return trailer instanceof PdfDict ? { entries, trailer } : undefined;
}
