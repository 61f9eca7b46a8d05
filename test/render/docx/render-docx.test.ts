import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocxRenderError, renderDocx } from '../../../src/render/docx/render-docx.js';
import { THEME } from '../../../src/render/theme/tokens.js';
import {
  paragraphWith,
  paragraphs,
  part,
  renderParts,
  tableRows,
  testMeta,
  textOf,
  tree,
  unzipParts,
} from './helpers.js';

const ALL_FEATURES = readFileSync(new URL('../../fixtures/tree/all-features.md', import.meta.url), 'utf8');

describe('renderDocx on the all-features tree', async () => {
  const parts = await unzipParts(await renderDocx(tree(ALL_FEATURES, testMeta({ watermark: 'DRAFT' }))));
  const document = part(parts, 'word/document.xml');

  it('gives headings Word heading styles by depth, Heading1 for the first (no Title style)', () => {
    expect(paragraphWith(document, 'Individualized Education Program')).toContain('<w:pStyle w:val="Heading1"/>');
    expect(paragraphWith(document, 'Present Levels')).toContain('<w:pStyle w:val="Heading2"/>');
    expect(paragraphWith(document, 'Academic')).toContain('<w:pStyle w:val="Heading3"/>');
    expect(document).not.toContain('w:val="Title"');
  });

  it('keeps headings with the next paragraph', () => {
    for (const text of ['Individualized Education Program', 'Present Levels', 'Academic']) {
      expect(paragraphWith(document, text)).toContain('<w:keepNext/>');
    }
  });

  it('writes lists as numbered paragraphs (w:numPr), bullets and numbers on different definitions', () => {
    const one = paragraphWith(document, 'one');
    const first = paragraphWith(document, 'first');
    expect(one).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    expect(first).toMatch(/<w:numPr>/);
    expect(numId(one)).not.toBe(numId(first));
    expect(numId(paragraphWith(document, 'two'))).toBe(numId(one));
    expect(numId(paragraphWith(document, 'second'))).toBe(numId(first));
  });

  it('keeps the :::keep group together: keepNext on every paragraph but the last, keepLines on all', () => {
    const inGroup = ['Academic', 'Maya reads', 'one', 'two', 'first'];
    for (const text of inGroup) expect(paragraphWith(document, text)).toContain('<w:keepNext/>');
    const last = paragraphWith(document, 'second');
    expect(last).toContain('<w:keepLines/>');
    expect(last).not.toContain('<w:keepNext/>');
    // Outside the group nothing is kept.
    expect(paragraphWith(document, 'Text with')).not.toContain('<w:keepNext/>');
  });

  it('marks the first table row as a repeating header and lets no row split', () => {
    const rows = tableRows(document, 0);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).not.toContain('<w:tblHeader');
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    expect(textOf(rows[0]!)).toBe('ServiceFrequencyLocation');
  });

  it('spans tables across the text width (Letter 8.5 in minus 18 mm margins)', () => {
    const width = 12240 - 2 * Math.round((18 * 1440) / 25.4);
    expect(document).toContain(`<w:tblW w:type="dxa" w:w="${width}"/>`);
    const grid = [...(document.match(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/)?.[0] ?? '').matchAll(/w:w="(\d+)"/g)];
    expect(grid.reduce((sum, m) => sum + Number(m[1]), 0)).toBe(width);
  });

  it('breaks the page at ::pagebreak', () => {
    expect(document).toContain('<w:br w:type="page"/>');
    const breakAt = document.indexOf('<w:br w:type="page"/>');
    expect(breakAt).toBeGreaterThan(document.indexOf('The English version is the legal document'));
    expect(breakAt).toBeLessThan(document.indexOf('Ana Lopez'));
  });

  it('bookmarks the strength and links the builds-on note to it', () => {
    expect(document).toMatch(/<w:bookmarkStart w:name="strength-retells" w:id="(\d+)"\/>/);
    const bookmark = /<w:bookmarkStart w:name="strength-retells" w:id="(\d+)"\/>([\s\S]*?)<w:bookmarkEnd w:id="(\d+)"\/>/.exec(
      document,
    );
    expect(bookmark?.[1]).toBe(bookmark?.[3]);
    expect(textOf(bookmark?.[2] ?? '')).toBe('Maya retells stories in order.');
    const note = paragraphWith(document, 'Builds on: Maya retells stories in order');
    expect(note).toContain('<w:pStyle w:val="BuildsOn"/>');
    expect(note).toMatch(/<w:hyperlink [^>]*w:anchor="strength-retells"/);
  });

  it('draws checkboxes as ballot boxes before their labels', () => {
    const line = textOf(paragraphWith(document, 'Eligible for 12-month services'));
    expect(line).toBe('\u2612\u00a0Eligible for 12-month services \u2610\u00a0Not eligible');
  });

  it('draws the callout as a shaded one-cell table with a thick line on its start side', () => {
    const callout = document.match(/<w:tbl>(?:(?!<\/w:tbl>)[\s\S])*?legal document[\s\S]*?<\/w:tbl>/)?.[0] ?? '';
    expect(callout).toContain('w:fill="F0F6FA"');
    expect(callout).toMatch(/<w:start w:val="single" w:color="486581" w:sz="32"\/>/);
    expect(callout).toMatch(/<w:top w:val="single" w:color="9FB3C8"/);
    expect(callout.match(/<w:tc>/g)).toHaveLength(1);
    expect(paragraphWith(callout, 'translation')).toMatch(/<w:b\/>[\s\S]*translation/);
  });

  it('writes the signatures block as a table with the labels from the container and tall empty signing cells', () => {
    const rows = tableRows(document, 2);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(textOf(rows[0]!)).toBe('NameRoleAttendedSignatureDate');
    expect(textOf(rows[1]!)).toBe('Ana LopezParent\u2612');
    expect(textOf(rows[2]!)).toBe('Jo ParkGeneral education teacher\u2610');
    for (const row of rows.slice(1)) {
      expect(row).toContain('<w:cantSplit/>');
      expect(row).toMatch(/<w:trHeight w:val="720" w:hRule="atLeast"\/>/);
      expect(row.match(/<w:tc>/g)).toHaveLength(5);
    }
  });

  it('shows untranslated text in its own style, tagged with its language', () => {
    const p = paragraphWith(document, 'English text here');
    const run = /<w:r><w:rPr>((?:(?!<w:r>)[\s\S])*?)<\/w:rPr><w:t[^>]*>English text here<\/w:t><\/w:r>/.exec(p)?.[1] ?? '';
    expect(run).toContain('<w:rStyle w:val="Untranslated"/>');
    expect(run).toContain('<w:lang w:val="en-US"/>');
    const styles = part(parts, 'word/styles.xml');
    const style = styles.match(/<w:style w:type="character" w:styleId="Untranslated">[\s\S]*?<\/w:style>/)?.[0] ?? '';
    expect(style).toContain('<w:u w:val="dotted"');
    expect(style).toContain('<w:shd w:fill="FFF4D6"');
  });

  it('puts the running header with the student line and the DRAFT watermark in the header', () => {
    const header = part(parts, 'word/header1.xml');
    expect(textOf(header)).toContain('Maya Thompson · Date of birth 2015-03-14 · ID 123456');
    // The angle is the theme's, the same as the PDF's (rising left to right; VML rotation is clockwise, 0-359).
    expect(THEME.watermark.angle).toBe(-40);
    expect(header).toMatch(/<v:shape id="PowerPlusWaterMarkObject\d+"[^>]*rotation:320[^>]*z-index:-/);
    expect(header).toContain('string="DRAFT"');
    expect(document).toMatch(/<w:headerReference w:type="default" r:id="rId\d+"\/>/);
  });

  it('puts PAGE and NUMPAGES fields in the footer in the place of {page} and {pages}', () => {
    const footer = part(parts, 'word/footer1.xml');
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(footer.indexOf('Page ')).toBeLessThan(footer.search(/>\s*PAGE\s*</));
    expect(footer.search(/>\s*PAGE\s*</)).toBeLessThan(footer.indexOf(' of '));
    expect(footer.indexOf(' of ')).toBeLessThan(footer.search(/>\s*NUMPAGES\s*</));
  });

  it('sets the document properties: title, subject, creator, language, dates from meta.created', () => {
    const core = part(parts, 'docProps/core.xml');
    expect(core).toContain('<dc:title>Individualized Education Program: Maya Thompson</dc:title>');
    expect(core).toContain('<dc:subject>Individualized Education Program, 2026-2027</dc:subject>');
    expect(core).toContain('<dc:creator>Springfield School District</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>Springfield School District</cp:lastModifiedBy>');
    expect(core).toContain('<dc:language>en-US</dc:language>');
    expect(core).toContain('<cp:revision>1</cp:revision>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-09-01T12:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-09-01T12:00:00Z</dcterms:modified>');
  });

  it('declares the language and the Noto fonts in the default run properties', () => {
    const styles = part(parts, 'word/styles.xml');
    const defaults = styles.match(/<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/)?.[0] ?? '';
    expect(defaults).toMatch(/<w:lang w:val="en-US"/);
    expect(defaults).toContain('w:ascii="Noto Sans"');
    expect(defaults).toContain('w:hAnsi="Noto Sans"');
    // Names in other scripts in an English copy still find a Noto family.
    expect(defaults).toContain('w:cs="Noto Sans Arabic"');
    expect(defaults).toContain('w:eastAsia="Noto Sans SC"');
  });

  it('defines the heading styles once, with the look in styles.xml', () => {
    const styles = part(parts, 'word/styles.xml');
    for (const level of [1, 2, 3, 4]) {
      expect(styles.match(new RegExp(`w:styleId="Heading${level}"`, 'g'))).toHaveLength(1);
    }
  });

  it('sets the page size and margins from meta.page (Letter)', () => {
    expect(document).toContain('<w:pgSz w:w="12240" w:h="15840"');
    expect(document).toMatch(/<w:pgMar w:top="1134" w:right="1020" w:bottom="1020" w:left="1020"/);
  });
});

