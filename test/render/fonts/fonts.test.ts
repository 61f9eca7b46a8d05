import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/model/languages.js';
import {
  FONT_CSS_URL,
  FONT_FAMILIES,
  docxFonts,
  familiesCovering,
  fontFaceCss,
  fontRegistry,
  fontStack,
  LANGUAGE_FONT,
  readFontAsset,
  textCss,
} from '../../../src/render/fonts/index.js';

describe('font registry', () => {
  it('has every family at 400 and 700, italic only where the family has it, each file on disk', () => {
    const { faces, files } = fontRegistry();
    for (const { family, italic } of FONT_FAMILIES) {
      const own = faces.filter((f) => f.family === family);
      expect(own.some((f) => f.weight === 400 && f.style === 'normal'), family).toBe(true);
      expect(own.some((f) => f.weight === 700 && f.style === 'normal'), family).toBe(true);
      expect(own.some((f) => f.style === 'italic'), family).toBe(italic);
    }
    for (const face of faces) {
      expect(face.file).toMatch(/^[a-z0-9-]+\.woff2$/);
      expect(existsSync(files.get(face.file)!)).toBe(true);
      expect(face.ranges.length).toBeGreaterThan(0);
    }
  });

  it('puts each language first in its stack, then every other family, then a generic', () => {
    expect(fontStack('ur')).toMatch(/^"Noto Nastaliq Urdu", "Noto Sans Arabic", "Noto Sans", /);
    expect(fontStack('en')).toMatch(/^"Noto Sans", /);
    for (const lang of LANGUAGES) {
      const stack = fontStack(lang);
      expect(stack.startsWith(`"${LANGUAGE_FONT[lang]}"`), lang).toBe(true);
      for (const { family } of FONT_FAMILIES) expect(stack, lang).toContain(`"${family}"`);
      expect(stack.endsWith('sans-serif')).toBe(true);
    }
  });

  it('gives the DOCX renderer the same family names', () => {
    expect(docxFonts('en')).toEqual({ ascii: 'Noto Sans', hAnsi: 'Noto Sans', eastAsia: 'Noto Sans SC', cs: 'Noto Sans Arabic' });
    expect(docxFonts('zh-Hant').eastAsia).toBe('Noto Sans TC');
    expect(docxFonts('ko').eastAsia).toBe('Noto Sans KR');
    expect(docxFonts('ur').cs).toBe('Noto Nastaliq Urdu');
    expect(docxFonts('bn').cs).toBe('Noto Sans Bengali');
  });
});

describe('textCss', () => {
  it('gives Urdu room for Nastaliq and Korean word breaks', () => {
    expect(textCss('ur')).toContain('line-height: 2.2;');
    expect(textCss('ko')).toContain('word-break: keep-all;');
    expect(textCss('en')).toBe(`font-family: ${fontStack('en')}; line-height: 1.45; --language-leading: 1;`);
    expect(textCss('ur')).toContain('--language-leading: 1.52;');
  });
});

describe('fontFaceCss', () => {
  it('points every face at the private origin with its unicode-range', () => {
    const css = fontFaceCss();
    const rules = css.trim().split('\n');
    expect(rules.length).toBe(fontRegistry().faces.length);
    for (const rule of rules) {
      expect(rule).toMatch(/^@font-face \{ font-family: "[^"]+"; font-style: (normal|italic); font-weight: (400|700); font-display: block; src: url\("https:\/\/iepkit\.invalid\/fonts\/[a-z0-9-]+\.woff2"\) format\("woff2"\); unicode-range: U\+[0-9A-F]/);
    }
    expect(css).not.toMatch(/url\((?!"https:\/\/iepkit\.invalid\/fonts\/)/);
  });

  it('emits only the subsets a text needs when given the text', () => {
    const latin = fontFaceCss({ text: 'Maya reads every day.' });
    expect(latin).toContain('noto-sans-latin-400-normal.woff2');
    expect(latin).toContain('noto-sans-latin-700-italic.woff2');
    // Subsets of other families whose unicode-range includes ASCII come along (never downloaded: Noto Sans is first).
    expect(latin).not.toContain('noto-sans-sc-chinese-simplified');
    expect(latin).not.toContain('noto-sans-cyrillic');
    expect(latin.trim().split('\n').length).toBeLessThan(fontRegistry().faces.length / 10);
    const chinese = fontFaceCss({ text: '玛雅喜欢阅读' });
    expect(chinese).toContain('font-family: "Noto Sans SC"');
    expect(chinese.length).toBeLessThan(fontFaceCss().length / 10);
  });
});

describe('readFontAsset', () => {
  it('serves registry files and the font stylesheet', () => {
    const bytes = readFontAsset('https://iepkit.invalid/fonts/noto-sans-latin-400-normal.woff2');
    expect(bytes?.subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(readFontAsset(FONT_CSS_URL)?.toString('utf8')).toBe(fontFaceCss());
  });

  it.each([
    'https://iepkit.invalid/fonts/../../package.json',
    'https://iepkit.invalid/fonts/%2e%2e/%2e%2e/package.json',
    'https://iepkit.invalid/fonts/..%2f..%2fpackage.json',
    'https://iepkit.invalid/fonts/%2Fetc%2Fpasswd',
    'https://iepkit.invalid/fonts//etc/passwd',
    'https://iepkit.invalid/fonts/noto-sans-latin-400-normal.woff',
    'https://iepkit.invalid/fonts/noto-sans-latin-400-normal.woff2?x=1',
    'https://iepkit.invalid/fonts/LICENSE',
    'https://iepkit.invalid/fonts/',
    'https://evil.example/fonts/noto-sans-latin-400-normal.woff2',
    'http://iepkit.invalid/fonts/noto-sans-latin-400-normal.woff2',
    'file:///etc/passwd',
    '/etc/passwd',
    'noto-sans-latin-400-normal.woff2',
    '',
  ])('serves nothing for %s', (url) => {
    expect(readFontAsset(url)).toBeUndefined();
  });
});

describe('glyph coverage', () => {
  it('finds Korean, Chinese and Urdu glyphs in the right families', () => {
    expect(familiesCovering('마'.codePointAt(0)!)).toContain('Noto Sans KR');
    expect(familiesCovering('玛'.codePointAt(0)!)).toContain('Noto Sans SC');
    expect(familiesCovering('ے'.codePointAt(0)!)).toContain('Noto Nastaliq Urdu');
    expect(familiesCovering('ক'.codePointAt(0)!)).toContain('Noto Sans Bengali');
  });
});
