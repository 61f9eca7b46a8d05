/**
 * Colours and sizes live in the theme only (src/render/theme/tokens.ts). These checks fail when a literal creeps
 * back into the print CSS files or the DOCX renderer, where it would let the PDF and the DOCX drift apart again.
 *
 * The CSS files are read declaration by declaration: no colour in any form (hex, colour functions, named colours)
 * and no length other than 0 and percentages; every var() names a property the theme defines. The TypeScript of
 * src/render/docx and the page chrome is parsed (TypeScript's own parser, so comments and identifiers do not
 * count): no string that is a colour, no CSS colour or point size inside a string, and no number written directly
 * as a size, spacing, line or border value. Each check is first shown to catch the literals it is meant to catch.
 */
import { textCss } from '../../../src/render/fonts/font-stack.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { bilingualCss, themeProperties } from '../../../src/render/theme/theme-css.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, ext);
    return path.endsWith(ext) ? [path] : [];
  });
}

/** CSS named colours (CSS Color 4), and the system colours that also name a colour. */
const NAMED_COLORS = new Set(
  (
    'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood ' +
    'cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray ' +
    'darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen ' +
    'darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue ' +
    'firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew ' +
    'hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan ' +
    'lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray ' +
    'lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue ' +
    'mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred ' +
    'midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid ' +
    'palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple ' +
    'rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue ' +
    'slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white ' +
    'whitesmoke yellow yellowgreen canvas canvastext linktext graytext highlight highlighttext buttonface buttontext'
  ).split(' '),
);
const COLOR_FUNCTION = /\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix)\(/i;
const HEX = /#[0-9a-f]{3,8}\b/i;
/** A number with a length (or angle/time-free) unit, other than zero. */
const LENGTH = /(?<![\w-])[+-]?(?:\d*\.)?\d+(?:px|pt|pc|mm|cm|q|in|em|rem|ex|ch|lh|rlh|vw|vh|vmin|vmax)\b/i;
/** Properties whose unitless numbers are sizes or spacing (line-height 1.2, columns 2). */
const UNITLESS_SIZED = /^(?:line-height|columns|column-count|font-size|font|margin.*|padding.*|gap|column-gap|row-gap|width|height|top|left|right|bottom|inset.*)$/;

/** Problems in a CSS file: one line per literal colour or size, or unknown custom property. */
export function cssLiterals(css: string, defined: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, ' ');
  for (const match of text.matchAll(/([a-z-]+)\s*:\s*([^;{}]+)/gi)) {
    const property = match[1]!.toLowerCase();
    if (property.startsWith('--')) continue;
    // Selectors such as `a:hover` or `::before` are not declarations: a declaration's property is a known word.
    const value = match[2]!.trim();
    if (/^(?:hover|before|after|first-of-type|last-child|first-child|root|not|is|where)\b/.test(value)) continue;
    for (const name of value.matchAll(/var\(\s*(--[\w-]+)/g)) {
      if (!defined.has(name[1]!)) problems.push(`${property}: ${value} (undefined ${name[1]})`);
    }
    const bare = value.replace(/var\([^)]*\)/g, ' ');
    if (HEX.test(bare) || COLOR_FUNCTION.test(bare)) problems.push(`${property}: ${value} (colour)`);
    else if (bare.split(/[^a-z-]+/i).some((word) => NAMED_COLORS.has(word.toLowerCase()))) problems.push(`${property}: ${value} (named colour)`);
    else if (LENGTH.test(bare)) problems.push(`${property}: ${value} (length)`);
    else if (UNITLESS_SIZED.test(property) && /(?<![\w.-])(?:\d*\.)?\d*[1-9]\d*(?![\w%.])/.test(bare)) problems.push(`${property}: ${value} (number)`);
  }
  return problems;
}

/** Property names whose number is a size, spacing, line or border width in the docx library's options (widths and heights are the page's and the tables' geometry, not the theme's). */
const SIZED_PROPERTY = /^(?:size|sizeComplexScript|line|before|after|space|top|bottom|left|right|start|end|hanging|firstLine|fontSize|opacity|rotation)$/;
/** A string that is a colour: Word's six hex digits, CSS hex, a colour function or a named colour. */
const isColorString = (s: string) =>
  /^#?(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(s) || COLOR_FUNCTION.test(s) || NAMED_COLORS.has(s.toLowerCase()) || HEX.test(s);

