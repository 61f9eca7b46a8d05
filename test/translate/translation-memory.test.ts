/**
 * The translation memory file: standard TMX that another tool reads (Debian's Translate Toolkit here, not
 * iepkit's own reader), kept as other tools wrote it, and refused, never overwritten, when it is malformed or hostile.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MEMORY_FILE_NAME, readMemory, recordInMemory, TranslationMemoryError } from '../../src/translate/translation-memory.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'memory-tmx-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The Translate Toolkit's reading of a TMX file: [source, target, the target's xml:lang] per unit. */
function readWithTranslateToolkit(file: string): [string, string, string][] {
  const script = [
    'import json, sys',
    'from translate.storage import tmx',
    'XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"',
    'with open(sys.argv[1], "rb") as f:',
    '    store = tmx.tmxfile(f, sourcelanguage="en")',
    'print(json.dumps([[u.source, u.target, [t.get(XML_LANG) for t in u.xmlelement.iter("tuv")][-1]] for u in store.units]))',
  ].join('\n');
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' })) as [string, string, string][];
}

const OTHER_TOOL = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="OmegaT" creationtoolversion="6.0" segtype="sentence" o-tmf="OmegaT TMX" adminlang="EN-US" srclang="EN-US" datatype="plaintext"/>
  <body>
    <!-- kept -->
    <tu>
      <prop type="x-district">Region 3</prop>
      <tuv xml:lang="EN-US"><seg>Every two weeks</seg></tuv>
      <tuv xml:lang="ES-US"><seg>Cada dos semanas</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="en"><seg>Press <ph x="1">{0}</ph> to start.</seg></tuv>
      <tuv xml:lang="es"><seg>Pulse <ph x="1">{0}</ph> para empezar.</seg></tuv>
    </tu>
  </body>
