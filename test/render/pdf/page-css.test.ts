import { describe, expect, it } from 'vitest';
import { cssString, pageChromeCss, pageCounterContent, type PageChromeOptions } from '../../../src/render/pdf/index.js';

const base: PageChromeOptions = {
  header: 'Maya Thompson · DOB 2015-03-02',
  pageCounter: 'Page {page} of {pages}',
  size: 'letter',
  margins: { top: 24, right: 18, bottom: 20, left: 18 },
  dir: 'ltr',
};

describe('pageChromeCss', () => {
  it('sets paper, margins, the running header and the page counter', () => {
    const css = pageChromeCss(base);
    expect(css).toContain('size: letter;');
    expect(css).toContain('margin: 24mm 18mm 20mm 18mm;');
    expect(css).toMatch(/@top-left \{\s*content: "Maya Thompson · DOB 2015-03-02";/);
    expect(css).toContain('content: "Page " counter(page) " of " counter(pages);');
    expect(pageChromeCss({ ...base, size: 'a4' })).toContain('size: A4;');
  });

  it('moves the header to the right in right-to-left documents', () => {
    const css = pageChromeCss({ ...base, dir: 'rtl', lang: 'ar' });
    expect(css).toContain('@top-right {');
    expect(css).not.toContain('@top-left');
    expect(css).toContain('direction: rtl;');
    expect(css).toMatch(/font-family: "Noto Sans Arabic"/);
  });

  it('puts the notice under the header', () => {
    expect(pageChromeCss({ ...base, notice: 'The English version is the legal document.' })).toContain(
      'content: "Maya Thompson · DOB 2015-03-02" "\\00000a" "The English version is the legal document.";',
    );
  });

  it('adds the watermark only when asked, silent for screen readers and behind the text', () => {
    expect(pageChromeCss(base)).not.toContain('body::before');
    const css = pageChromeCss({ ...base, watermark: 'DRAFT' });
    expect(css).toMatch(/body::before \{\s*content: "DRAFT" \/ "";\s*position: fixed;/);
    expect(css).toContain('z-index: -1;');
  });

  it('keeps table headers repeating, rows whole and headings with what follows', () => {
    const css = pageChromeCss(base);
    expect(css).toContain('thead { display: table-header-group; }');
    expect(css).toMatch(/tr, th, td \{ break-inside: avoid;/);
    expect(css).toMatch(/h1, h2, h3, h4 \{ break-after: avoid;/);
  });

  it('cannot be broken out of by data in the header', () => {
    const css = pageChromeCss({ ...base, header: 'Maya "M" \\ </style><script>x</script>\nline' });
    expect(css).not.toContain('</style>');
    expect(css).not.toContain('<script>');
    expect(css).toContain('"Maya \\000022M\\000022 \\00005c \\00003c/style\\00003e\\00003cscript\\00003ex\\00003c/script\\00003e\\00000aline"');
  });
});

describe('pageCounterContent', () => {
  it('turns placeholders into CSS counters in any order', () => {
    expect(pageCounterContent('Page {page} of {pages}')).toBe('"Page " counter(page) " of " counter(pages)');
    expect(pageCounterContent('{pages}쪽 중 {page}쪽')).toBe('counter(pages) "쪽 중 " counter(page) "쪽"');
    expect(pageCounterContent('{page}')).toBe('counter(page)');
    expect(pageCounterContent('')).toBe('""');
  });

  it('escapes quotes in the literal parts', () => {
    expect(cssString('a"b')).toBe('"a\\000022b"');
  });
});
