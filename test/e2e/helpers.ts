/**
 * Helpers for the end-to-end tests (test/e2e/) and the compose tests (test/compose/): the bundled examples, the
 * text and structure of a composed tree, of a DOCX and of the HTML, and poppler readings of a PDF.
 *
 * Kept apart from test/render/**\/helpers.ts on purpose: those belong to the renderer tests and change with them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Node as UnistNode, Parent } from 'unist';
import { parse as parseYaml } from 'yaml';
import { loadIep } from '../../src/validate/load-iep.js';
import { validateIep } from '../../src/validate/validate-iep.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { Iep } from '../../src/model/iep.js';
import type { LayoutName, Profile } from '../../src/load/load-layout.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLES = ['maya-thompson', 'mateo-almonte', 'amira-saleh', 'rayhan-chowdhury'] as const;
export type Example = (typeof EXAMPLES)[number];

export const examplePath = (name: Example): string => path.join(ROOT, 'examples', `${name}.iep.yaml`);
export const MINIMAL = path.join(ROOT, 'test', 'fixtures', 'minimal.iep.yaml');

/** The three layouts, the official one in both profiles. `name` is used for file and folder names. */
export const LAYOUT_CASES = [
  { name: 'official-ny', layout: 'official', profile: 'ny' },
  { name: 'official-federal', layout: 'official', profile: 'federal' },
  { name: 'family', layout: 'family', profile: 'ny' },
  { name: 'student', layout: 'student', profile: 'ny' },
] as const satisfies readonly { name: string; layout: LayoutName; profile: Profile }[];
export type LayoutCase = (typeof LAYOUT_CASES)[number];

/** A bundled example, loaded and validated the way the CLI does. Fails loudly when it does not validate. */
export function loadExample(name: Example): Iep {
  const loaded = loadIep(readFileSync(examplePath(name)), { file: examplePath(name) });
  if (!loaded.iep) throw new Error(`${name} does not load:\n${describeDiagnostics(loaded.diagnostics)}`);
  return loaded.iep;
}

/** The raw data of an IEP file (YAML), for tests that change it before validating. */
export function rawIep(file: string): Record<string, any> {
  return parseYaml(readFileSync(file, 'utf8')) as Record<string, any>;
}

/** Validates changed data; fails loudly when the change made it invalid (the test would prove nothing then). */
export function validated(data: unknown): Iep {
  const result = validateIep(structuredClone(data));
  if (!result.iep) throw new Error(`the changed IEP does not validate:\n${describeDiagnostics(result.diagnostics)}`);
  return result.iep;
}

export function errorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error');
}

