import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { composeDocument, type ComposeOptions } from '../../../src/compose/compose-document.js';
import { parseMarkdown } from '../../../src/compose/parse-markdown.js';
import type { Iep } from '../../../src/model/iep.js';
import { loadIep } from '../../../src/validate/load-iep.js';
import type { DocumentMeta, DocumentTree } from '../../../src/model/document.js';
import { renderDocx } from '../../../src/render/docx/render-docx.js';

/** A fixed meta for tests: Letter, English, no notice or watermark unless asked. */
export function testMeta(overrides: Partial<DocumentMeta> = {}): DocumentMeta {
  return {
    layout: 'ny-official',
    title: 'Individualized Education Program: Maya Thompson',
    subject: 'Individualized Education Program, 2026-2027',
    lang: 'en',
    dir: 'ltr',
    page: { size: 'letter', margins: { top: 20, right: 18, bottom: 18, left: 18 } },
    header: 'Maya Thompson · Date of birth 2015-03-14 · ID 123456',
    pageCounter: 'Page {page} of {pages}',
    created: new Date('2026-09-01T12:00:00Z'),
    creator: 'Springfield School District',
    ...overrides,
  };
}

/** An Arabic meta: right-to-left, with a notice and a watermark. */
export function arabicMeta(overrides: Partial<DocumentMeta> = {}): DocumentMeta {
  return testMeta({
    title: 'برنامج التعليم الفردي: مايا تومسون',
    subject: 'برنامج التعليم الفردي، 2026-2027',
    lang: 'ar',
    dir: 'rtl',
    header: 'مايا تومسون · تاريخ الميلاد ١٤/٣/٢٠١٥ · الرقم 123456',
    pageCounter: 'صفحة {page} من {pages}',
    notice: 'هذه ترجمة. النسخة الإنجليزية هي الوثيقة القانونية.',
    watermark: 'مسودة',
    ...overrides,
  });
}

export function tree(markdown: string, meta: DocumentMeta = testMeta()): DocumentTree {
  return { meta, body: parseMarkdown(markdown) };
}

/**
 * Whole documents that between them use every part of the DOCX writer: the all-features tree (English, Arabic, a
 * Chinese student summary) and composed copies (official, family, bilingual, a progress report with its chart, a
 * redline), for tests that compare a change's bytes with the library's own way.
 */
export function wholeDocuments(): DocumentTree[] {
  const allFeatures = readFileSync(new URL('../../fixtures/tree/all-features.md', import.meta.url), 'utf8');
  const example = (name: string): Iep => loadIep(readFileSync(new URL(`../../../examples/${name}.iep.yaml`, import.meta.url))).iep!;
  const composed = (name: string, options: ComposeOptions): DocumentTree => {
    const { document } = composeDocument(example(name), options);
    if (!document) throw new Error(`${name} did not compose`);
    return document;
  };
  return [
    tree(allFeatures, testMeta()),
    tree(allFeatures, arabicMeta()),
    tree(allFeatures, testMeta({ lang: 'zh-Hans', layout: 'student' })),
    composed('maya-thompson', { layout: 'official', lang: 'en' }),
    composed('amira-saleh', { layout: 'official', lang: 'ar' }),
    composed('amira-saleh', { layout: 'family', lang: 'ar' }),
    composed('mateo-almonte', { layout: 'bilingual', lang: 'es' }),
    composed('rayhan-chowdhury', { layout: 'bilingual', lang: 'bn' }),
    composed('mateo-almonte', { layout: 'progress', lang: 'bn' }),
    composed('amendments/mateo-almonte-v2', { layout: 'official', lang: 'es', base: example('mateo-almonte'), redline: true }),
  ];
}

export async function renderMarkdown(markdown: string, meta: DocumentMeta = testMeta()): Promise<Buffer> {
  return renderDocx(tree(markdown, meta));
}

/** Every XML part of a DOCX, by path. */
export async function unzipParts(docx: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(docx);
  const parts = new Map<string, string>();
  for (const file of Object.values(zip.files)) {
    if (!file.dir) parts.set(file.name, await file.async('string'));
  }
  return parts;
}

export async function renderParts(markdown: string, meta: DocumentMeta = testMeta()): Promise<Map<string, string>> {
  return unzipParts(await renderMarkdown(markdown, meta));
}

export function part(parts: Map<string, string>, path: string): string {
  const xml = parts.get(path);
  if (xml === undefined) throw new Error(`no ${path} in the package (has: ${[...parts.keys()].join(', ')})`);
  return xml;
}

/** The body paragraphs (`<w:p>...</w:p>` at any depth, in order): small strings to assert on. */
export function paragraphs(xml: string): string[] {
  return xml.match(/<w:p\b[^>]*?(?:\/>|>[\s\S]*?<\/w:p>)/g) ?? [];
}

/** The text of a fragment: its w:t contents joined. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join('');
}

/** The paragraph whose text contains `text`. */
export function paragraphWith(xml: string, text: string): string {
  const found = paragraphs(xml).find((p) => textOf(p).includes(text));
  if (!found) throw new Error(`no paragraph with "${text}"`);
  return found;
}

export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/** The rows (`<w:tr>`) of the n-th table. */
export function tableRows(xml: string, index = 0): string[] {
  const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
  const table = tables[index];
  if (!table) throw new Error(`no table ${index}`);
  return table.match(/<w:tr\b[\s\S]*?<\/w:tr>/g) ?? [];
}

const XML_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
} as const;

/** Elements whose text is content (whitespace included); anywhere else whitespace-only text is formatting. */
const TEXT_ELEMENTS = new Set(['w:t', 'w:instrText', 'w:delText', 'dc:title', 'dc:subject', 'dc:description', 't']);

type XmlNode = Record<string, unknown>;

function normalize(nodes: XmlNode[], parent: string): XmlNode[] {
  return nodes
    .filter((node) => !('#text' in node) || TEXT_ELEMENTS.has(parent) || String(node['#text']).trim() !== '')
    .map((node) => {
      const out: XmlNode = {};
      for (const [key, value] of Object.entries(node)) {
        out[key] = Array.isArray(value) && key !== ':@' ? normalize(value as XmlNode[], key) : value;
      }
      return out;
    });
}

/** A part parsed for structural comparison: element order, attributes and text; formatting whitespace ignored. */
export function parseXml(xml: string): unknown {
  return normalize(new XMLParser(XML_OPTIONS).parse(xml) as XmlNode[], '');
}

/** A part pretty-printed (for golden files a person can read and diff). */
export function prettyXml(xml: string): string {
  const tree = parseXml(xml);
  return `${new XMLBuilder({ ...XML_OPTIONS, format: true, indentBy: '  ', suppressEmptyNode: true }).build(tree)}`.trimStart() + '\n';
}
