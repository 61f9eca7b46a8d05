import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PdfDocument } from '../../../../src/render/pdf/post-print/pdf-document.js';
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString } from '../../../../src/render/pdf/post-print/pdf-objects.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'iepkit-pdfdoc-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A small PDF written by hand: a page, a content stream, a font, strings with every escape, one incremental update. */
function handWritten(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100.5] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null, // the stream, below
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Title (Tricky \\(paren\\) \\\\ back\\101) /Author <FEFF0645> /Odd /A#20B >>',
  ];
  const content = 'BT /F1 12 Tf 10 50 Td (Hello) Tj ET';
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += body === null ? `${i + 1} 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n` : `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // An incremental update replacing the font.
  const update = out.length;
  out += '5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>\nendobj\n';
  const xref2 = out.length;
  out += `xref\n5 1\n${String(update).padStart(10, '0')} 00000 n \ntrailer\n<< /Size 7 /Root 1 0 R /Info 6 0 R /Prev ${xref} >>\nstartxref\n${xref2}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe('PdfDocument', () => {
  it('reads objects through the newest cross-reference section, with strings, names and numbers as written', () => {
    const doc = PdfDocument.open(handWritten())!;
    expect(doc).toBeDefined();
    const page = doc.resolveDict(doc.pageRefs()[0])!;
    const font = doc.resolveDict(doc.resolveDict(doc.resolveDict(page.get('Resources'))!.get('Font'))!.get('F1'))!;
    expect((font.get('BaseFont') as PdfName).name).toBe('Courier'); // the update wins
    const info = doc.resolveDict(doc.trailer.get('Info'))!;
    expect((info.get('Title') as PdfString).toText()).toBe('Tricky (paren) \\ backA');
    expect((info.get('Author') as PdfString).toText()).toBe('م');
    expect((info.get('Odd') as PdfName).name).toBe('A B');
    const stream = doc.resolve(page.get('Contents')) as PdfStream;
    expect(stream.decoded().toString()).toBe('BT /F1 12 Tf 10 50 Td (Hello) Tj ET');
  });

  it('saves a file qpdf accepts, unchanged objects byte for byte, changed and added ones anew, replaced ones gone', () => {
    const doc = PdfDocument.open(handWritten())!;
    const catalogRef = doc.trailer.get('Root') as PdfRef;
    const catalog = doc.catalog;
    const added = doc.add(new PdfDict([['Note', PdfString.fromText('نص')]]));
    catalog.set('Extra', added);
    doc.set(catalogRef, catalog);
    const saved = doc.save('1.7');
    expect(saved.subarray(0, 9).toString()).toBe('%PDF-1.7\n');
    const file = path.join(tmp, 'saved.pdf');
    writeFileSync(file, saved);
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    const text = saved.toString('latin1');
    expect(text).toContain('/Title (Tricky \\(paren\\) \\\\ back\\101)'); // copied verbatim, not re-serialised
    expect(text).toContain('/BaseFont /Courier');
    expect(text).not.toContain('/Helvetica'); // the replaced version is not written again
    const again = PdfDocument.open(saved)!;
    const extra = again.resolveDict(again.catalog.get('Extra'))!;
    expect((extra.get('Note') as PdfString).toText()).toBe('نص');
  });

  it('declines files it does not understand instead of guessing', () => {
    expect(PdfDocument.open(Buffer.from('not a pdf'))).toBeUndefined();
    const source = path.join(tmp, 'source.pdf');
    const streams = path.join(tmp, 'xref-stream.pdf');
    writeFileSync(source, handWritten());
    execFileSync('qpdf', ['--object-streams=generate', source, streams]);
    expect(PdfDocument.open(readFileSync(streams))).toBeUndefined();
    const broken = handWritten();
    broken.write('9999999999', broken.toString('latin1').lastIndexOf('startxref') + 10, 'latin1');
    expect(PdfDocument.open(broken)).toBeUndefined();
  });
});

describe('streams the reader cannot decode', () => {
  it('are a PdfSyntaxError, so the post-print stage leaves the file as printed', async () => {
    const { PdfSyntaxError } = await import('../../../../src/render/pdf/post-print/pdf-objects.js');
    const corrupt = new PdfStream(new PdfDict([['Filter', PdfName.of('FlateDecode')]]), Buffer.from('not deflated'));
    expect(() => corrupt.decoded()).toThrow(PdfSyntaxError);
    const lzw = new PdfStream(new PdfDict([['Filter', PdfName.of('LZWDecode')]]), Buffer.from('x'));
    expect(() => lzw.decoded()).toThrow(PdfSyntaxError);
  });
});