</tmx>
`;

describe('recordInMemory', () => {
  it('writes TMX that the Translate Toolkit reads with the right pairs, in each language', async () => {
    const result = await recordInMemory(dir, [
      { en: 'Every two weeks', lang: 'es', text: 'Cada dos semanas' },
      { en: 'Ana uses a "reading ruler" & large print <14 pt>.', lang: 'es', text: 'Ana usa una "regla de lectura" y letra grande (<14 pt>).' },
      { en: 'Every two weeks', lang: 'ar', text: 'كل أسبوعين' },
    ]);
    expect(result).toEqual({ file: join(dir, MEMORY_FILE_NAME), added: 3, changed: 0 });
    // One unit per sentence and language: the bilingual form every CAT tool (and the Toolkit) reads.
    expect(readWithTranslateToolkit(result.file)).toEqual([
      ['Every two weeks', 'Cada dos semanas', 'es'],
      ['Ana uses a "reading ruler" & large print <14 pt>.', 'Ana usa una "regla de lectura" y letra grande (<14 pt>).', 'es'],
      ['Every two weeks', 'كل أسبوعين', 'ar'],
    ]);
    const text = readFileSync(result.file, 'utf8');
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<tmx version="1.4">\n  <header [^>]*srclang="en"/);
    expect(text).toContain('segtype="sentence"');
  });

  it('adds to the memory, counts what changed, and keeps what is there', async () => {
    await recordInMemory(dir, [{ en: 'Every two weeks', lang: 'es', text: 'Cada dos semanas' }]);
    const second = await recordInMemory(dir, [
      { en: 'Every two weeks', lang: 'es', text: 'Cada 2 semanas' },
      { en: 'Every two weeks', lang: 'es', text: 'Cada 2 semanas' },
      { en: 'Once a month', lang: 'es', text: 'Una vez al mes' },
    ]);
    expect(second).toMatchObject({ added: 1, changed: 1 });
    const { memory } = await readMemory(second.file);
    expect(memory!.lookup('Every two weeks', 'es')).toBe('Cada 2 semanas');
    expect(memory!.lookup('Once  a month', 'es')).toBe('Una vez al mes');
    expect(memory!.lookup('Once a month', 'fr')).toBeUndefined();
  });

  it('never writes a character XML cannot hold, so the memory stays readable', async () => {
    const result = await recordInMemory(dir, [
      { en: 'Bell\u0007 rings.', lang: 'es', text: 'Suena el timbre.' },
      { en: 'Every two weeks', lang: 'es', text: 'Cada dos\u0000 semanas' },
      { en: 'Once a month', lang: 'es', text: 'Una vez al mes' },
    ]);
    expect(result).toMatchObject({ added: 1, changed: 0 });
    const { memory, diagnostics } = await readMemory(result.file);
    expect(diagnostics).toEqual([]);
    expect(memory!.size).toBe(1);
    expect(readWithTranslateToolkit(result.file)).toEqual([['Once a month', 'Una vez al mes', 'es']]);
  });

  it("keeps another tool's units, properties, inline markup, comments and DOCTYPE, and reads its regional tags", async () => {
    const file = join(dir, MEMORY_FILE_NAME);
    writeFileSync(file, OTHER_TOOL);
    const { memory } = await readMemory(file);
    expect(memory!.lookup('Every two weeks', 'es')).toBe('Cada dos semanas');
    // A seg with inline markup is not plain text: never used to fill a field.
    expect(memory!.lookup('Press {0} to start.', 'es')).toBeUndefined();

    await recordInMemory(dir, [{ en: 'Once a month', lang: 'es', text: 'Una vez al mes' }]);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">')).toBe(true);
    expect(text).toContain('<!-- kept -->');
    expect(text).toContain('<prop type="x-district">Region 3</prop>');
    expect(text).toContain('<seg>Pulse <ph x="1">{0}</ph> para empezar.</seg>');
    expect(text).toContain('creationtool="OmegaT"');
    expect(readWithTranslateToolkit(file).at(-1)).toEqual(['Once a month', 'Una vez al mes', 'es']);
  });

  it.each([
    ['a DOCTYPE with entities', '<?xml version="1.0"?>\n<!DOCTYPE tmx [\n<!ENTITY lol "lol">\n]>\n<tmx version="1.4"><body/></tmx>\n', 3, /declares an entity/],
    ['an external entity reference', '<?xml version="1.0"?>\n<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>&xxe;</seg></tuv></tu></body></tmx>\n', 2, /uses &xxe;, which is refused/],
    ['a truncated file', '<?xml version="1.0"?>\n<tmx version="1.4">\n  <body>\n    <tu><tuv xml:lang="en"><seg>Every', undefined, /not well-formed XML/],
    ['XML that is not TMX', '<?xml version="1.0"?>\n<html><body>hi</body></html>\n', 1, /root element is <html>, not <tmx>/],
  ])('refuses %s with a located diagnostic and never overwrites the file', async (_name, content, line, message) => {
    const file = join(dir, MEMORY_FILE_NAME);
    writeFileSync(file, content);
    const read = await readMemory(file);
    expect(read.memory).toBeUndefined();
    expect(read.diagnostics).toHaveLength(1);
    expect(read.diagnostics[0]).toMatchObject({ code: 'memory-malformed', severity: 'error', file });
    expect(read.diagnostics[0]!.message).toMatch(message);
    if (line !== undefined) expect(read.diagnostics[0]!.line).toBe(line);
    else expect(read.diagnostics[0]!.line).toBeGreaterThan(1);

    const error = await recordInMemory(dir, [{ en: 'Every two weeks', lang: 'es', text: 'Cada dos semanas' }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranslationMemoryError);
    expect((error as TranslationMemoryError).diagnostics[0]!.code).toBe('memory-malformed');
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('refuses a memory over the size limit without reading it whole', async () => {
    const file = join(dir, MEMORY_FILE_NAME);
    writeFileSync(file, Buffer.alloc(33 * 1024 * 1024, 0x20));
    const read = await readMemory(file);
    expect(read.diagnostics.map((d) => d.code)).toEqual(['memory-malformed']);
    expect(read.diagnostics[0]!.message).toContain('larger than 32 MB');
  });

  it('says when there is no memory to read', async () => {
    const read = await readMemory(join(dir, MEMORY_FILE_NAME));
    expect(read.diagnostics.map((d) => d.code)).toEqual(['memory-unreadable']);
    expect(read.diagnostics[0]!.message).toContain('there is no such file');
  });
});
