/**
 * Text from data is inert everywhere it prints, and never disappears (issue 13, parts 4 and 6).
 *
 * What broke: control characters (U+0001, U+000B, U+001B) in a name reached docProps/core.xml raw, so the DOCX's XML
 * did not parse; a right-to-left override (U+202E) in a first name reversed the running header, the title, the DOCX
 * header and the signature table, and the student ID printed backwards. A 500-character word showed 81 characters in
 * the PDF and ran off the page (the DOCX had it all).
 *
 * Every layout is rendered to DOCX (unzipped with fflate, every XML part parsed) and to PDF (read with poppler); the
 * DOCX of the official IEP is also opened with LibreOffice, which wraps long words in table cells only when the
 * table has fixed column widths.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Iep } from '../../src/model/iep.js';
import { BrowserPool } from '../../src/render/pdf/browser-pool.js';
import { renderIep } from '../../src/pipeline/render-iep.js';
import { describeDiagnostics, docxText, LAYOUT_CASES, MINIMAL, pdfAllText, pdfInfo, pdfLines, pageCount, rawIep, removeTemporary, validated, type LayoutCase } from './helpers.js';

/** The characters the sanitiser removes that the issue found: controls, and every bidi embedding, override, isolate. */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Characters outside XML 1.0's Char production: a part holding one is not well-formed (Word refuses the file). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** A first name and a school carrying what broke, a team member whose name has an override (the signature table). */
function hostileIep(): Iep {
  const data = rawIep(MINIMAL);
  data.student.firstName = 'A\u0001n\u001Ba\u000B\u202EMarie';
  data.student.preferredName = 'Ana\u202E';
  data.student.school = 'P.S.\u202E 11\u0001';
  data.team[0].name = 'Maria\u202E Lopez';
  return validated(data);
}

/** A word of 500 characters that reads differently backwards, in a paragraph, a list, table cells and a header cell. */
const LONG_WORD = 'abcdefghij'.repeat(50);
function longWordIep(): Iep {
  const data = rawIep(MINIMAL);
  data.parentConcerns = `We want ${LONG_WORD} for Ana.`;
  data.student.school = LONG_WORD;
  data.goals[0].goal = `Ana will read ${LONG_WORD}.`;
  data.presentLevels.academic.strengths[0].text = `Ana retells ${LONG_WORD}.`;
  data.team[1].title = LONG_WORD;
  return validated(data);
}

interface Rendered {
  docx: Record<string, string>;
  pdf: Buffer;
}

let pool: BrowserPool;
const hostile = new Map<string, Rendered>();
const long = new Map<string, Rendered>();

async function render(iep: Iep, c: LayoutCase): Promise<Rendered> {
  const result = await renderIep(iep, { layout: c.layout, profile: c.profile, lang: 'en', formats: ['docx', 'pdf'], browserPool: pool });
  const docx = result.outputs.find((o) => o.format === 'docx')?.data;
  const pdf = result.outputs.find((o) => o.format === 'pdf')?.data;
  if (!docx || !pdf) throw new Error(`${c.name} was not rendered:\n${describeDiagnostics(result.diagnostics)}`);
  const parts = Object.fromEntries(
    Object.entries(unzipSync(new Uint8Array(docx)))
      .filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels'))
      .map(([name, bytes]) => [name, strFromU8(bytes)]),
  );
  return { docx: parts, pdf };
}

beforeAll(async () => {
  pool = new BrowserPool();
  const [h, l] = [hostileIep(), longWordIep()];
  for (const c of LAYOUT_CASES) {
    hostile.set(c.name, await render(h, c));
    long.set(c.name, await render(l, c));
  }
}, 300_000);

afterAll(async () => {
  await pool?.close();
  removeTemporary();
});

const parser = new XMLParser({ ignoreAttributes: true, textNodeName: '#text' });
/** Text of an element found anywhere in a parsed XML part. */
function elementText(xml: string, name: string): string | undefined {
  let found: string | undefined;
  const walk = (node: unknown): void => {
    if (found !== undefined || node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === name) {
        found = typeof value === 'object' && value !== null ? String((value as Record<string, unknown>)['#text'] ?? '') : String(value);
        return;
      }
      walk(value);
    }
  };
  walk(parser.parse(xml));
  return found;
}

