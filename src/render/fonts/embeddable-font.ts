/**
 * A bundled face as a TrueType file another program can install, for the DOCX to embed (Word and LibreOffice take
 * only sfnt fonts, not the WOFF2 files the PDF engine is served).
 *
 * Each `@fontsource` package ships, besides the small unicode-range slices the browser loads, one WOFF 1.0 file per
 * named subset and weight (`noto-sans-bengali-bengali-400-normal.woff`, `noto-sans-sc-chinese-simplified-...`).
 * A document embeds one file per face, so we take the named subset that has glyphs for most of the text's characters:
 *
 * - fonts whose script needs OpenType shaping (Bengali, Arabic, Urdu) and the Latin family: that file whole,
 *   unwrapped from WOFF (its GSUB/GPOS tables are what joins and reorders the letters);
 * - Chinese and Korean: cut down to the characters used (the whole file is 2.5 MB, and its name table says
 *   "Noto Sans SC Thin", which no document names), named as the DOCX names it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Font } from 'fontkit';
import { FONT_FAMILIES, type FontFamilyName } from './registry.js';
import { readWoff, writeSfnt, type SfntTables } from './sfnt.js';
import { subsetFont } from './subset-font.js';
import { openFont } from './open-font.js';

/** Families set one glyph per character, embedded as subsets. */
const SUBSET_FAMILIES: ReadonlySet<string> = new Set<FontFamilyName>(['Noto Sans SC', 'Noto Sans TC', 'Noto Sans KR']);

/** True when embeddableFont cuts the family down to the characters asked for (the file has no other glyphs). */
export function isSubsetFamily(family: string): boolean {
  return SUBSET_FAMILIES.has(family);
}

interface LoadedFile {
  sfnt: SfntTables;
  /** The whole file as sfnt (callers copy before changing it: the docx library obfuscates a copy). */
  bytes: Buffer;
  font: Font;
}

const loaded = new Map<string, LoadedFile>();

/**
 * The TrueType bytes of a family's regular (400) or bold (700) face for these characters, or undefined when no
 * file of the family has a glyph for any of them. `alsoInclude` (spaces, digits, punctuation) goes into a subset
 * too but does not choose the file.
 */
export function embeddableFont(
  family: FontFamilyName,
  weight: 400 | 700,
  codePoints: Iterable<number>,
  alsoInclude: Iterable<number> = [],
): Buffer | undefined {
  const wanted = [...new Set(codePoints)];
  const best = bestFile(family, weight, wanted);
  if (!best) return undefined;
  return SUBSET_FAMILIES.has(family) ? subsetFont(best.sfnt, best.font, [...wanted, ...alsoInclude], family, weight === 700) : best.bytes;
}

/** The parsed face (fontkit) of the family's file that has glyphs for most of these characters, to measure text with. */
export function bundledFace(family: FontFamilyName, weight: 400 | 700, codePoints: Iterable<number>): Font | undefined {
  return bestFile(family, weight, [...new Set(codePoints)])?.font;
}

function bestFile(family: FontFamilyName, weight: number, wanted: readonly number[]): LoadedFile | undefined {
  let best: { file: LoadedFile; covered: number } | undefined;
  for (const file of subsetFiles(family, weight)) {
    const entry = load(file);
    const covered = wanted.filter((cp) => entry.font.hasGlyphForCodePoint(cp)).length;
    if (covered > (best?.covered ?? 0)) best = { file: entry, covered };
  }
  return best?.file;
}

/** subsetFiles by family and weight: an installed package's files do not change while the process runs. */
const filesOf = new Map<string, string[]>();

/**
 * The package's named-subset WOFF files of one weight (not the numbered slices of the Chinese and Korean fonts).
 * Looked up once per process (a DOCX asks for each embedded face, and resolving the package and listing its folder
 * every time cost about 2 ms a document).
 */
function subsetFiles(family: FontFamilyName, weight: number): string[] {
  const key = `${family}\0${weight}`;
  let files = filesOf.get(key);
  if (!files) {
    const pkg = FONT_FAMILIES.find((f) => f.family === family)!.pkg;
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`)), 'files');
    const name = new RegExp(`^${pkg.split('/')[1]}-[a-z][a-z-]*-${weight}-normal\\.woff$`);
    files = readdirSync(dir).filter((file) => name.test(file)).sort().map((file) => path.join(dir, file));
    filesOf.set(key, files);
  }
  return files;
}

function load(file: string): LoadedFile {
  let entry = loaded.get(file);
  if (!entry) {
    const sfnt = readWoff(readFileSync(file));
    const bytes = writeSfnt(sfnt);
    entry = { sfnt, bytes, font: openFont(bytes) };
    loaded.set(file, entry);
  }
  return entry;
}
