/**
 * Golden DOCX parts for the all-features tree: the XML parts pretty-printed under test/fixtures/docx-golden/ and
 * compared structurally (both parsed; element order, attributes and text must match; formatting whitespace does not
 * count). After an intended change, regenerate with
 *
 *   UPDATE_GOLDEN=1 npx vitest run test/render/docx/golden.test.ts
 *
 * and read the diff before committing it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/render/docx/render-docx.js';
import { parseXml, part, prettyXml, testMeta, tree, unzipParts } from './helpers.js';

const FIXTURE = new URL('../../fixtures/tree/all-features.md', import.meta.url);
const GOLDEN = new URL('../../fixtures/docx-golden/', import.meta.url);
const PARTS = [
  'word/document.xml',
  'word/styles.xml',
  'word/numbering.xml',
  'word/header1.xml',
  'word/footer1.xml',
  'word/settings.xml',
  'docProps/core.xml',
] as const;
const update = process.env.UPDATE_GOLDEN === '1';

describe('golden DOCX of the all-features tree', async () => {
  const meta = testMeta({ watermark: 'DRAFT', notice: 'This is a translation. The English version is the legal document.' });
  const parts = await unzipParts(await renderDocx(tree(readFileSync(FIXTURE, 'utf8'), meta)));
  if (update) mkdirSync(GOLDEN, { recursive: true });

  it.each(PARTS)('%s matches the golden file', (path) => {
    const golden = new URL(path.replace('/', '-'), GOLDEN);
    const actual = part(parts, path);
    if (update) writeFileSync(golden, prettyXml(actual));
    expect(existsSync(golden), `missing ${golden.pathname}: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(parseXml(actual)).toEqual(parseXml(readFileSync(golden, 'utf8')));
  });
});
