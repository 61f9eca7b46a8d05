import { describe, expect, it } from 'vitest';
import { splitByDirection } from '../../../src/render/docx/bidi.js';
import { arabicMeta, paragraphWith, paragraphs, part, renderParts, tableRows, testMeta, textOf } from './helpers.js';

const ARABIC = `# برنامج التعليم الفردي

## مستويات الأداء الحالية

تقرأ مايا **بتعبير جيد**. :strength[تعيد مايا سرد القصص بالترتيب.]{#retells}

- واحد
- اثنان

| الخدمة | التكرار |
| --- | --- |
| النطق | مرتين في الأسبوع |

::buildson[يبني على: تعيد مايا سرد القصص]{ref="retells"}

نص مع :untranslated[English text here]{lang="en"} في الداخل.
`;

describe('a right-to-left (Arabic) document', async () => {
  const parts = await renderParts(ARABIC, arabicMeta());
  const document = part(parts, 'word/document.xml');
  const styles = part(parts, 'word/styles.xml');

  it('has a right-to-left section (w:bidi in sectPr)', () => {
    const sectPr = document.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/)?.[0] ?? '';
    expect(sectPr).toContain('<w:bidi/>');
    // Schema order: w:bidi before w:docGrid.
    expect(sectPr.indexOf('<w:bidi/>')).toBeLessThan(sectPr.indexOf('<w:docGrid'));
  });

  it('makes every paragraph right-to-left (w:bidi in each w:pPr), in the body, tables, header and footer', () => {
    for (const xml of [document, part(parts, 'word/header1.xml'), part(parts, 'word/footer1.xml')]) {
      const all = paragraphs(xml);
      expect(all.length).toBeGreaterThan(0);
      for (const p of all) expect(p).toContain('<w:bidi/>');
    }
  });

  it('marks Arabic runs right-to-left (w:rtl), with complex-script bold (w:bCs)', () => {
    const runs = document.match(/<w:r>(?:(?!<\/w:r>)[\s\S])*?[\u0600-\u06FF][\s\S]*?<\/w:r>/g) ?? [];
    expect(runs.length).toBeGreaterThan(5);
    for (const run of runs) expect(run).toContain('<w:rtl/>');
    expect(paragraphWith(document, 'بتعبير جيد')).toMatch(/<w:b\/><w:bCs\/><w:rtl\/>/);
  });

  it('keeps Latin text (untranslated English) in its own run without w:rtl, so Word uses the Latin font', () => {
    const p = paragraphWith(document, 'English text here');
    const run = /<w:r>((?:(?!<w:r>)[\s\S])*?)English text here<\/w:t><\/w:r>/.exec(p)?.[1] ?? '';
    expect(run).not.toContain('<w:rtl/>');
    expect(run).toContain('<w:rStyle w:val="Untranslated"/>');
  });

  it('lays tables out right-to-left (w:bidiVisual)', () => {
    expect(document.match(/<w:tblPr>[\s\S]*?<\/w:tblPr>/)?.[0]).toContain('<w:bidiVisual/>');
    expect(tableRows(document)[0]).toContain('<w:tblHeader/>');
  });

  it('aligns by start and end, never left or right', () => {
    expect(document).not.toMatch(/<w:jc w:val="(left|right)"\/>/);
    expect(styles).not.toMatch(/<w:jc w:val="(left|right)"\/>/);
  });

  it('sets the theme complex-script language in settings.xml (w:themeFontLang w:bidi)', () => {
    expect(part(parts, 'word/settings.xml')).toMatch(/<w:themeFontLang [^>]*w:bidi="ar-SA"\/>/);
  });

  it('makes the default paragraph properties and every paragraph style right-to-left', () => {
    expect(styles.match(/<w:pPrDefault>[\s\S]*?<\/w:pPrDefault>/)?.[0]).toContain('<w:bidi/>');
    const paragraphStyles = styles.match(/<w:style w:type="paragraph"[\s\S]*?<\/w:style>/g) ?? [];
    expect(paragraphStyles.length).toBeGreaterThan(6);
    for (const style of paragraphStyles) expect(style).toContain('<w:bidi/>');
    const heading1 = paragraphStyles.find((s) => s.includes('w:styleId="Heading1"')) ?? '';
    // Schema order inside w:pPr: ... pBdr, bidi, spacing ...
    expect(heading1.indexOf('<w:bidi/>')).toBeLessThan(heading1.indexOf('<w:spacing'));
  });

  it('names Noto Sans Arabic as the complex-script font, with complex-script sizes and the language', () => {
    const defaults = styles.match(/<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/)?.[0] ?? '';
    expect(defaults).toContain('w:cs="Noto Sans Arabic"');
    expect(defaults).toContain('w:ascii="Noto Sans"');
    expect(defaults).toMatch(/<w:szCs w:val="21"\/>/);
    expect(defaults).toMatch(/<w:lang [^>]*w:bidi="ar-SA"/);
    expect(part(parts, 'docProps/core.xml')).toContain('<dc:language>ar-SA</dc:language>');
  });

  it('isolates untranslated English with left-to-right marks so its punctuation stays with it', async () => {
    const doc = part(
      await renderParts('نص :untranslated[She reads well.]{lang="en" note="لم يُترجم بعد"} هنا.\n', arabicMeta()),
      'word/document.xml',
    );
    const p = paragraphWith(doc, 'She reads well.');
    expect(textOf(p)).toBe('نص [لم يُترجم بعد] \u200eShe reads well.\u200e هنا.');
    const english = /<w:r>((?:(?!<w:r>)[\s\S])*?)She reads well\.<\/w:t><\/w:r>/.exec(p)?.[1] ?? '';
    expect(english).not.toContain('<w:rtl/>');
  });

  it('puts the rule of builds-on notes and quotes on the start side: their right border', () => {
    const buildsOn = styles.match(/<w:style w:type="paragraph" w:styleId="BuildsOn">[\s\S]*?<\/w:style>/)?.[0] ?? '';
    expect(buildsOn).toMatch(/<w:right w:val="single" w:color="3F9142"/);
    expect(buildsOn).not.toMatch(/<w:left w:val="single" w:color="3F9142"/);
  });

  it('writes the Arabic watermark word in the Arabic font', () => {
    const header = part(parts, 'word/header1.xml');
    expect(header).toContain('string="مسودة"');
    expect(header).toContain('font-family:&quot;Noto Sans Arabic&quot;');
  });
});

