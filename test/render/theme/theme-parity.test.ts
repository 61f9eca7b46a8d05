/**
 * The PDF's HTML and the DOCX carry the same theme values: the same document tree is rendered both ways and the
 * values are read back from what each format wrote (the HTML's CSS with its custom properties resolved, the DOCX's
 * XML parts), not from the theme module.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/render/docx/render-docx.js';
import { renderHtml } from '../../../src/render/html/render-html.js';
import { themeCss } from '../../../src/render/theme/theme-css.js';
import { CAP_HEIGHT, CAPITAL_ADVANCE, THEME, watermarkSize } from '../../../src/render/theme/tokens.js';
import { part, testMeta, tree, unzipParts } from '../docx/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const ALL_FEATURES = readFileSync(join(ROOT, 'test', 'fixtures', 'tree', 'all-features.md'), 'utf8');
const BASE_CSS = readFileSync(join(ROOT, 'templates', 'base.css'), 'utf8');
const STUDENT_CSS = readFileSync(join(ROOT, 'templates', 'common', 'student', 'print.css'), 'utf8');

/** The document's CSS with every var() replaced by the value the :root rule gives it. */
function resolvedCss(html: string): string {
  const css = html.match(/<style>([\s\S]*?)<\/style>/)![1]!;
  const root = css.match(/:root \{([\s\S]*?)\}/)![1]!;
  const vars = new Map([...root.matchAll(/(--[\w-]+): ([^;]+);/g)].map((m) => [m[1]!, m[2]!]));
  return css.replace(/var\((--[\w-]+)\)/g, (_, name: string) => vars.get(name) ?? `UNDEFINED(${name})`);
}

/** The declarations of the last rule in `css` whose selector is exactly `selector`, as a property -> value map. */
function rule(css: string, selector: string): Map<string, string> {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const blocks = [...css.matchAll(new RegExp(`(?:^|[}\\s])${escaped}\\s*\\{([^{}]*)\\}`, 'g'))];
  expect(blocks.length, `a rule for ${selector}`).toBeGreaterThan(0);
  const out = new Map<string, string>();
  for (const block of blocks) {
    for (const m of block[1]!.matchAll(/([\w-]+)\s*:\s*([^;]+);?/g)) out.set(m[1]!, m[2]!.trim());
  }
  return out;
}

/** `8.5pt` -> 8.5. */
const pt = (value: string | undefined) => Number(/^([\d.]+)pt$/.exec(value ?? '')?.[1] ?? NaN);
/** `#0b4f6c` -> `0B4F6C`, as Word writes it. */
const word = (hex: string | undefined) => (hex ?? '').replace('#', '').toUpperCase();

