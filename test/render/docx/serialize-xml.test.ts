/**
 * The package's XML is written by serializeXml, not by the docx library's writer: the same bytes, on each quirk of
 * the library's writer and on whole documents.
 */
import { BaseXmlComponent, Document, Packer } from 'docx';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compilePackage } from '../../../src/render/docx/compile-package.js';
import { serializeXml } from '../../../src/render/docx/serialize-xml.js';
import { wholeDocuments } from './helpers.js';

/** A component whose formatted object is given: it lands in the document body as it is. */
class Given extends BaseXmlComponent {
  constructor(private readonly object: unknown) {
    super('given');
  }
  override prepForXml(): never {
    return this.object as never;
  }
}

const documentOf = (objects: readonly unknown[]) => new Document({ sections: [{ children: objects.map((o) => new Given(o)) as never }] });
const compiler = (Packer as unknown as { compiler: { compile(doc: Document): Map<string, string> } }).compiler;
/** word/document.xml as the library's writer writes it (its compiler called directly, outside compilePackage). */
const libraryXml = (objects: readonly unknown[]) => compiler.compile(documentOf(objects)).get('word/document.xml')!;
const ourXml = (objects: readonly unknown[]) => compilePackage(documentOf(objects)).get('word/document.xml') as string;

const QUIRKS: unknown[] = [
  { 'w:a': {} },
  { 'w:a': [] },
  { 'w:a': null },
  { 'w:a': undefined },
  { 'w:a': 'text & <b> "q" \'a\'' },
  { 'w:a': 5 },
  { 'w:a': false },
  { 'w:a': { _attr: { x: 1, y: 'a&b"<>\'', z: undefined, w: true } } },
  { 'w:a': [{ _attr: { x: 1 } }] },
  { 'w:a': [{ _attr: { x: 1 } }, { 'w:b': {} }, { _attr: { y: 2 } }, { 'w:c': [] }] },
  { 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, '  spaced  '] },
  // A text item takes the place of whatever was written just before it.
  { 'w:a': [{ 'w:b': {} }, 'text'] },
  { 'w:a': ['text', { 'w:b': {} }] },
  { 'w:a': ['x', 'y'] },
  { 'w:a': [{ 'w:b': 'one' }, { 'w:c': 'two' }, 3, { 'w:d': {} }] },
  { 'w:a': [undefined, { 'w:b': {} }] },
  { 'w:a': [{ 'w:b': {} }, undefined] },
  { 'w:a': [1, true, 'z'] },
  { 'w:a': { _cdata: 'x ]]> y' } },
  { 'w:a': { _attr: { k: 'v' }, _cdata: 'c' } },
  { 'w:a': 'control\u0001chars\u000b\u000c\u001f kept:\t\n\r' },
  { 'w:a': { _attr: { v: 'tab\there\u0002' } } },
  { 'w:a': [[{ 'w:b': 'nested array' }]] },
  { '': 'no name' },
  { '': [{ 'w:b': {} }] },
  {},
  { 'w:a': [{ 'w:b': [{ 'w:c': [{ _attr: { d: 'deep' } }, 'leaf'] }] }] },
  { 'w:a': 'ümlaut, عربي, 中文, 😀' },
];

/** Random formatted objects (seeded), from the shapes above. */
function randomObjects(count: number): unknown[] {
  let seed = 20261205;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const texts = ['', 'a', 'a & b', '<x>', '"q"', "it's", '\u0003', 'عربي', '42'];
  const primitive = () => pick<unknown>([pick(texts), 7, 0, true, false, undefined]);
  const attrs = () => Object.fromEntries(Array.from({ length: Math.floor(random() * 3) }, (_, i) => [`w:k${i}`, primitive()]));
  const element = (depth: number): unknown => {
    const name = pick(['w:p', 'w:r', 'w:t', 'w:tbl', '']);
    const kind = Math.floor(random() * 6);
    if (depth > 3 || kind === 0) return { [name]: primitive() };
    if (kind === 1) return { [name]: { _attr: attrs() } };
    if (kind === 2) return { [name]: {} };
    const items: unknown[] = [];
    for (let i = Math.floor(random() * 5); i > 0; i--) {
      const which = random();
      items.push(which < 0.2 ? { _attr: attrs() } : which < 0.4 ? primitive() : element(depth + 1));
    }
    return { [name]: items };
  };
  return Array.from({ length: count }, () => element(0));
}