/** Problems in a TypeScript file of the renderers: colour strings, CSS colours or sizes in strings, sized numbers. */
export function codeLiterals(source: string, file = 'file.ts'): string[] {
  const problems: string[] = [];
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const where = (node: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      const text = node.text;
      if (isColorString(text.trim())) problems.push(`${where(node)} colour string "${text}"`);
      else if (HEX.test(text) || COLOR_FUNCTION.test(text)) problems.push(`${where(node)} CSS colour in "${text}"`);
      else if (/(?<![\w-])(?:\d*\.)?\d+(?:pt|px)\b/.test(text)) problems.push(`${where(node)} CSS size in "${text}"`);
    }
    if (ts.isPropertyAssignment(node) && SIZED_PROPERTY.test(node.name.getText(sf))) {
      let value: ts.Expression = node.initializer;
      if (ts.isPrefixUnaryExpression(value)) value = value.operand;
      if (ts.isNumericLiteral(value) && Number(value.text) !== 0) problems.push(`${where(node)} ${node.getText(sf)}`);
    }
    if (ts.isVariableDeclaration(node) && node.initializer && ts.isNumericLiteral(node.initializer) && /^[A-Z_]+$/.test(node.name.getText(sf))) {
      // A named constant of a size (`const SIGNING_HEIGHT = 720`) is a literal all the same.
      if (/HEIGHT|WIDTH|SIZE|SPACE|SPACING|GAP|LINE|MARGIN|PADDING|INDENT|AFTER|BEFORE/.test(node.name.getText(sf))) problems.push(`${where(node)} ${node.getText(sf)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return problems;
}

// The theme's custom properties, and those the language's text rule sets (src/render/fonts: --language-leading).
const defined = new Set([
  ...themeProperties().map(([name]) => name),
  ...[...textCss('en').matchAll(/(--[\w-]+):/g)].map((m) => m[1]!),
  // The bilingual copy's tokens, on its pages only.
  ...[...bilingualCss().matchAll(/(--[\w-]+):/g)].map((m) => m[1]!),
]);

describe('the literal checks catch literals', () => {
  it('finds colours and sizes in CSS in every form', () => {
    const bad = [
      'p { color: #1f2933; }',
      'p { color: #abc; }',
      'p { background: rgba(0, 0, 0, 0.1); }',
      'p { border-bottom: 1px solid var(--color-rule); }',
      'p { color: grey; }',
      'p { border: var(--border-table) solid Navy; }',
      'p { margin: 0 0 6pt; }',
      'p { font-size: 1.2em; }',
      'p { line-height: 1.2; }',
      'main { columns: 2; }',
      'p { color: var(--color-nonexistent); }',
    ];
    for (const css of bad) expect(cssLiterals(css, defined), css).not.toEqual([]);
    expect(cssLiterals('p { margin: 0 0 var(--space-paragraph); width: 100%; color: var(--color-text); }', defined)).toEqual([]);
    expect(cssLiterals('a:hover { color: var(--color-link); } .x::before { content: "a"; }', defined)).toEqual([]);
  });

  it('finds colours and sizes in TypeScript in every form', () => {
    const bad = [
      "const c = '0B4F6C';",
      "const c = 'C0C0C0';",
      "run({ color: 'silver' });",
      'const css = `color: #333;`;',
      'const css = `font-size: ${x}; color: rgba(1, 2, 3, 0.5);`;',
      'const css = `  font-size: 8.5pt;`;',
      'border({ style: BorderStyle.SINGLE, size: 4 });',
      'new Paragraph({ spacing: { before: 120, after: 240, line: 240 } });',
      'const SIGNING_HEIGHT = 720;',
      'watermark({ opacity: 0.5, rotation: -45 });',
    ];
    for (const code of bad) expect(codeLiterals(code), code).not.toEqual([]);
    const good = "new Paragraph({ spacing: { before: 0, after: DOCX_SPACE.x, line: DOCX_LINE.single }, border: { color: 'auto', size: 0 } });";
    expect(codeLiterals(good)).toEqual([]);
  });
});

describe('no literal colour or size outside src/render/theme', () => {
  it('the print CSS files use only the theme\'s custom properties', () => {
    const files = filesUnder(join(ROOT, 'templates'), '.css');
    expect(files.length).toBeGreaterThanOrEqual(2);
    const problems = files.flatMap((file) => cssLiterals(readFileSync(file, 'utf8'), defined).map((p) => `${relative(ROOT, file)}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('the DOCX and HTML renderers and the page chrome read the theme instead of writing values', () => {
    const files = [
      ...filesUnder(join(ROOT, 'src', 'render', 'docx'), '.ts'),
      ...filesUnder(join(ROOT, 'src', 'render', 'html'), '.ts'),
      join(ROOT, 'src', 'render', 'pdf', 'page-css.ts'),
    ];
    const problems = files.flatMap((file) => codeLiterals(readFileSync(file, 'utf8'), relative(ROOT, file)));
    expect(problems).toEqual([]);
  });
});
