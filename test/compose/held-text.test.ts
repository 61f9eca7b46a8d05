import { describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { escapeInline } from '../../src/compose/escape-markdown.js';
import { forgetParsedRuns, parseHeld } from '../../src/compose/held-blocks.js';
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
  // First and last characters of each class micromark tells apart, and those that count as themselves.
  'ab',
  'M.',
  '2024',
  '15 de junio de 2026',
  '12. starts like a list item',
  '«Citation» in guillemets»',
  '¿Una pregunta?',
  'ends with a tilde~',
  '~starts with a tilde',
  '中文的句子。',
  'كلمة عربية،',
  'x',
  'name',
  'amp',
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
  ':$',
  ':$[label]',
  '&$;',
  '&#$;',
  '\\$',
  '<$>',
  '$.',
  '$) and more',
  '- $. item',
  '**$**x',
  'x**$**',
  '~~$~~x',
  'x~~$~~',
  '$~~x~~',
  '$**x**',
  '$*x*',
  '*$*x',
  '_$_x',
  'x_$_',
  '$\tafter a tab',
  '[$]\n\n[$]: /defined',
  '$\n\n$\n\n- $\n\n$',
  '| $ |\n| --: |',
  '$\n--:',
]

describe('HeldText: data held out of the Markdown parser', () => {
  it.each(CONTEXTS)('gives the tree of the escaped Markdown, positions included, in the context %j', (context) => {
    forgetParsedRuns();
    // Twice: the second time every run is one remembered from another value of the same shape.
    for (const round of [1, 2]) {
      for (const value of VALUES) {
        const held = new HeldText();
        const markdown = context.replaceAll('$', () => held.hold(escapeInline(value))) + '\n';
        const restored = held.restore(markdown);
        expect(restored).toBe(context.replaceAll('$', () => escapeInline(value)) + '\n');
        expect(parseHeld(markdown, restored, held) ?? parseMarkdown(restored), `${context} with ${value} (round ${round})`).toEqual(parseMarkdown(restored));
      }
    }
  });

  it('writes stand-ins of the same class around the placeholder, and the characters that count as themselves', () => {
    const held = new HeldText();
    const placeholder = '\uE000[\uE010-\uE01F]+\uE001';
    expect(held.hold(escapeInline('*not emphasis* [not a link](x) <b>not html</b>'))).toMatch(new RegExp(`^\\\\!${placeholder}\\\\!$`));
    expect(held.hold(escapeInline('short *'))).toMatch(new RegExp(`^\uE002${placeholder}\\\\!$`));
    expect(held.hold(escapeInline('«quoted»'))).toMatch(new RegExp(`^\u00A1${placeholder}\u00A1$`));
    expect(held.hold(escapeInline('ends with a tilde~'))).toMatch(new RegExp(`^\uE002${placeholder}\\\\~$`));
    expect(held.hold(escapeInline('😀 emoji 😀'))).toMatch(new RegExp(`^😀${placeholder}😀$`, 'u'));
    // A number an ordered list could read, and a single character, are written as they are.
    for (const value of ['2024', '12. not a list', '7', '\\']) expect(held.hold(escapeInline(value))).toBe(escapeInline(value));
    expect(held.hold(escapeInline('15 de junio'))).toMatch(new RegExp(`^\uE002${placeholder}\uE002$`));
  });

  it('gives the tree of the escaped Markdown where a placeholder is not in a text node', () => {
    for (const context of ['`$`', '[x](#$)', ':untranslated[x]{note="$"}', '![$](y.png)']) {
      const held = new HeldText();
      const markdown = context.replace('$', held.hold(escapeInline('a value long enough to be held'))) + '\n';
      const restored = held.restore(markdown);
      expect(parseHeld(markdown, restored, held), context).toEqual(parseMarkdown(restored));
    }
  });

  it('holds directive attribute values as the placeholder alone, the same value as the same placeholder', () => {
    forgetParsedRuns();
    for (const id of ['quick-with-numbers', 'a', 'x_9', 'ends-with-dash-']) {
      const held = new HeldText();
      const placeholder = held.holdAttribute(id);
      expect(placeholder).toMatch(/^\uE000[\uE010-\uE01F]+\uE001$/);
      expect(held.holdAttribute(id)).toBe(placeholder);
      const text = held.hold(escapeInline('a strength worth a sentence'));
      // In an attribute, the tree gets the value; where a template writes it as text instead, the text parse decides.
      for (const context of [`- :strength[${text}]{id="${placeholder}"}`, `::buildson[x]{ref="${placeholder}"}`, `word ${placeholder} word`, `**${placeholder}**x`]) {
        const markdown = context + '\n';
        const restored = held.restore(markdown);
        expect(parseHeld(markdown, restored, held), context).toEqual(parseMarkdown(restored));
      }
    }
    // Quotes, references and line endings mean something in a quoted attribute: such values are written as they are.
    const held = new HeldText();
    for (const value of ['say "hi"', 'a &amp; b', 'two\nlines']) expect(held.holdAttribute(value)).toBe(value);
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
