/**
 * The bundled fonts: which Noto family serves which script, and every font file iepkit may hand to the browser.
 *
 * Fonts come from the `@fontsource/*` npm packages (SIL Open Font License), so a fresh machine with only DejaVu
 * and Liberation still prints Bengali, Chinese, Korean and Urdu. Each package ships one small WOFF2 file per
 * Unicode subset and weight, and a CSS file whose `unicode-range` says which characters each file serves; we read
 * those CSS files once (lazily) and keep the result as a list of faces.
 *
 * Security: a font file is found by its exact file name in a map built from the packages' own CSS. A URL is never
 * joined into a path, so nothing outside the registry can be read through it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The families iepkit bundles, in the order they follow a document language's own family in a font stack. */
export const FONT_FAMILIES = [
  { family: 'Noto Sans', pkg: '@fontsource/noto-sans', italic: true, covers: 'Latin, Cyrillic, Greek' },
  { family: 'Noto Sans Arabic', pkg: '@fontsource/noto-sans-arabic', italic: false, covers: 'Arabic' },
  { family: 'Noto Nastaliq Urdu', pkg: '@fontsource/noto-nastaliq-urdu', italic: false, covers: 'Urdu (Arabic script, Nastaliq style)' },
  { family: 'Noto Sans Bengali', pkg: '@fontsource/noto-sans-bengali', italic: false, covers: 'Bengali' },
  { family: 'Noto Sans Devanagari', pkg: '@fontsource/noto-sans-devanagari', italic: false, covers: 'Devanagari' },
  { family: 'Noto Sans SC', pkg: '@fontsource/noto-sans-sc', italic: false, covers: 'Chinese (Simplified)' },
  { family: 'Noto Sans TC', pkg: '@fontsource/noto-sans-tc', italic: false, covers: 'Chinese (Traditional)' },
  { family: 'Noto Sans KR', pkg: '@fontsource/noto-sans-kr', italic: false, covers: 'Korean' },
] as const;

export type FontFamilyName = (typeof FONT_FAMILIES)[number]['family'];

/** The weights iepkit uses: regular text and bold (headings, labels, `strong`). */
export const FONT_WEIGHTS = [400, 700] as const;
export type FontWeight = (typeof FONT_WEIGHTS)[number];
export type FontStyle = 'normal' | 'italic';

/** One `@font-face`: a family at one weight and style, restricted to the characters of one subset file. */
export interface FontFaceEntry {
  family: FontFamilyName;
  weight: FontWeight;
  style: FontStyle;
  /** File name only, e.g. `noto-sans-latin-400-normal.woff2`: the key of the registry. */
  file: string;
  /** Sorted, inclusive code point ranges from the package CSS's `unicode-range`. */
  ranges: readonly (readonly [number, number])[];
  /** The `unicode-range` value as written in the package CSS (normalized to upper-case hex). */
  unicodeRange: string;
}

export interface FontRegistry {
  faces: readonly FontFaceEntry[];
  /** File name -> absolute path, for exactly the files the faces name. */
  files: ReadonlyMap<string, string>;
}

let registry: FontRegistry | undefined;

/** The registry, built on first use from the installed `@fontsource` packages. */
export function fontRegistry(): FontRegistry {
  registry ??= buildRegistry();
  return registry;
}

const FACE_RULE = /@font-face\s*\{([^}]*)\}/g;

function buildRegistry(): FontRegistry {
  const require = createRequire(import.meta.url);
  const faces: FontFaceEntry[] = [];
  const files = new Map<string, string>();
  for (const { family, pkg, italic } of FONT_FAMILIES) {
    const pkgDir = path.dirname(require.resolve(`${pkg}/package.json`));
    for (const weight of FONT_WEIGHTS) {
      for (const style of italic ? (['normal', 'italic'] as const) : (['normal'] as const)) {
        const cssFile = path.join(pkgDir, style === 'italic' ? `${weight}-italic.css` : `${weight}.css`);
        const css = readFileSync(cssFile, 'utf8');
        for (const match of css.matchAll(FACE_RULE)) {
          const body = match[1] ?? '';
          const file = /url\(\.\/files\/([A-Za-z0-9._-]+\.woff2)\)/.exec(body)?.[1];
          const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
          const declaredFamily = /font-family:\s*'([^']+)'/.exec(body)?.[1];
          if (!file || !range || declaredFamily !== family) {
            throw new Error(`unexpected @font-face in ${cssFile}: ${body.trim().slice(0, 120)}`);
          }
          const ranges = parseUnicodeRange(range);
          faces.push({ family, weight, style, file, ranges, unicodeRange: formatUnicodeRange(ranges) });
          files.set(file, path.join(pkgDir, 'files', file));
        }
      }
    }
  }
  return { faces, files };
}

/** `U+0000-00FF,U+0131,U+1f1e9-1f1f5` -> sorted inclusive ranges. */
export function parseUnicodeRange(value: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const part of value.split(',')) {
    const m = /^\s*U\+([0-9A-Fa-f?]+)(?:-([0-9A-Fa-f]+))?\s*$/.exec(part);
    if (!m) throw new Error(`bad unicode-range part: ${part}`);
    const first = m[1] ?? '';
    if (first.includes('?')) {
      ranges.push([parseInt(first.replace(/\?/g, '0'), 16), parseInt(first.replace(/\?/g, 'F'), 16)]);
    } else {
      const start = parseInt(first, 16);
      ranges.push([start, m[2] ? parseInt(m[2], 16) : start]);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

function formatUnicodeRange(ranges: readonly (readonly [number, number])[]): string {
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
  return ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(',');
}

export function inRanges(ranges: readonly (readonly [number, number])[], cp: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (cp < r[0]) hi = mid - 1;
    else if (cp > r[1]) lo = mid + 1;
    else return true;
  }
  return false;
}
