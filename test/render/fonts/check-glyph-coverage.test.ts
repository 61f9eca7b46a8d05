import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../src/model/languages.js';
import { checkGlyphCoverage } from '../../../src/render/fonts/index.js';
import { isTextCovered } from '../../../src/render/fonts/check-glyph-coverage.js';

/** Every font the check opens, in order (the real openFont, counted). */
const fontsOpened = vi.hoisted(() => [] as number[]);
vi.mock('../../../src/render/fonts/open-font.js', async (original) => {
  const real = await original<typeof import('../../../src/render/fonts/open-font.js')>();
  return { ...real, openFont: (...args: Parameters<typeof real.openFont>) => (fontsOpened.push(fontsOpened.length), real.openFont(...args)) };
});

/** One real sentence per document language: "Maya enjoys reading with her classmates and asks thoughtful questions in class." */
const SENTENCES: Record<Language, string> = {
  en: 'Maya enjoys reading with her classmates and asks thoughtful questions in class — “every day”, 95% of the time.',
  es: 'A Maya le encanta leer con sus compañeros y hace preguntas muy pensadas en clase; ¿quién no?',
  'zh-Hans': '玛雅喜欢和同学一起阅读，并在课堂上提出有思想的问题。',
  'zh-Hant': '瑪雅喜歡和同學一起閱讀，並在課堂上提出有深度的問題。',
  ar: 'تستمتع مايا بالقراءة مع زملائها وتطرح أسئلة مدروسة في الفصل، بدقة تبلغ ٩٥٪.',
  bn: 'মায়া সহপাঠীদের সাথে পড়তে ভালোবাসে এবং ক্লাসে চিন্তাশীল প্রশ্ন করে।',
  ru: 'Майя любит читать вместе с одноклассниками и задаёт вдумчивые вопросы на уроках.',
  ko: '마야는 친구들과 함께 책 읽기를 좋아하고 수업 시간에 깊이 있는 질문을 합니다.',
  fr: 'Maya aime lire avec ses camarades et pose des questions réfléchies en classe, à l’école.',
  ht: 'Maya renmen li ak kamarad klas li yo epi li poze bon kesyon nan klas la.',
  ur: 'مایا اپنے ہم جماعتوں کے ساتھ پڑھنا پسند کرتی ہے اور کلاس میں سوچ سمجھ کر سوالات پوچھتی ہے۔',
};

describe('checkGlyphCoverage', () => {
  it('accepts a real sentence in each of the 11 languages', () => {
    const strings = Object.entries(SENTENCES).map(([lang, text]) => ({ text, path: `summary.${lang}` }));
    expect(checkGlyphCoverage(strings)).toEqual([]);
  });

  it('reports a character no bundled font covers, naming it and the field', () => {
    const diagnostics = checkGlyphCoverage([
      { text: 'Preferred name: ሀና', path: 'student.preferredName', file: 'maya.iep.yaml' },
    ]);
    expect(diagnostics).toHaveLength(2); // ሀ and ና, each once
    expect(diagnostics[0]).toMatchObject({
      code: 'missing-glyph',
      severity: 'error',
      path: 'student.preferredName',
      file: 'maya.iep.yaml',
    });
    expect(diagnostics[0]!.message).toContain('"ሀ" (U+1200)');
    expect(diagnostics[0]!.message).toContain('student.preferredName');
    expect(diagnostics[0]!.hint).toMatch(/Ethiopic/);
    expect(diagnostics[0]!.hint).toMatch(/remove or replace/);
  });

  it('reports a Tibetan letter and an emoji with hints that fit them', () => {
    const [tibetan] = checkGlyphCoverage([{ text: 'ཀ', path: 'a' }]);
    expect(tibetan?.message).toContain('"ཀ" (U+0F40)');
    expect(tibetan?.hint).toContain('Tibetan');
    const [emoji] = checkGlyphCoverage([{ text: 'Great job 😀', path: 'goals[0].note' }]);
    expect(emoji?.message).toContain('"😀" (U+1F600)');
    expect(emoji?.message).toContain('goals[0].note');
    expect(emoji?.hint).toMatch(/emoji/);
  });

  it('reports a repeated character once per field', () => {
    const diagnostics = checkGlyphCoverage([
      { text: '😀😀😀', path: 'a' },
      { text: '😀', path: 'b' },
    ]);
    expect(diagnostics.map((d) => d.path)).toEqual(['a', 'b']);
  });

  it('ignores characters that never need a glyph: spaces, controls, joiners, bidi marks', () => {
    const invisible = '\t\n\r\u00a0\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u2066\u2067\u2068\u2069\ufeff\u00ad\ufe0f';
    expect(checkGlyphCoverage([{ text: `a${invisible}b`, path: 'x' }])).toEqual([]);
  });

  it('checks a whole IEP worth of text reading each font once, then from what it learnt', () => {
    // How long it takes is the bench's to measure (bench/pdf-engine.ts); what keeps it short is that a font is read
    // once per process and each character's answer kept: a second IEP's worth of the same text reads no font.
    const strings = Array.from({ length: 400 }, (_, i) => ({ text: Object.values(SENTENCES)[i % 11]!.repeat(3), path: `f[${i}]` }));
    expect(checkGlyphCoverage(strings)).toEqual([]);
    expect(fontsOpened.length).toBeGreaterThan(0);
    const opened = fontsOpened.length;
    expect(checkGlyphCoverage(strings)).toEqual([]);
    expect(strings.every(({ text }) => isTextCovered(text))).toBe(true);
    expect(fontsOpened.length).toBe(opened);
  });
});

describe('isTextCovered', () => {
  it('answers as checkGlyphCoverage does: true exactly when it finds nothing', () => {
    const texts = [...Object.values(SENTENCES), 'Preferred name: ሀና', 'emoji 😀 at the end', '😀', 'a\u200db\u00ad', 'Tibetan ཀ', '', 'plain ASCII ~!@#'];
    for (const text of texts) expect(isTextCovered(text), text).toBe(checkGlyphCoverage([{ text, path: 'x' }]).length === 0);
    expect(isTextCovered('Preferred name: ሀና')).toBe(false);
    expect(isTextCovered(SENTENCES.ur)).toBe(true);
  });
});