const HEADER = 'Ana Marie Lopez · Date of birth: April 12, 2016 · ID: T0001';
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.each(LAYOUT_CASES)('a control character and a bidi override in a name: the $name copy', ({ name }) => {
  const get = () => hostile.get(name)!;

  it('writes a DOCX whose every XML part parses and holds only characters XML 1.0 allows', () => {
    for (const [part, xml] of Object.entries(get().docx)) {
      expect(XMLValidator.validate(xml), part).toBe(true);
      expect(xml, part).not.toMatch(NOT_XML_CHAR);
    }
  });

  it('puts the name in the DOCX properties without the control characters, and the school as the creator', () => {
    const core = get().docx['docProps/core.xml']!;
    expect(elementText(core, 'dc:title')).toContain('Ana Marie Lopez');
    expect(elementText(core, 'dc:creator')).toBe('P.S. 11');
    expect(core).not.toMatch(UNSAFE);
  });

  it('prints the DOCX header with the name in order and the ID forwards', () => {
    const headers = Object.entries(get().docx).filter(([part]) => /^word\/header\d*\.xml$/.test(part));
    expect(headers.length).toBeGreaterThan(0);
    for (const [part, xml] of headers) {
      expect(squash(docxText(xml)), part).toContain(HEADER);
      expect(xml, part).not.toMatch(UNSAFE);
    }
  });

  it('keeps every part of the DOCX free of controls and overrides', () => {
    for (const [part, xml] of Object.entries(get().docx)) expect(xml, part).not.toMatch(UNSAFE);
    expect(docxText(get().docx['word/document.xml']!)).not.toMatch(/1000T|eiraM/);
  });

  it('prints the PDF running header with the name in order and the ID forwards, on every page', () => {
    const { pdf } = get();
    for (let page = 1; page <= pageCount(pdf); page++) {
      const top = pdfLines(pdf, page).filter((line) => line.yMax < 60);
      expect(squash(top.map((line) => line.text).join(' ')), `page ${page}`).toContain(HEADER);
    }
  });

  it('gives the PDF the title with the name in order, and prints no control or override anywhere', () => {
    const { pdf } = get();
    expect(pdfInfo(pdf)['Title']).toContain('Ana Marie Lopez');
    expect(pdfInfo(pdf)['Title']).not.toMatch(UNSAFE);
    const text = pdfAllText(pdf).replace(/\f/g, '');
    expect(text).not.toMatch(UNSAFE);
    expect(text).not.toMatch(/1000T|eiraM/);
  });
});

it('prints the signature table of the official IEP with the member name in order', () => {
  expect(squash(docxText(hostile.get('official-ny')!.docx['word/document.xml']!))).toContain('Maria Lopez');
  expect(squash(pdfAllText(hostile.get('official-ny')!.pdf))).toContain('Maria Lopez');
});

/** The text with every line break, page break and space removed (a wrapped word is joined again), and zero width spaces. */
const joined = (text: string) => text.replace(/[\s\u200B]+/g, '');

describe.each(LAYOUT_CASES)('a 500-character word: the $name copy', ({ name }) => {
  it('is present whole in the PDF text', () => {
    expect(joined(pdfAllText(long.get(name)!.pdf))).toContain(LONG_WORD);
  });

  it('is present whole in the DOCX', () => {
    expect(joined(docxText(long.get(name)!.docx['word/document.xml']!))).toContain(LONG_WORD);
  });
});

const hasLibreOffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;

describe.skipIf(!hasLibreOffice)('a 500-character word in the DOCX opened with LibreOffice', () => {
  it('wraps inside its table cells and reads whole', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'iepkit-long-word-'));
    const profile = `file://${path.join(tmpdir(), `lo-${randomUUID()}`)}`;
    try {
      const result = await renderIep(longWordIep(), { layout: 'official', profile: 'ny', formats: ['docx'] });
      writeFileSync(path.join(dir, 'long.docx'), result.outputs[0]!.data);
      execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, 'long.docx'], { cwd: dir, stdio: 'pipe', timeout: 90_000 });
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'long.pdf'), '-'], { encoding: 'utf8' });
      expect(joined(text)).toContain(LONG_WORD);
      // Wrapped: no line of the converted PDF holds more than a line's worth of the word (measured on the word's own
      // letters: a long line of ordinary prose, such as a form prompt beside its table cell, is not the word).
      const longestRun = Math.max(...text.split('\n').flatMap((line) => (line.match(/[a-j]{20,}/g) ?? []).map((run) => run.length)));
      expect(longestRun).toBeGreaterThan(0);
      expect(longestRun).toBeLessThan(150);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(new URL(profile), { recursive: true, force: true });
    }
  }, 120_000);
});
