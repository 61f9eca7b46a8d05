/**
 * The DOCX carries the fonts it names, so a Bengali, Arabic, Urdu or Chinese copy opens with its own typeface on a
 * machine without Noto fonts: the font table's w:embedRegular/w:embedBold point at obfuscated TrueType parts that,
 * unmasked with their key, are the named family with a glyph for every character of the text set in it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import * as fontkit from 'fontkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDocument } from '../../../src/compose/compose-document.js';
import type { Language } from '../../../src/model/languages.js';
import { renderDocx } from '../../../src/render/docx/render-docx.js';
import { renderIep } from '../../../src/pipeline/render-iep.js';
import { BrowserPool } from '../../../src/render/pdf/browser-pool.js';
import { loadIepFile } from '../../../src/validate/load-iep.js';
import { testMeta, tree } from './helpers.js';

const EXAMPLES = new URL('../../../examples/', import.meta.url);

/**
 * The student summary as `iep render --format docx,pdf` writes it: fitted to its one page by the print, then
 * written to DOCX from the same tree. (A DOCX-only render is not fitted: there is no print to measure.)
 */
async function fittedStudentDocx(example: string, lang: Language, pool: BrowserPool): Promise<Buffer> {
  const { iep } = await loadIepFile(new URL(`${example}.iep.yaml`, EXAMPLES).pathname);
  const result = await renderIep(iep!, { layout: 'student', lang, formats: ['docx', 'pdf'], browserPool: pool });
  return result.outputs.find((o) => o.format === 'docx')!.data;
}

async function studentDocx(example: string, lang: Language, layout: 'student' | 'official' = 'student'): Promise<Buffer> {
  const { iep } = await loadIepFile(new URL(`${example}.iep.yaml`, EXAMPLES).pathname);
  const { document } = composeDocument(iep!, { layout, lang });
  return renderDocx(document!);
}

interface EmbeddedFace {
  name: string;
  face: string;
  font: fontkit.Font;
}

/** Each embedded face: its font table entry, its part unmasked with its key (ECMA-376 Part 1, 17.8.1) and parsed. */
function embeddedFaces(docx: Uint8Array): EmbeddedFace[] {
  const files = unzipSync(docx);
  const table = strFromU8(files['word/fontTable.xml']!);
  const rels = strFromU8(files['word/_rels/fontTable.xml.rels']!);
  expect(strFromU8(files['[Content_Types].xml']!)).toMatch(
    /<Default ContentType="application\/vnd\.openxmlformats-officedocument\.obfuscatedFont" Extension="odttf"\/>/,
  );
  const faces: EmbeddedFace[] = [];
  for (const [, name, body] of table.matchAll(/<w:font w:name="([^"]+)">(.*?)<\/w:font>/gs)) {
    for (const [, face, id, key] of body!.matchAll(/<w:embed(\w+) r:id="([^"]+)" w:fontKey="\{([0-9A-F-]{36})\}"(?: w:subsetted="1")?\/>/g)) {
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
      expect(target).toMatch(/^fonts\/font\d+\.odttf$/);
      const data = Buffer.from(files[`word/${target}`]!);
      const mask = Buffer.from(key!.replace(/-/g, ''), 'hex').reverse();
      for (let i = 0; i < 32; i++) data[i]! ^= mask[i % 16]!;
      faces.push({ name: name!, face: face!, font: fontkit.create(data) as fontkit.Font });
    }
  }
  return faces;
}

/** The characters of the body, header and footer text (w:t), in one script. */
function textOf(docx: Uint8Array, script: RegExp): Set<string> {
  const files = unzipSync(docx);
  const chars = new Set<string>();
  for (const [path, data] of Object.entries(files)) {
    if (!/^word\/(document|header\d*|footer\d*)\.xml$/.test(path)) continue;
    for (const [, text] of strFromU8(data).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)) {
      for (const ch of text!) if (script.test(ch)) chars.add(ch);
    }
  }
  return chars;
}

const missingGlyphs = (font: fontkit.Font, chars: Set<string>) => [...chars].filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!));

const CASES = [
  { lang: 'bn', example: 'rayhan-chowdhury', family: 'Noto Sans Bengali', script: /\p{Script=Bengali}/u },
  { lang: 'ar', example: 'amira-saleh', family: 'Noto Sans Arabic', script: /\p{Script=Arabic}/u },
  { lang: 'ur', example: 'amira-saleh', family: 'Noto Nastaliq Urdu', script: /\p{Script=Arabic}/u },
  { lang: 'zh-Hans', example: 'maya-thompson', family: 'Noto Sans SC', script: /\p{Script=Han}/u },
] as const;