describe('serializeXml', () => {
  afterEach(() => {
    vi.doUnmock('../../../src/render/docx/compile-package.js');
    vi.resetModules();
  });

  it("writes each quirk of the library's writer as it does", () => {
    for (const object of QUIRKS) expect(ourXml([object]), JSON.stringify(object)).toBe(libraryXml([object]));
    // And the pieces themselves, where they can be told apart in the body.
    expect(serializeXml({ 'w:a': [{ 'w:b': {} }, 'text'] })).toBe('<w:a>text</w:a>');
    expect(serializeXml({ 'w:a': [{ _attr: { x: 1 } }] })).toBe('<w:a x="1"></w:a>');
    expect(serializeXml({ 'w:a': { _attr: { x: 1 } } })).toBe('<w:a x="1"/>');
    expect(serializeXml({ 'w:a': undefined })).toBe('<w:a></w:a>');
    expect(serializeXml({ 'w:a': 'x\u0001<' })).toBe('<w:a>x&lt;</w:a>');
  });

  it('writes 300 random formatted objects as the library does', () => {
    const objects = randomObjects(300);
    expect(ourXml(objects)).toBe(libraryXml(objects));
    for (const object of objects.slice(0, 50)) expect(ourXml([object]), JSON.stringify(object)).toBe(libraryXml([object]));
  });

  it('refuses a null item as the library does', () => {
    expect(() => libraryXml([{ 'w:a': [null] }])).toThrow(TypeError);
    expect(() => ourXml([{ 'w:a': [null] }])).toThrow(TypeError);
  });

  it("hands the XML over only while compilePackage compiles; other uses of the compiler keep the library's writer", () => {
    const object = { 'w:a': [{ 'w:b': 'x' }] };
    ourXml([object]); // installs the hand-over
    const formatter = (compiler as unknown as { formatter: { format(input: unknown, context: unknown): unknown } }).formatter;
    // Outside compilePackage: the component's own object, for the library's writer.
    expect(formatter.format(new Given(object), { stack: [] })).toBe(object);
    // Inside: every part is handed over as finished XML (an element with no name).
    const installed = formatter.format;
    const outputs: unknown[] = [];
    formatter.format = (input, context) => {
      const output = installed(input, context);
      outputs.push(output);
      return output;
    };
    try {
      compilePackage(documentOf([object]));
    } finally {
      formatter.format = installed;
    }
    expect(outputs.length).toBeGreaterThan(5);
    for (const output of outputs) expect(Object.keys(output as object)).toEqual(['']);
  });

  it("gives whole documents the bytes the library's writer gives them", async () => {
    const documents = wholeDocuments();
    vi.resetModules();
    vi.doMock('../../../src/render/docx/compile-package.js', async () => {
      const docx = await import('docx');
      const library = (docx.Packer as unknown as { compiler: { compile(doc: unknown): Map<string, string | Uint8Array> } }).compiler;
      return { compilePackage: (document: unknown) => library.compile(document) };
    });
    const withLibraryWriter = (await import('../../../src/render/docx/render-docx.js')).renderDocx;
    vi.doUnmock('../../../src/render/docx/compile-package.js');
    vi.resetModules();
    const withOurWriter = (await import('../../../src/render/docx/render-docx.js')).renderDocx;
    expect(withOurWriter).not.toBe(withLibraryWriter);
    for (const [i, document] of documents.entries()) {
      const library = await withLibraryWriter(document);
      expect((await withOurWriter(document)).equals(library), `document ${i}`).toBe(true);
    }
  });
});