describe('Urdu', () => {
  it('uses Noto Nastaliq Urdu and ur-PK', async () => {
    const parts = await renderParts('# انفرادی تعلیمی پروگرام\n', arabicMeta({ lang: 'ur' }));
    const styles = part(parts, 'word/styles.xml');
    expect(styles).toContain('w:cs="Noto Nastaliq Urdu"');
    expect(part(parts, 'word/settings.xml')).toMatch(/<w:themeFontLang [^>]*w:bidi="ur-PK"\/>/);
  });
});

describe('a left-to-right document', async () => {
  const parts = await renderParts(
    '# Title\n\nText **bold**.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n- item\n',
    testMeta({ notice: 'Notice.', watermark: 'DRAFT' }),
  );

  it('has none of the right-to-left markup', () => {
    for (const [path, xml] of parts) {
      if (!path.endsWith('.xml')) continue;
      expect(xml, path).not.toMatch(/<w:bidi\/>|<w:rtl\/>|<w:bidiVisual\/>|<w:themeFontLang/);
    }
  });
});

describe('fonts per language', () => {
  it.each([
    ['zh-Hans', 'w:eastAsia="Noto Sans SC"'],
    ['zh-Hant', 'w:eastAsia="Noto Sans TC"'],
    ['ko', 'w:eastAsia="Noto Sans KR"'],
    ['bn', 'w:cs="Noto Sans Bengali"'],
    ['es', 'w:ascii="Noto Sans"'],
  ] as const)('%s names %s', async (lang, font) => {
    const styles = part(await renderParts('Text.\n', testMeta({ lang })), 'word/styles.xml');
    expect(styles.match(/<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/)?.[0]).toContain(font);
  });
});

describe('splitByDirection', () => {
  it('keeps a Latin name with its inner spaces as one left-to-right stretch', () => {
    expect(splitByDirection('الطالبة Maya Thompson في الصف')).toEqual([
      { text: 'الطالبة ', rtl: true },
      { text: 'Maya Thompson', rtl: false },
      { text: ' في الصف', rtl: true },
    ]);
  });

  it('leaves digits and punctuation with the right-to-left text around them', () => {
    expect(splitByDirection('الرقم 123456.')).toEqual([{ text: 'الرقم 123456.', rtl: true }]);
  });

  it('gives all-Latin text one left-to-right stretch', () => {
    expect(splitByDirection('ID 123')).toEqual([
      { text: 'ID', rtl: false },
      { text: ' 123', rtl: true },
    ]);
  });
});