function numId(paragraph: string): string | undefined {
  return /<w:numId w:val="(\d+)"\/>/.exec(paragraph)?.[1];
}

describe('renderDocx features', () => {
  it('restarts numbering for each ordered list and continues a nested ordered list one level down', async () => {
    const document = part(
      await renderParts('1. a\n2. b\n   1. b-one\n   2. b-two\n\nBetween.\n\n1. c\n2. d\n\n- x\n  - x-nested\n'),
      'word/document.xml',
    );
    const a = paragraphWith(document, 'a');
    const c = paragraphWith(document, 'c');
    expect(numId(a)).not.toBe(numId(c));
    expect(numId(paragraphWith(document, 'b-one'))).toBe(numId(a));
    expect(paragraphWith(document, 'b-one')).toContain('<w:ilvl w:val="1"/>');
    expect(paragraphWith(document, 'x-nested')).toContain('<w:ilvl w:val="1"/>');
  });

  it('writes a separate w:num for every ordered list, each starting again at 1', async () => {
    const parts = await renderParts('1. a\n\nText.\n\n1. b\n\nText.\n\n1. c\n');
    const document = part(parts, 'word/document.xml');
    const ids = ['a', 'b', 'c'].map((t) => numId(paragraphWith(document, t)));
    expect(new Set(ids).size).toBe(3);
    const numbering = part(parts, 'word/numbering.xml');
    for (const id of ids) {
      const num = numbering.match(new RegExp(`<w:num w:numId="${id}">[\\s\\S]*?</w:num>`))?.[0] ?? '';
      expect(num).toMatch(/<w:startOverride w:val="1"\/>/);
    }
  });

  it('starts an ordered list at its Markdown start number', async () => {
    const parts = await renderParts('3. three\n4. four\n');
    expect(part(parts, 'word/numbering.xml')).toMatch(/<w:start w:val="3"\/>/);
  });

  it('writes http(s) and mailto links as hyperlinks, #anchors as internal links, other schemes as text only', async () => {
    const parts = await renderParts(
      '[site](https://example.org/a?b=1&c=2) [mail](mailto:team@example.org) [back](#strength-x) ' +
        '[bad](javascript:alert(1)) [file](file:///etc/passwd) [data](data:text/html,hi)\n',
    );
    const document = part(parts, 'word/document.xml');
    const rels = part(parts, 'word/_rels/document.xml.rels');
    expect(rels).toContain('Target="https://example.org/a?b=1&amp;c=2" TargetMode="External"');
    expect(rels).toContain('Target="mailto:team@example.org" TargetMode="External"');
    expect(document.match(/<w:hyperlink [^>]*r:id=/g)).toHaveLength(2);
    expect(document).toMatch(/<w:hyperlink [^>]*w:anchor="strength-x"/);
    expect(rels).not.toMatch(/javascript|file:|data:/);
    expect(textOf(document)).toContain('bad file data');
  });

  it('writes soft line breaks as spaces and hard breaks as w:br', async () => {
    const document = part(await renderParts('one\ntwo  \nthree\n'), 'word/document.xml');
    const p = paragraphWith(document, 'one two');
    expect(p).toContain('<w:br/>');
  });

  it('writes bold, italic, strikethrough and inline code', async () => {
    const document = part(await renderParts('**b** *i* ~~s~~ `c`\n'), 'word/document.xml');
    expect(document).toMatch(/<w:b\/>[\s\S]*?>b</);
    expect(document).toMatch(/<w:i\/>[\s\S]*?>i</);
    expect(document).toMatch(/<w:strike\/>[\s\S]*?>s</);
    expect(document).toMatch(/<w:rStyle w:val="InlineCode"\/>[\s\S]*?>c</);
  });

  it('renders an image as its alt text only', async () => {
    const document = part(await renderParts('Before ![a chart of progress](https://example.org/x.png) after\n'), 'word/document.xml');
    expect(textOf(document)).toContain('Before a chart of progress after');
    expect(document).not.toContain('example.org');
  });

  it('puts a paragraph between adjacent tables so Word does not join them', async () => {
    const document = part(await renderParts('| a |\n| - |\n| 1 |\n\n:::callout{kind="info"}\nNote.\n:::\n'), 'word/document.xml');
    expect(document).toMatch(/<\/w:tbl><w:p>[\s\S]*?<\/w:p><w:tbl>/);
  });

  it('uses A4 and the margins of meta.page', async () => {
    const meta = testMeta({ page: { size: 'a4', margins: { top: 25, right: 20, bottom: 25, left: 20 } } });
    const document = part(await renderParts('Text.\n', meta), 'word/document.xml');
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(document).toMatch(/<w:pgMar w:top="1417" w:right="1134" w:bottom="1417" w:left="1134"/);
  });

  it('writes the notice under the header line on every page when meta.notice is set', async () => {
    const parts = await renderParts('Text.\n', testMeta({ notice: 'This is a translation.' }));
    const header = part(parts, 'word/header1.xml');
    expect(paragraphs(header).map(textOf)).toEqual([
      'Maya Thompson · Date of birth 2015-03-14 · ID 123456',
      'This is a translation.',
    ]);
    expect(header).not.toContain('PowerPlusWaterMarkObject');
  });

  it('splits the page counter on its placeholders in any order', async () => {
    const footer = part(await renderParts('x\n', testMeta({ pageCounter: '共 {pages} 页，第 {page} 页' })), 'word/footer1.xml');
    expect(footer.search(/>\s*NUMPAGES\s*</)).toBeLessThan(footer.search(/>\s*PAGE\s*</));
    expect(textOf(footer)).toContain('共 ');
    expect(textOf(footer)).toContain(' 页，第 ');
  });

  it('marks GFM task list items with ballot boxes', async () => {
    const document = part(await renderParts('- [x] done\n- [ ] open\n'), 'word/document.xml');
    expect(textOf(paragraphWith(document, 'done'))).toBe('\u2612\u00a0done');
    expect(textOf(paragraphWith(document, 'open'))).toBe('\u2610\u00a0open');
  });

  it('keeps a bookmark name within Word\'s 40 characters, the same for bookmark and link', async () => {
    const id = 'a-very-long-strength-identifier-from-the-data';
    const document = part(
      await renderParts(`:strength[Text]{#${id}}\n\n::buildson[Builds on]{ref="${id}"}\n`),
      'word/document.xml',
    );
    const name = /<w:bookmarkStart w:name="([^"]+)"/.exec(document)?.[1] ?? '';
    expect(name.length).toBeLessThanOrEqual(40);
    expect(name.startsWith('strength-a-very-long')).toBe(true);
    expect(document).toContain(`w:anchor="${name}"`);
  });
});