/** A style's XML in word/styles.xml. */
const style = (styles: string, id: string) => styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`))?.[0] ?? '';
const attr = (xml: string, element: string, name: string) => new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];

describe('the PDF and the DOCX carry the same theme values', () => {
  const meta = testMeta({ watermark: 'DRAFT', notice: 'This is a translation.' });
  let css: string;
  let parts: Map<string, string>;

  beforeAll(async () => {
    const doc = tree(ALL_FEATURES, meta);
    css = resolvedCss(renderHtml(doc, { css: BASE_CSS }));
    parts = await unzipParts(await renderDocx(doc));
  });

  it('draws the DRAFT watermark in the same colour, opacity and angle', () => {
    const before = rule(css, 'body::before');
    const colour = /^rgb\((\d+) (\d+) (\d+) \/ ([\d.]+)\)$/.exec(before.get('color') ?? '');
    expect(colour, before.get('color')).not.toBeNull();
    const hex = colour!.slice(1, 4).map((n) => Number(n).toString(16).padStart(2, '0').toUpperCase()).join('');
    const angle = Number(/rotate\((-?[\d.]+)deg\)/.exec(before.get('transform') ?? '')?.[1]);

    const header = part(parts, 'word/header1.xml');
    const shape = header.match(/<v:shape id="PowerPlusWaterMarkObject[^>]*>/)?.[0] ?? '';
    expect(attr(shape, 'v:shape', 'fillcolor')).toBe(`#${hex}`);
    expect(Number(attr(header, 'v:fill', 'opacity'))).toBe(Number(colour![4]));
    expect(Number(/rotation:(\d+)/.exec(shape)?.[1])).toBe((angle + 360) % 360);
    // Word stretches the word to its shape: a capital letter's height at the PDF's font size.
    const height = Number(/height:([\d.]+)pt/.exec(shape)?.[1]);
    expect(height / pt(before.get('font-size'))).toBeCloseTo(0.714, 2);
    expect(before.get('font-weight')).toBe('700');
    expect(shape).not.toBe('');
    expect(header).toMatch(/<v:textpath [^>]*font-weight:bold/);
  });

  it('sets the running header and footer in the same size and colour, with the same rule under the header', () => {
    const styles = part(parts, 'word/styles.xml');
    const top = rule(css, '@top-left');
    const headerStyle = style(styles, 'HeaderText');
    expect(attr(headerStyle, 'w:color', 'w:val')).toBe(word(top.get('color')));
    expect(Number(attr(headerStyle, 'w:sz', 'w:val')) / 2).toBe(pt(top.get('font-size')));

    const [width, , colour] = (top.get('border-bottom') ?? '').split(' ');
    const header = part(parts, 'word/header1.xml');
    // The rule sits under the last header paragraph (the notice here).
    const border = header.match(/<w:pBdr>[\s\S]*?<\/w:pBdr>/)?.[0] ?? '';
    expect(attr(border, 'w:bottom', 'w:color')).toBe(word(colour));
    expect(Number(attr(border, 'w:bottom', 'w:sz')) / 8).toBe(pt(width));

    const bottom = rule(css, '@bottom-center');
    const footerStyle = style(styles, 'FooterText');
    expect(attr(footerStyle, 'w:color', 'w:val')).toBe(word(bottom.get('color')));
    expect(Number(attr(footerStyle, 'w:sz', 'w:val')) / 2).toBe(pt(bottom.get('font-size')));
  });

  it('sets text and headings in the same sizes and colours', () => {
    const styles = part(parts, 'word/styles.xml');
    const defaults = styles.match(/<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/)?.[0] ?? '';
    expect(Number(attr(defaults, 'w:sz', 'w:val')) / 2).toBe(pt(rule(css, 'body').get('font-size')));
    expect(attr(defaults, 'w:color', 'w:val')).toBe(word(rule(css, 'html').get('color')));
    for (const [level, id] of [['h1', 'Heading1'], ['h2', 'Heading2'], ['h3', 'Heading3'], ['h4', 'Heading4']] as const) {
      const heading = style(styles, id);
      expect(Number(attr(heading, 'w:sz', 'w:val')) / 2, level).toBe(pt(rule(css, level).get('font-size')));
      expect(attr(heading, 'w:color', 'w:val'), level).toBe(word(rule(css, 'h1, h2, h3, h4').get('color')));
    }
    const [width, , colour] = (rule(css, 'h2').get('border-bottom') ?? '').split(' ');
    const h2 = style(styles, 'Heading2');
    expect(Number(attr(h2, 'w:bottom', 'w:sz')) / 8).toBe(pt(width));
    expect(attr(h2, 'w:bottom', 'w:color')).toBe(word(colour));
  });

  it('draws tables with the same lines, header tint and text size', () => {
    const document = part(parts, 'word/document.xml');
    const [width, , colour] = (rule(css, 'th, td').get('border') ?? '').split(' ');
    const borders = document.match(/<w:tblBorders>[\s\S]*?<\/w:tblBorders>/g)!.find((b) => !b.includes('w:val="none"'))!;
    expect(attr(borders, 'w:top', 'w:color')).toBe(word(colour));
    expect(Number(attr(borders, 'w:top', 'w:sz')) / 8).toBe(pt(width));
    const headerRow = document.match(/<w:tr><w:trPr>(?:(?!<\/w:tr>)[\s\S])*?<w:tblHeader\/>[\s\S]*?<\/w:tr>/)?.[0] ?? '';
    expect(attr(headerRow, 'w:shd', 'w:fill')).toBe(word(rule(css, 'th').get('background')));
    expect(Number(attr(style(part(parts, 'word/styles.xml'), 'TableText'), 'w:sz', 'w:val')) / 2).toBe(pt(rule(css, 'table').get('font-size')));
  });

  it('tints callouts, builds-on notes and untranslated text alike', () => {
    const document = part(parts, 'word/document.xml');
    const styles = part(parts, 'word/styles.xml');
    const notice = rule(css, '.callout-notice');
    const callout = document.match(/<w:tcBorders>(?:(?!<\/w:tc>)[\s\S])*?<w:start w:val="single"[^>]*\/>[\s\S]*?<w:shd [^>]*\/>/)?.[0] ?? '';
    expect(attr(callout, 'w:start', 'w:color')).toBe(word(notice.get('border-inline-start-color')));
    expect(attr(callout, 'w:shd', 'w:fill')).toBe(word(notice.get('background')));

    const note = rule(css, '.builds-on');
    const buildsOn = style(styles, 'BuildsOn');
    expect(attr(buildsOn, 'w:shd', 'w:fill')).toBe(word(note.get('background')));
    expect(attr(buildsOn, 'w:color', 'w:val')).toBe(word(note.get('color')));
    expect(attr(buildsOn, 'w:left', 'w:color')).toBe(word(note.get('border-inline-start')?.split(' ')[2]));

    const untranslated = rule(css, '.untranslated');
    expect(attr(style(styles, 'Untranslated'), 'w:shd', 'w:fill')).toBe(word(untranslated.get('background')));
    expect(attr(style(styles, 'Untranslated'), 'w:u', 'w:color')).toBe(word(untranslated.get('border-bottom')?.split(' ')[2]));
    expect(attr(style(styles, 'UntranslatedNote'), 'w:color', 'w:val')).toBe(word(rule(css, '.untranslated-note').get('color')));
  });
});

