/**
 * Issue 14 part 2: in the Arabic family copy, English items inside Arabic text wrapped with stray parentheses
 * ("(district and state tests" starting a line): a template's brackets around an untranslated field took the
 * Arabic direction while the English between them ran left to right. They now sit inside the English isolate.
 */
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/compose/parse-markdown.js';
import { renderHtml } from '../../../src/render/html/render-html.js';
import { arabicMeta, testMeta } from '../docx/helpers.js';

const NOTE = 'لم يُترجَم بعد';
const MARKDOWN = `- :untranslated[Directions read aloud]{lang="en" note="${NOTE}"} (:untranslated[On all tests]{lang="en" note="${NOTE}"})
- :untranslated[Extra time]{lang="en" note="${NOTE}"} [:untranslated[On written answers]{lang="en" note="${NOTE}"}] وقت
- وقت إضافي (ساعة)
`;

const html = (meta = arabicMeta()) => renderHtml({ meta, body: parseMarkdown(MARKDOWN) }, { css: '' });

describe('brackets around an untranslated field in a right-to-left document', () => {
  it('move inside the left-to-right isolate, with the English they enclose', () => {
    const out = html();
    expect(out).toContain('<bdi lang="en" dir="ltr">(On all tests)</bdi></span></li>');
    expect(out).toContain('<bdi lang="en" dir="ltr">[On written answers]</bdi></span> وقت</li>');
    // No bracket is left in the Arabic text next to the field.
    expect(out).not.toMatch(/\(<span class="untranslated">/);
    expect(out).not.toMatch(/<\/span>\)/);
  });

  it('leave brackets around Arabic text, and the note outside them, alone', () => {
    const out = html();
    expect(out).toContain('وقت إضافي (ساعة)');
    expect(out).toContain(`<span class="untranslated-note">[${NOTE}]</span> <bdi lang="en" dir="ltr">(On all tests)</bdi>`);
  });

  it('stay where the template put them in a left-to-right document', () => {
    expect(html(testMeta({ lang: 'es' }))).toContain('(<span class="untranslated">');
  });
});
