import { describe, expect, it } from 'vitest';
import { ContentOperations, parseContentStream } from '../../../../src/render/pdf/post-print/content-stream.js';
import { markArtifacts } from '../../../../src/render/pdf/post-print/mark-artifacts.js';
import { PdfDict, PdfString } from '../../../../src/render/pdf/post-print/pdf-objects.js';
import { decodeShown, parseToUnicode } from '../../../../src/render/pdf/post-print/to-unicode.js';

const bytes = (s: string) => Buffer.from(s, 'latin1');

describe('content streams', () => {
  it('splits operations with their operands and byte ranges, whatever the operands hold', () => {
    const src = '/P <</MCID 3 >>BDC\nBT (a \\) b) Tj [<0041> -20 (c)] TJ ET\nEMC q 1 0 0 -1 .5 -3.25 cm BI /W 1 /H 1 ID \x00\xff EI Q % comment\n';
    const ops = parseContentStream(bytes(src));
    expect(ops.map((o) => o.operator)).toEqual(['BDC', 'BT', 'Tj', 'TJ', 'ET', 'EMC', 'q', 'cm', 'BI', 'Q']);
    expect((ops[0]!.operands[1] as PdfDict).get('MCID')).toBe(3);
    expect((ops[2]!.operands[0] as PdfString).toText()).toBe('a ) b');
    expect(ops[7]!.operands).toEqual([1, 0, 0, -1, 0.5, -3.25]);
    expect(src.slice(ops[2]!.start, ops[2]!.end)).toBe('(a \\) b) Tj');
    expect(src.slice(ops[8]!.start, ops[8]!.end)).toBe('BI /W 1 /H 1 ID \x00\xff EI');
  });

  it('reads every number exactly as Number() reads its text', () => {
    const numbers = ['0', '-0', '7', '+7', '.5', '-.92417908', '5.', '6.4819183', '1.43057251', '-7.4947052', '659.40625', '0.1', '0.3',
      '123456789012345', '1234567890123456789', '0.000000000000000001', '3.14159265358979323846', '1.2.3', '-', '+-1', '--5', '.'];
    const ops = parseContentStream(bytes(numbers.map((n) => `${n} w`).join('\n')));
    expect(ops.map((o) => o.operands[0])).toEqual(numbers.map(Number));
    expect(Object.is(ops[1]!.operands[0], -0)).toBe(true);
  });
});

describe('artifacts', () => {
  it('wraps untagged painting, leaves tagged content alone and merges neighbours', () => {
    const src = [
      'q 0 0 10 10 re f Q', // a background: untagged path
      'BT /F1 9 Tf 1 0 0 1 5 5 Tm <0001> Tj 3 0 Td <0002> Tj ET', // a running header: two glyphs, one artifact
      '/P <</MCID 0 >>BDC BT <0003> Tj ET 0 0 5 5 re f EMC', // tagged text and a tagged border
      'BT /ReversedChars BMC <0004> Tj EMC ET', // Chromium's neutral sequence around right-to-left text
      '0 0 m 5 5 l 1 w S', // an untagged rule: from the path's first operator to its painting
      '0 0 3 3 re W n', // a clip paints nothing
    ].join('\n');
    const { data, artifacts } = markArtifacts(bytes(src), ContentOperations.of(bytes(src)));
    const out = data!.toString('latin1');
    expect(artifacts).toBe(4);
    expect(out).toContain('q /Artifact BMC\n0 0 10 10 re f\nEMC Q');
    expect(out).toContain('/Artifact BMC\n<0001> Tj 3 0 Td <0002> Tj\nEMC ET');
    expect(out).toContain('/P <</MCID 0 >>BDC BT <0003> Tj ET 0 0 5 5 re f EMC');
    expect(out).toContain('/ReversedChars BMC /Artifact BMC\n<0004> Tj\nEMC EMC');
    expect(out).toContain('/Artifact BMC\n0 0 m 5 5 l 1 w S\nEMC');
    expect(out).toContain('0 0 3 3 re W n');
    // Every painting operator is now covered: parse again and walk.
    const covered: boolean[] = [];
    for (const op of parseContentStream(data!)) {
      if (op.operator === 'BDC' || op.operator === 'BMC') covered.push(covered.at(-1) === true || op.operator === 'BDC' || String((op.operands[0] as { name?: string }).name) === 'Artifact');
      else if (op.operator === 'EMC') covered.pop();
      else if (['Tj', 'f', 'S'].includes(op.operator)) expect(covered.at(-1), `${op.operator} at ${op.start}`).toBe(true);
    }
  });

  it('turns the tagged sequences it is given into artifacts', () => {
    const src = '/H2 <</MCID 4 >>BDC BT ET EMC /P <</MCID 5 >>BDC BT <0001> Tj ET EMC';
    const out = markArtifacts(bytes(src), ContentOperations.of(bytes(src)), new Set([4])).data!.toString('latin1');
    expect(out).toBe('/Artifact BMC BT ET EMC /P <</MCID 5 >>BDC BT <0001> Tj ET EMC');
  });

  it('returns nothing to write when everything is already tagged', () => {
    const src = '/P <</MCID 0 >>BDC BT <0001> Tj ET EMC';
    expect(markArtifacts(bytes(src), ContentOperations.of(bytes(src))).data).toBeUndefined();
  });
});

describe('ToUnicode', () => {
  it('reads bfchar and both kinds of bfrange, and counts codes that map to nothing', () => {
    const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar <0005> <0020> <007A> <0000> <008D> <099509CD> endbfchar
2 beginbfrange <0010> <0012> <0041> <0020> <0021> [<0645> <FEFB>] endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`;
    const map = parseToUnicode(bytes(cmap), 2);
    expect(map.map.get(0x11)).toBe('B');
    expect(map.map.get(0x21)).toBe('\ufefb');
    expect(map.map.get(0x8d)).toBe('ক্');
    expect(decodeShown(Uint8Array.from([0, 0x10, 0, 5, 0, 0x12, 0, 0x7a, 0, 0x99]), map)).toEqual({ text: 'A C', glyphs: 5, unmapped: 2 });
  });
});
