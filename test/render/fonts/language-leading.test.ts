/**
 * Issue 14 part 2: an Urdu H1's Nastaliq descenders touched the table below it (official, ur), because headings kept
 * Latin's line height in every language. Headings now multiply theirs by the language's extra leading.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_LINE_HEIGHT, textCss } from '../../../src/render/fonts/font-stack.js';

const leading = (css: string) => Number(/--language-leading: ([\d.]+);/.exec(css)?.[1]);

describe('headings get the leading their language needs', () => {
  it('Latin text keeps its heading line height; Urdu gets half as much again and more', () => {
    expect(leading(textCss('en'))).toBe(1);
    expect(leading(textCss('ur'))).toBeGreaterThanOrEqual(1.5);
    expect(leading(textCss('ar'))).toBeGreaterThan(1);
    expect(leading(textCss('ur'))).toBeCloseTo(LANGUAGE_LINE_HEIGHT.ur / LANGUAGE_LINE_HEIGHT.en, 2);
  });

  it('the print CSS multiplies the heading line height by it', () => {
    const css = readFileSync(new URL('../../../templates/base.css', import.meta.url), 'utf8');
    expect(css).toMatch(/h1, h2, h3, h4 \{ line-height: calc\(var\(--line-height-heading\) \* var\(--language-leading, 1\)\);/);
  });
});
