/**
 * Golden outputs per layout, from real IEP data (test/fixtures/minimal.iep.yaml): the composed Markdown, the HTML
 * and the DOCX parts word/document.xml, word/styles.xml, word/numbering.xml and docProps/core.xml, kept under
 * test/fixtures/golden/<layout>/. XML parts are compared structurally (parsed; element order, attributes and text
 * count, formatting whitespace does not); Markdown and HTML as strings. (test/render/docx/golden.test.ts keeps the
 * renderer's goldens for a hand-written tree with every feature; these are the whole pipeline per layout.)
 *
 * The timestamp is pinned with SOURCE_DATE_EPOCH, read the way the CLI reads it and passed as the `timestamp` option.
 *
 * After an intended change, regenerate with
 *
 *   UPDATE_GOLDEN=1 npx vitest run test/e2e/golden.test.ts
 *
 * and read the diff before committing it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { timestampFromEnvironment } from '../../src/cli/source-date-epoch.js';
import { composeDocument } from '../../src/compose/compose-document.js';
import { renderIep } from '../../src/pipeline/render-iep.js';
import { parseXml, prettyXml } from '../render/docx/helpers.js';
import { docxParts, LAYOUT_CASES, MINIMAL, part, rawIep, ROOT, validated } from './helpers.js';

const GOLDEN = path.join(ROOT, 'test', 'fixtures', 'golden');
const update = process.env.UPDATE_GOLDEN === '1';
/** 2026-06-01T12:00:00Z: differs from every date in the fixture, so the test sees which one is used. */
const EPOCH = '1780315200';
const PARTS = ['word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'docProps/core.xml'] as const;

const goldenFile = (layout: string, name: string) => path.join(GOLDEN, layout, name);
const partFile = (name: string) => name.replace('/', '-');

const outputs = new Map<string, { markdown: string; html: string; parts: Map<string, string> }>();

beforeAll(async () => {
  const timestamp = timestampFromEnvironment({ SOURCE_DATE_EPOCH: EPOCH });
  const iep = validated(rawIep(MINIMAL));
  for (const c of LAYOUT_CASES) {
    const composed = composeDocument(iep, { layout: c.layout, profile: c.profile, timestamp });
    const result = await renderIep(iep, { layout: c.layout, profile: c.profile, formats: ['docx', 'html'], timestamp });
    const errors = [...composed.diagnostics, ...result.diagnostics].filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new Error(`${c.name}: ${errors.map((d) => d.message).join('; ')}`);
    const html = result.outputs.find((o) => o.format === 'html')!.data.toString('utf8');
    const docx = result.outputs.find((o) => o.format === 'docx')!.data;
    outputs.set(c.name, { markdown: composed.markdown!, html, parts: await docxParts(docx) });
  }
});

function compareText(file: string, actual: string): void {
  if (update) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  expect(existsSync(file), `missing ${path.relative(ROOT, file)}: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe.each(LAYOUT_CASES)('golden $name from the minimal IEP', ({ name }) => {
  it('composes the golden Markdown', () => {
    compareText(goldenFile(name, 'composed.md'), outputs.get(name)!.markdown);
  });

  it('renders the golden HTML', () => {
    compareText(goldenFile(name, 'document.html'), outputs.get(name)!.html);
  });

  it.each(PARTS)('writes the golden DOCX part %s', (partName) => {
    const file = goldenFile(name, partFile(partName));
    const actual = part(outputs.get(name)!.parts, partName);
    if (update) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, prettyXml(actual));
    }
    expect(existsSync(file), `missing ${path.relative(ROOT, file)}: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(parseXml(actual)).toEqual(parseXml(readFileSync(file, 'utf8')));
  });

  it('stamps the DOCX with SOURCE_DATE_EPOCH', () => {
    expect(part(outputs.get(name)!.parts, 'docProps/core.xml')).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-06-01T12:00:00Z</dcterms:created>');
  });
});

describe('the DOCX timestamp without SOURCE_DATE_EPOCH', () => {
  it("comes from the IEP: the finalized date, else the meeting date, at noon UTC; the same twice", async () => {
    const saved = process.env.SOURCE_DATE_EPOCH;
    delete process.env.SOURCE_DATE_EPOCH;
    try {
      const draft = rawIep(MINIMAL);
      const final = rawIep(MINIMAL);
      final.document = { ...final.document, status: 'final', finalizedDate: '2026-05-20' };
      const created = async (data: Record<string, unknown>) => {
        const result = await renderIep(validated(data), { layout: 'family', formats: ['docx'] });
        return { core: part(await docxParts(result.outputs[0]!.data), 'docProps/core.xml'), bytes: result.outputs[0]!.data };
      };
      const a = await created(draft);
      const b = await created(draft);
      expect(a.core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${draft.meeting.date}T12:00:00Z</dcterms:created>`);
      expect(Buffer.compare(a.bytes, b.bytes), 'same input, same bytes').toBe(0);
      expect((await created(final)).core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-05-20T12:00:00Z</dcterms:created>');
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });
});