describe('the DOCX embeds the fonts it names', () => {
  const docx = new Map<string, Buffer>();
  beforeAll(async () => {
    for (const { lang, example } of CASES) docx.set(lang, await studentDocx(example, lang));
  }, 60_000);

  it.each(CASES)('$lang: $family, regular and bold, with a glyph for every $family character of the text', ({ lang, family, script }) => {
    const file = docx.get(lang)!;
    const faces = embeddedFaces(file).filter((f) => f.name === family);
    expect(faces.map((f) => f.face).sort()).toEqual(['Bold', 'Regular']);
    const chars = textOf(file, script);
    expect(chars.size).toBeGreaterThan(20);
    for (const { font, face } of faces) {
      expect(font.familyName).toBe(family);
      expect(font.subfamilyName).toBe(face);
      expect(missingGlyphs(font, chars)).toEqual([]);
    }
    // The Latin text (names, English passages) is set in Noto Sans, embedded too.
    expect(embeddedFaces(file).filter((f) => f.name === 'Noto Sans').map((f) => f.font.familyName)).toEqual(['Noto Sans', 'Noto Sans']);
  });

  it('names the Chinese font as the embedded file does, and cuts it down to the characters used', () => {
    const file = docx.get('zh-Hans')!;
    expect(strFromU8(unzipSync(file)['word/styles.xml']!)).toMatch(/<w:rFonts [^>]*w:eastAsia="Noto Sans SC"/);
    const table = strFromU8(unzipSync(file)['word/fontTable.xml']!);
    expect(table).toMatch(/<w:font w:name="Noto Sans SC">.*<w:embedRegular [^>]*w:subsetted="1"\/>.*<\/w:font>/s);
    expect(table).not.toMatch(/<w:font w:name="Noto Sans">(?:(?!<\/w:font>).)*w:subsetted/s); // embedded whole
    const regular = embeddedFaces(file).find((f) => f.name === 'Noto Sans SC' && f.face === 'Regular')!;
    // The whole @fontsource file has 8,248 glyphs and calls itself "Noto Sans SC Thin".
    expect(regular.font.numGlyphs).toBeLessThan(textOf(file, /\p{Script=Han}/u).size + 100);
    expect(regular.font.layout('学生').glyphs.every((g) => g.id !== 0)).toBe(true);
    // Brackets and digits beside Chinese text are set in the Chinese font (LibreOffice fell back to DejaVu for them).
    const neutral = textOf(file, /[0-9[\]()，：]/u);
    expect([...neutral]).toEqual(expect.arrayContaining(['[', ']', '2']));
    expect(missingGlyphs(regular.font, neutral)).toEqual([]);
  });

  it('embeds only the families the text needs: an English IEP carries Noto Sans alone', async () => {
    const english = await studentDocx('maya-thompson', 'en', 'official');
    expect([...new Set(embeddedFaces(english).map((f) => f.name))]).toEqual(['Noto Sans']);
  });

  it("gives each font the Unicode ranges and code pages of its own OS/2 table in w:sig (Word reads them to pick a font for a script)", () => {
    const sig = (lang: string, family: string) => {
      const table = strFromU8(unzipSync(docx.get(lang)!)['word/fontTable.xml']!);
      const font = new RegExp(`<w:font w:name="${family}">.*?</w:font>`, 's').exec(table)![0];
      const [, usb0, usb1, csb0] = /<w:sig w:usb0="(\w+)" w:usb1="(\w+)" w:usb2="\w+" w:usb3="\w+" w:csb0="(\w+)"/.exec(font)!;
      return { usb0: parseInt(usb0!, 16), usb1: parseInt(usb1!, 16), csb0: parseInt(csb0!, 16) };
    };
    expect(sig('bn', 'Noto Sans Bengali').usb0 & (1 << 16)).not.toBe(0); // bit 16: Bengali
    expect(sig('ar', 'Noto Sans Arabic').usb0 & (1 << 13)).not.toBe(0); // bit 13: Arabic
    expect(sig('zh-Hans', 'Noto Sans SC').usb1 & (1 << 27)).not.toBe(0); // bit 59: CJK Unified Ideographs
    expect(sig('zh-Hans', 'Noto Sans SC').csb0 & (1 << 18)).not.toBe(0); // code page 936, Simplified Chinese
  });

  it('leaves out a family that draws none of the letters it would serve (Bengali in an English copy goes to the Arabic slot)', async () => {
    const docx = await renderDocx(tree('Rayhan (রায়হান) was born on 9 March 2016.', testMeta()));
    expect([...new Set(embeddedFaces(docx).map((f) => f.name))]).toEqual(['Noto Sans']);
  });

  it('gives the same bytes for the same input (font keys come from the fonts, not at random)', async () => {
    expect((await studentDocx('rayhan-chowdhury', 'bn')).equals(docx.get('bn')!)).toBe(true);
  });
});

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const available = has('soffice') && has('pdffonts');
if (!available && process.env.CI) {
  throw new Error('LibreOffice (soffice) and poppler-utils are needed: apt-get install -y libreoffice-writer-nogui poppler-utils');
}

describe.skipIf(!available)('LibreOffice on a machine with only DejaVu fonts uses the embedded Noto fonts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iepkit-docx-fonts-'));
  const profile = `file://${join(tmpdir(), `lo-${randomUUID()}`)}`;

  beforeAll(async () => {
    writeFileSync(
      join(dir, 'fonts.conf'),
      `<?xml version="1.0"?><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>`,
    );
    const names: string[] = [];
    const pool = new BrowserPool();
    try {
      for (const { lang, example } of CASES) {
        writeFileSync(join(dir, `${lang}.docx`), await fittedStudentDocx(example, lang, pool));
        names.push(`${lang}.docx`);
      }
    } finally {
      await pool.close();
    }
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...names], {
      cwd: dir,
      stdio: 'pipe',
      timeout: 120_000,
      env: { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') },
    });
  }, 180_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(new URL(profile), { recursive: true, force: true });
  });

  it.each(CASES)('$lang: pdffonts lists $family, and the summary is one page', ({ lang, family }) => {
    const fonts = execFileSync('pdffonts', [join(dir, `${lang}.pdf`)], { encoding: 'utf8' });
    expect(fonts).toContain(`+${family.replace(/ /g, '')}-Regular`);
    expect(fonts).toContain(`+${family.replace(/ /g, '')}-Bold`);
    const info = execFileSync('pdfinfo', [join(dir, `${lang}.pdf`)], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+1$/m);
  });

});