describe('renderDocx with what the templates write', () => {
  it('puts the untranslated note, in brackets and its own style, before the English text', async () => {
    const document = part(
      await renderParts('Text :untranslated[English here]{lang="en" note="Not yet translated; shown in English"} end.\n'),
      'word/document.xml',
    );
    const p = paragraphWith(document, 'English here');
    expect(textOf(p)).toBe('Text [Not yet translated; shown in English] English here end.');
    expect(p).toMatch(/<w:rStyle w:val="UntranslatedNote"\/><\/w:rPr><w:t[^>]*>\[Not yet translated; shown in English\]/);
  });

  it('writes the localized yes/no of the signatures container in the Attended column', async () => {
    const document = part(
      await renderParts(
        ':::signatures{name="Nombre" role="Función" attended="Asistió" signature="Firma" date="Fecha" yes="Sí" no="No"}\n' +
          '::signer{name="Ana" role="Madre" attended="yes"}\n::signer{name="Jo" role="Maestro" attended="no"}\n:::\n',
      ),
      'word/document.xml',
    );
    const rows = tableRows(document);
    expect(textOf(rows[0]!)).toBe('NombreFunciónAsistióFirmaFecha');
    expect(textOf(rows[1]!)).toBe('AnaMadreSí');
    expect(textOf(rows[2]!)).toBe('JoMaestroNo');
  });

  it('writes a builds-on note with an empty ref (its strength not in this document) without a link', async () => {
    const document = part(await renderParts('::buildson[Builds on: reading aloud]{ref=""}\n'), 'word/document.xml');
    const p = paragraphWith(document, 'Builds on: reading aloud');
    expect(p).toContain('<w:pStyle w:val="BuildsOn"/>');
    expect(p).not.toContain('<w:hyperlink');
  });

  it('leaves out an empty header row (a table of labels and values) instead of drawing it', async () => {
    const document = part(await renderParts('| | |\n| --- | --- |\n| Student | Maya |\n| Grade | 3 |\n'), 'word/document.xml');
    const rows = tableRows(document);
    expect(rows.map(textOf)).toEqual(['StudentMaya', 'Grade3']);
    expect(document).not.toContain('<w:tblHeader/>');
  });

  it('sizes columns by their text: a column of paragraphs gets more room than a column of dates', async () => {
    const long = 'Maya understands spoken language well and uses a wide range of words. '.repeat(4);
    const document = part(
      await renderParts(`| Evaluation | Date | Results |\n| --- | --- | --- |\n| Speech-language evaluation | March 18, 2025 | ${long} |\n`),
      'word/document.xml',
    );
    const grid = [...(document.match(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/)?.[0] ?? '').matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
    expect(grid[2]).toBeGreaterThan(grid[0]!);
    expect(grid[0]).toBeGreaterThan(grid[1]!);
    // The date column still fits "September" (its longest word) on a line.
    expect(grid[1]).toBeGreaterThan('September'.length * 105);
  });

  it('sets the student summary denser and in two columns under a full-width title', async () => {
    const parts = await renderParts(
      '# My IEP at a glance\n\nThis is my plan.\n\n## About me\n\nI like octopuses.\n\n## My goals\n\n1. Read\n',
      testMeta({ layout: 'student' }),
    );
    const document = part(parts, 'word/document.xml');
    const sections = document.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections).toHaveLength(2);
    // The first section (title and first paragraph) ends in the paragraph "This is my plan."; one column.
    expect(paragraphWith(document, 'This is my plan.')).toContain('<w:sectPr>');
    expect(sections[0]).not.toMatch(/<w:cols [^>]*w:num="2"/);
    expect(sections[1]).toMatch(/<w:type w:val="continuous"\/>/);
    expect(sections[1]).toMatch(/<w:cols [^>]*w:num="2"/);
    const styles = part(parts, 'word/styles.xml');
    expect(styles.match(/<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/)?.[0]).toContain('<w:sz w:val="19"/>');
  });
});

