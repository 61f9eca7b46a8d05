/**
 * The fonts the DOCX embeds, so a copy in Bengali, Arabic, Urdu, Chinese or Korean opens with its own typeface
 * (and no empty boxes) on a machine that has none of the Noto fonts (ECMA-376 Part 1, 17.8.1 and 17.8.3.3: the
 * font table's w:embedRegular / w:embedBold point at obfuscated font parts, word/fonts/*.odttf, each with its key).
 *
 * Only the families the text needs: each character goes to the Word font slot that draws it (w:rFonts eastAsia for
 * Chinese, Japanese and Korean characters, cs for complex scripts, ascii/hAnsi for the rest), and a family is
 * embedded, regular and bold (headings, labels), when its slot has characters. The docx library packs and obfuscates
 * the files; the font module (src/render/fonts) makes them TrueType, cut down to the characters used where the
 * script allows.
 */
import { createHash } from 'node:crypto';
import type { IPropertiesOptions } from 'docx';
import type { Node } from 'mdast';
import type { DocumentTree } from '../../model/document.js';
import type { FontFamilyName } from '../fonts/registry.js';
import { embeddableFont, isSubsetFamily } from '../fonts/embeddable-font.js';
import { distinctCodePoints } from '../fonts/distinct-code-points.js';
import { readSfnt } from '../fonts/sfnt.js';
import { docxFonts } from './fonts.js';

/** A font the docx Document embeds (the library does not export the type). */
type FontOptions = NonNullable<IPropertiesOptions['fonts']>[number];

/** Characters Word sets in the eastAsia font, and in the cs (complex script) font. */
const EAST_ASIAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303F\uFF00-\uFFEF]/u;
const COMPLEX = /[\p{Script=Arabic}\p{Script=Bengali}\p{Script=Devanagari}\p{Script=Hebrew}]/u;

/** The `fonts` option of the docx Document: each bundled family the document's text is set in, regular and bold. */
export function embeddedFonts(doc: DocumentTree): FontOptions[] {
  // A bilingual copy's complex-script and East Asian text is its other language's: that language's fonts fill those slots.
  const slots = docxFonts(doc.meta.pairedLang ?? doc.meta.lang);
  const byFamily = new Map<FontFamilyName, Set<number>>();
  const neutral = new Set<number>();
  for (const cp of distinctCodePoints(documentText(doc))) {
    const ch = String.fromCodePoint(cp);
    if (/^\p{Cc}$/u.test(ch)) continue;
    // Spaces, digits and punctuation take the script of the text around them (a bracket beside Korean is set in the
    // Korean font), so they go into every embedded family's subset; a family is embedded for its letters only.
    if (!/^[\p{L}\p{M}]$/u.test(ch) && !EAST_ASIAN.test(ch)) {
      neutral.add(cp);
      continue;
    }
    const family = EAST_ASIAN.test(ch) ? slots.eastAsia : COMPLEX.test(ch) ? slots.cs : slots.ascii;
    let codePoints = byFamily.get(family);
    if (!codePoints) byFamily.set(family, (codePoints = new Set()));
    codePoints.add(cp);
  }
  // Latin text with no letters (a date, a number) is still set in the Latin family.
  if (neutral.size > 0 && !byFamily.has(slots.ascii)) byFamily.set(slots.ascii, new Set(neutral));
  const fonts: FontOptions[] = [];
  for (const [family, codePoints] of byFamily) {
    const data = embeddableFont(family, 400, codePoints, neutral);
    if (!data) continue;
    const bold = embeddableFont(family, 700, codePoints, neutral);
    fonts.push({ name: family, data, ...(bold ? { bold } : {}) });
  }
  return fonts;
}

