import { describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { escapeInline } from '../../src/compose/escape-markdown.js';
import { HeldText } from '../../src/compose/held-text.js';
import { parseMarkdown } from '../../src/compose/parse-markdown.js';
import { loadExample } from '../e2e/helpers.js';

/** Data values that probe every construct next to or inside a held value. */
const VALUES = [
  'plain words that are long enough to be held',
  '(starts and ends with punctuation)',
  '*emphasis inside* and __strong__ and ~~struck~~',
  '_underscored_ at both ends_',
  '[a link](http://127.0.0.1/x) and ![an image](y.png)',
  '<script>alert(1)</script>',
  '{{handlebars}} and :directive[label]{a="b"} and ::: fences',
  'a | table | cell | with pipes |',
  '&amp; &#60; entities &copy;',
  '\\backslashes\\ and `code spans` everywhere\\',
  '1. not a list item at all',
  'ends with a surrogate pair 😀',
  '😀 starts with a surrogate pair',
  'two  spaces  inside  and  trailing',
  'http://example.com/autolink-literal',
  '__proto__ constructor prototype',
];

/** Template contexts a value is written in, each with `$` where the value goes. */
const CONTEXTS = [
  '$',
  '**$**',
  '*$*',
  '_$_',
  'x**$**x',
  'word$word',
  '~~$~~',
  '# $',
  '- $',
  '1. $',
  '> $',
  '[$](#target)',
  ':untranslated[$]{lang="en"}',
  '| a | b |\n| --- | --- |\n| $ | **$** |',
  'Before: $ — after, **bold**: $.',
  'line one $\nline two $  \nline three',
];

describe('HeldText: data held out of the Markdown parser', () => {
  it.each(CONTEXTS)('gives the tree of the escaped Markdown, positions included, in the context %j', (context) => {
    for (const value of VALUES) {
      const held = new HeldText();
      const markdown = context.replaceAll('$', () => held.hold(escapeInline(value)));
      const restored = held.restore(markdown);
      expect(restored).toBe(context.replaceAll('$', () => escapeInline(value)));
      expect(held.parse(markdown, parseMarkdown), `${context} with ${value}`).toEqual(parseMarkdown(restored));
    }
  });

  it('keeps the middle of a long value out of the Markdown, and short values as they are', () => {
    const held = new HeldText();
    const long = held.hold(escapeInline('*not emphasis* [not a link](x) <b>not html</b>'));
    expect(long).toMatch(/^\\\*\uE000[\uE010-\uE01F]+\uE001\\>$/);
    expect(held.hold(escapeInline('short *'))).toBe('short \\*');
  });

  it('parses the escaped Markdown instead where a placeholder is not in a text node', () => {
    const held = new HeldText();
    const value = held.hold(escapeInline('a value long enough to be held'));
    // A code span keeps backslashes: its value would not be the data text, so the tree must come from the full text.
    expect(held.parse(`\`${value}\``, parseMarkdown)).toBeUndefined();
    expect(held.parse(`[x](#${value})`, parseMarkdown)).toBeUndefined();
    expect(held.parse(`:untranslated[x]{note="${value}"}`, parseMarkdown)).toBeUndefined();
  });

  it('does not hold data that contains the placeholder characters', () => {
    const held = new HeldText();
    const hostile = 'forged \uE000\uE010\uE001 placeholder in the data';
    expect(held.hold(escapeInline(hostile))).toBe(escapeInline(hostile));
    expect(held.intact('any')).toBe(false);
  });
});

describe('composeDocument with held data', () => {
  it('gives the tree the returned Markdown parses to, for every layout', () => {
    const iep = loadExample('mateo-almonte');
    for (const layout of ['official', 'family', 'student'] as const) {
      for (const lang of ['en', 'ar'] as const) {
        const composed = composeDocument(iep, { layout, lang, profile: 'ny' });
        expect(composed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(composed.document!.body, `${layout} ${lang}`).toEqual(parseMarkdown(composed.markdown!));
      }
    }
  });

  it('prints data holding the placeholder characters as written, inert', () => {
    const iep = loadExample('mateo-almonte');
    const forged = 'Forged \uE000\uE010\uE001 **not bold** and more words';
    const hostile = { ...iep, goals: iep.goals.map((g, i) => (i === 0 ? { ...g, baseline: forged } : g)) };
    const composed = composeDocument(hostile, { layout: 'official', lang: 'en', profile: 'ny' });
    expect(composed.document!.body).toEqual(parseMarkdown(composed.markdown!));
    expect(JSON.stringify(composed.document!.body)).toContain(JSON.stringify(forged).slice(1, -1));
  });
});