describe('renderDocx errors', () => {
  it('names the node type and place of a node it has no handler for', async () => {
    const body = { type: 'root' as const, children: [{ type: 'mystery', position: { start: { line: 7, column: 3, offset: 0 }, end: { line: 7, column: 9, offset: 6 } } }] };
    const error = await renderDocx({ meta: testMeta(), body: body as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocxRenderError);
    expect((error as DocxRenderError).message).toBe('cannot render mystery at 7:3 in DOCX: no DOCX handler for block node type "mystery"');
    expect((error as DocxRenderError).nodeType).toBe('mystery');
  });

  it('rejects raw HTML and reference links rather than dropping them', async () => {
    await expect(renderDocx(tree('<div>x</div>\n'))).rejects.toThrow(/cannot render html at 1:1/);
    await expect(renderDocx(tree('<!-- a note for template authors -->\n\nText.\n'))).resolves.toBeInstanceOf(Buffer);
    await expect(renderDocx(tree('See [the form][f].\n\n[f]: https://example.org\n'))).rejects.toThrow(
      /cannot render linkReference at 1:5/,
    );
  });

  it('rejects unknown and misplaced directives', async () => {
    await expect(renderDocx(tree(':::mystery\nx\n:::\n'))).rejects.toThrow(
      'cannot render containerDirective:mystery at 1:1 in DOCX: "mystery" is not a directive',
    );
    await expect(renderDocx(tree('::signer{name="A"}\n'))).rejects.toThrow(/leafDirective:signer at 1:1.*inside its container/);
    await expect(renderDocx(tree('Text :pagebreak here.\n'))).rejects.toThrow(/"pagebreak" is a leaf directive, not a text directive/);
    await expect(renderDocx(tree(':::callout{kind="loud"}\nx\n:::\n'))).rejects.toThrow(/kind="loud"/);
    await expect(renderDocx(tree(':::signatures{name="N" role="R" attended="A" signature="S" date="D"}\nText\n:::\n'))).rejects.toThrow(
      /paragraph at 2:1.*only ::signer lines/,
    );
  });
});