export function describeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${d.severity} ${d.code} ${d.path ?? ''} ${d.message}`).join('\n');
}

/** Whitespace collapsed to single spaces and trimmed. */
export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------------------------------------------------------
// The composed tree (mdast)

export type TreeNode = UnistNode & {
  value?: string;
  name?: string;
  depth?: number;
  url?: string;
  attributes?: Record<string, string | null | undefined> | null;
  children?: TreeNode[];
};

/** Every node, depth first, in document order. */
export function allNodes(root: TreeNode): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (node: TreeNode) => {
    out.push(node);
    for (const child of (node as Parent as { children?: TreeNode[] }).children ?? []) walk(child);
  };
  walk(root);
  return out;
}

const BLOCK = new Set(['paragraph', 'heading', 'listItem', 'tableCell', 'leafDirective', 'code', 'blockquote', 'thematicBreak']);

/**
 * The text a reader sees: text, inline code and directive labels, in order; blocks end with a newline. Directive
 * attributes are not text (they are rendered by their handlers as labels, links and bookmarks).
 */
export function treeText(root: TreeNode): string {
  let out = '';
  const walk = (node: TreeNode) => {
    if (node.type === 'text' || node.type === 'inlineCode') out += node.value ?? '';
    for (const child of node.children ?? []) walk(child);
    if (BLOCK.has(node.type)) out += '\n';
  };
  walk(root);
  return out;
}

/** The text of one node with whitespace collapsed. */
export const nodeText = (node: TreeNode): string => squash(treeText(node));

/** Headings as `depth:text`, in order. */
export function treeHeadings(root: TreeNode): { depth: number; text: string; node: TreeNode }[] {
  return allNodes(root)
    .filter((n) => n.type === 'heading')
    .map((n) => ({ depth: n.depth ?? 0, text: nodeText(n), node: n }));
}

// ---------------------------------------------------------------------------------------------------------------
// DOCX

export { part, unescapeXml, unzipParts as docxParts } from '../render/docx/helpers.js';
import { unescapeXml } from '../render/docx/helpers.js';

/** `<w:p>` elements in order (paragraphs never nest in the body of the documents iepkit writes). */
export function docxParagraphs(xml: string): string[] {
  return xml.match(/<w:p\b[^>]*?(?:\/>|>[\s\S]*?<\/w:p>)/g) ?? [];
}

/** `<w:r>` runs of a fragment. */
export function docxRuns(xml: string): string[] {
  return xml.match(/<w:r\b[^>]*?(?:\/>|>[\s\S]*?<\/w:r>)/g) ?? [];
}

/** The text of a fragment: its w:t contents, joined. */
export function docxTextOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join('');
}

/** All paragraph texts of word/document.xml, one per line. */
export function docxText(documentXml: string): string {
  return docxParagraphs(documentXml).map(docxTextOf).join('\n');
}

export function paragraphStyle(paragraph: string): string | undefined {
  return /<w:pStyle w:val="([^"]+)"/.exec(paragraph)?.[1];
}

/** Texts of the paragraphs styled Heading1/Heading2 (or the given styles), in order. */
export function docxHeadings(documentXml: string, styles: readonly string[] = ['Heading1', 'Heading2']): string[] {
  return docxParagraphs(documentXml)
    .filter((p) => styles.includes(paragraphStyle(p) ?? ''))
    .map((p) => squash(docxTextOf(p)));
}

// ---------------------------------------------------------------------------------------------------------------
// HTML

export function decodeHtml(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    return named[ref.toLowerCase()] ?? whole;
  });
}

/** The <main> element of a rendered document (the body content, without the <head> and its CSS). */
export function htmlMain(html: string): string {
  const match = /<main>([\s\S]*)<\/main>/.exec(html);
  if (!match) throw new Error('no <main> in the HTML');
  return match[1]!;
}

/** Texts of the h1/h2 (or given) elements of the HTML body, in order. */
export function htmlHeadings(html: string, tags: readonly string[] = ['h1', 'h2']): string[] {
  const pattern = new RegExp(`<(${tags.join('|')})\\b[^>]*>([\\s\\S]*?)</\\1>`, 'g');
  return [...htmlMain(html).matchAll(pattern)].map((m) => squash(decodeHtml(m[2]!.replace(/<[^>]*>/g, ''))));
}

/** The text of the HTML body, tags removed, entities decoded. */
export function htmlText(html: string): string {
  return decodeHtml(htmlMain(html).replace(/<[^>]*>/g, ' '));
}

// ---------------------------------------------------------------------------------------------------------------
// Temporary folders and PDF tools (poppler-utils, qpdf)

const temporary: string[] = [];

/** A fresh folder under the system temp folder, removed by `removeTemporary()`. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `iepkit-e2e-${prefix}-`));
  temporary.push(dir);
  return dir;
}

export function removeTemporary(): void {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
  // The PDFs' folder went with them: the next pdfFile makes a new one.
  pdfDir = undefined;
}

let pdfDir: string | undefined;
let pdfCount = 0;
const pdfFiles = new WeakMap<Buffer, string>();

/** The PDF written to a temporary file once (poppler reads files); the same buffer gives the same file. */
export function pdfFile(pdf: Buffer): string {
  const known = pdfFiles.get(pdf);
  if (known) return known;
  pdfDir ??= tempDir('pdf');
  const file = path.join(pdfDir, `${++pdfCount}.pdf`);
  writeFileSync(file, pdf);
  pdfFiles.set(pdf, file);
  return file;
}

const run = (command: string, args: string[]): string => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20 });

/** `pdfinfo` as key -> value. */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of run('pdfinfo', [pdfFile(pdf)]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1]!.trim()] = m[2]!.trim();
  }
  return info;
}

export const pageCount = (pdf: Buffer): number => Number(pdfInfo(pdf)['Pages']);

export interface Crop {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** `pdftotext` (reading order) of one page, 1-based, optionally of a rectangle in points from the top left. */
export function pdfPageText(pdf: Buffer, page: number, crop?: Crop): string {
  const args = ['-f', String(page), '-l', String(page), '-enc', 'UTF-8'];
  if (crop) args.push('-x', String(Math.round(crop.x)), '-y', String(Math.round(crop.y)), '-W', String(Math.round(crop.width)), '-H', String(Math.round(crop.height)));
  return run('pdftotext', [...args, pdfFile(pdf), '-']);
}

/** `pdftotext` of the whole document. */
export function pdfAllText(pdf: Buffer): string {
  return run('pdftotext', ['-enc', 'UTF-8', pdfFile(pdf), '-']);
}

export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Lines of one page with their boxes and words (`pdftotext -bbox-layout`), in points from the top left. */
export function pdfLines(pdf: Buffer, page = 1): (Box & { words: Box[] })[] {
  const xml = run('pdftotext', ['-bbox-layout', '-f', String(page), '-l', String(page), pdfFile(pdf), '-']);
  const box = (m: RegExpMatchArray) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
  return [...xml.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((line) => {
    const words = [...line[5]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      ...box(w),
      text: unescapeXml(w[5]!),
    }));
    return { ...box(line), text: words.map((w) => w.text).join(' '), words };
  });
}

/** qpdf's JSON (v2) of the whole file: the objects by id, and the catalog. */
export function pdfObjects(pdf: Buffer): { catalog: Record<string, unknown>; objects: Record<string, { value?: unknown }> } {
  const out = run('qpdf', ['--json', '--json-key=qpdf', pdfFile(pdf)]);
  const [, objects] = (JSON.parse(out) as { qpdf: [unknown, Record<string, { value?: unknown }>] }).qpdf;
  const trailer = objects['trailer']?.value as Record<string, string>;
  return { catalog: objects[`obj:${trailer['/Root']}`]?.value as Record<string, unknown>, objects };
}

/** One page as raw RGB pixels (pdftoppm's binary PPM). */
export function pagePixels(pdf: Buffer, page: number, dpi = 30): { width: number; height: number; pixels: Buffer } {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), pdfFile(pdf)], { maxBuffer: 64 << 20 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not give a binary PPM image');
  return { width: Number(header[1]), height: Number(header[2]), pixels: ppm.subarray(header[0].length) };
}

/** Letters and digits of a text, counted (NFKD, so Arabic presentation forms count as their letters). */
export function letterCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text.normalize('NFKD').replace(/[^\p{L}\p{N}]/gu, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

/**
 * Letters of `needle` that `haystack` lacks (as multisets). Right-to-left text comes out of pdftotext in pieces and
 * sometimes in visual order; its letters, counted, do not depend on that.
 */
export function missingLetters(haystack: string, needle: string): string[] {
  const have = letterCounts(haystack);
  return [...letterCounts(needle)].filter(([ch, n]) => (have.get(ch) ?? 0) < n).map(([ch, n]) => `${ch} (${have.get(ch) ?? 0}/${n})`);
}

export const MM = 72 / 25.4;