describe('a long translated DRAFT word', () => {
  // "BORRADOR" at the full 110pt ran off the left edge of the Spanish family copy.
  it('is set smaller, to the same size in the PDF and the DOCX, so the whole word stays on the page', async () => {
    const doc = tree(ALL_FEATURES, testMeta({ watermark: 'BROUILLON' }));
    const before = rule(resolvedCss(renderHtml(doc, { css: BASE_CSS })), 'body::before');
    const size = pt(before.get('font-size'));
    expect(size).toBe(watermarkSize('BROUILLON'));
    expect(size).toBeLessThan(THEME.watermark.size);
    expect(size * (CAPITAL_ADVANCE + THEME.watermark.letterSpacing) * 'BROUILLON'.length).toBeLessThanOrEqual(THEME.watermark.maxWidth);
    const shape = part(await unzipParts(await renderDocx(doc)), 'word/header1.xml').match(/<v:shape id="PowerPlusWaterMarkObject[^>]*>/)?.[0] ?? '';
    expect(Number(/height:([\d.]+)pt/.exec(shape)?.[1]) / size).toBeCloseTo(CAP_HEIGHT, 2);
  });

  it('leaves a short word at the theme size', () => {
    expect(watermarkSize('DRAFT')).toBe(THEME.watermark.size);
    expect(watermarkSize('草稿')).toBe(THEME.watermark.size);
  });
});

describe('the student summary has the same columns in the PDF and the DOCX', () => {
  it('sets the body in two columns with the same gap', async () => {
    const doc = tree('# My IEP at a glance\n\nThis is my plan.\n\n## About me\n\nI like maps.\n', testMeta({ layout: 'student' }));
    const css = resolvedCss(renderHtml(doc, { css: `${BASE_CSS}\n${STUDENT_CSS}` }));
    const main = rule(css, 'main');
    const document = part(await unzipParts(await renderDocx(doc)), 'word/document.xml');
    const cols = document.match(/<w:cols [^>]*\/>/)?.[0] ?? '';
    expect(Number(attr(cols, 'w:cols', 'w:num'))).toBe(Number(main.get('columns')));
    expect(Number(main.get('columns'))).toBe(2);
    expect(Number(attr(cols, 'w:cols', 'w:space')) / 20).toBe(pt(main.get('column-gap')));
  });
});

describe('themeCss', () => {
  it('defines each custom property once', () => {
    const names = [...themeCss().matchAll(/(--[\w-]+):/g)].map((m) => m[1]);
    expect(new Set(names).size).toBe(names.length);
    expect(themeCss()).toContain('--watermark-color: #c0392b;');
  });
});