/** Everything the document prints: the tree's text and directive labels, the header, notice, watermark, footer. */
function documentText(doc: DocumentTree): string {
  const { meta } = doc;
  const parts: string[] = [meta.title, meta.header, meta.pageCounter, meta.notice ?? '', meta.watermark ?? ''];
  const visit = (node: Node & { value?: unknown; attributes?: unknown; children?: Node[]; alt?: unknown }) => {
    if (typeof node.value === 'string') parts.push(node.value);
    if (typeof node.alt === 'string') parts.push(node.alt);
    if (node.attributes && typeof node.attributes === 'object') {
      for (const value of Object.values(node.attributes)) if (typeof value === 'string') parts.push(value);
    }
    node.children?.forEach(visit);
  };
  visit(doc.body);
  return parts.join('\n');
}

/**
 * What the docx library writes differently from what the fonts are, fixed in the font table and the font parts:
 *
 * - same input, same bytes: it obfuscates each font with a random key; each gets a key derived from its bytes instead
 *   (obfuscation XORs the first 32 bytes with the key, so the part is unmasked with the old key and masked with the new);
 * - a Chinese or Korean font holds only the document's characters: w:subsetted says so (17.8.3.3), as Word marks
 *   the subsets it embeds itself;
 * - it gives every font the same w:sig (the Unicode ranges and code pages a font claims, which Word reads to decide
 *   whether a font can set a script): each font gets the ranges of its OS/2 table (ECMA-376 Part 1, 17.8.3.16).
 *
 * Returns the font parts that are subsets (this document's characters only).
 */
export function finishEmbeddedFonts(parts: Map<string, string>, binary: Map<string, Buffer>): Set<string> {
  const subsets = new Set<string>();
  const table = parts.get('word/fontTable.xml');
  const rels = parts.get('word/_rels/fontTable.xml.rels');
  if (!table || !rels) return subsets;
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*?\bId="([^"]+)"[^>]*?\bTarget="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const fixFont = (xml: string) => {
    let signature: string | undefined;
    const subsetted = isSubsetFamily(/w:name="([^"]*)"/.exec(xml)?.[1] ?? '') ? ' w:subsetted="1"' : '';
    const rekeyed = xml.replace(/(<w:embed(\w+)\b[^>]*?\br:id=")([^"]+)("[^>]*?\bw:fontKey=")\{([^}]+)\}"/g, (whole, a: string, face: string, id: string, b: string, key: string) => {
      const path = `word/${targets.get(id)}`;
      const data = binary.get(path);
      if (!data) return whole;
      const font = obfuscateFont(data, key);
      if (face === 'Regular') signature = fontSignature(font);
      const fixed = guidOf(font);
      binary.set(path, obfuscateFont(font, fixed));
      if (subsetted) subsets.add(path);
      return `${a}${id}${b}{${fixed}}"${subsetted}`;
    });
    return signature ? rekeyed.replace(/<w:sig\b[^>]*\/>/, signature) : rekeyed;
  };
  parts.set('word/fontTable.xml', table.replace(/<w:font\b.*?<\/w:font>/gs, fixFont));
  return subsets;
}

/** w:sig from the font's OS/2 table: ulUnicodeRange1-4 and ulCodePageRange1-2. */
function fontSignature(font: Buffer): string | undefined {
  const os2 = readSfnt(font).tables.get('OS/2');
  if (!os2 || os2.length < 86) return undefined;
  const hex = (at: number) => os2.readUInt32BE(at).toString(16).toUpperCase().padStart(8, '0');
  return `<w:sig w:usb0="${hex(42)}" w:usb1="${hex(46)}" w:usb2="${hex(50)}" w:usb3="${hex(54)}" w:csb0="${hex(78)}" w:csb1="${hex(82)}"/>`;
}

/** ECMA-376 Part 1, 17.8.1: XOR the first 32 bytes with the key's 16 bytes in reverse order (its own inverse). */
export function obfuscateFont(data: Uint8Array, fontKey: string): Buffer {
  const key = Buffer.from(fontKey.replace(/[{}-]/g, ''), 'hex').reverse();
  if (key.length !== 16) throw new Error(`not a font key: ${fontKey}`);
  const out = Buffer.from(data);
  for (let i = 0; i < 32 && i < out.length; i++) out[i]! ^= key[i % 16]!;
  return out;
}

function guidOf(data: Buffer): string {
  const hex = createHash('sha256').update(data).digest('hex').slice(0, 32).toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
