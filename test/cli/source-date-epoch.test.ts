/**
 * SOURCE_DATE_EPOCH is read by the CLI, not the library: `iep render` and `iep batch` pass it down as the
 * `timestamp` option, so the DOCX core properties carry it; without it they carry the IEP's own dates.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { timestampFromEnvironment } from '../../src/cli/source-date-epoch.js';
import type { CliIo } from '../../src/cli/io.js';
import { docxParts, MINIMAL, part, rawIep, removeTemporary, tempDir } from '../e2e/helpers.js';

const EPOCH = '1780315200'; // 2026-06-01T12:00:00Z, no date of the fixture
const PINNED = '<dcterms:created xsi:type="dcterms:W3CDTF">2026-06-01T12:00:00Z</dcterms:created>';

describe('timestampFromEnvironment', () => {
  it('reads whole seconds since 1970', () => {
    expect(timestampFromEnvironment({ SOURCE_DATE_EPOCH: EPOCH })).toEqual(new Date('2026-06-01T12:00:00Z'));
    expect(timestampFromEnvironment({ SOURCE_DATE_EPOCH: '0' })).toEqual(new Date(0));
  });

  it('gives nothing when the variable is unset, empty or not a number of seconds', () => {
    for (const value of [undefined, '', 'yesterday', '-5', '1.5']) expect(timestampFromEnvironment({ SOURCE_DATE_EPOCH: value }), String(value)).toBeUndefined();
  });
});

describe('the CLI passes SOURCE_DATE_EPOCH down', () => {
  const saved = process.env.SOURCE_DATE_EPOCH;
  afterEach(() => {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  });
  afterAll(() => removeTemporary());

  const io: CliIo = { out: () => {}, err: () => {}, color: false, isTty: false };
  const id = rawIep(MINIMAL).student.id as string;
  const core = async (file: string) => part(await docxParts(readFileSync(file)), 'docProps/core.xml');

  it('iep render stamps the DOCX with it', async () => {
    process.env.SOURCE_DATE_EPOCH = EPOCH;
    const out = tempDir('epoch-render');
    expect(await main(['render', MINIMAL, '--layout', 'family', '--format', 'docx', '--out', out, '--no-lint'], io)).toBe(0);
    expect(await core(path.join(out, `${id}-family-en-v1.docx`))).toContain(PINNED);
  });

  it('iep batch stamps every DOCX with it', async () => {
    process.env.SOURCE_DATE_EPOCH = EPOCH;
    const out = tempDir('epoch-batch');
    expect(await main(['batch', MINIMAL, '--layouts', 'family,student', '--langs', 'en', '--formats', 'docx', '--out', out], io)).toBe(0);
    expect(await core(path.join(out, `${id}-family-en-v1.docx`))).toContain(PINNED);
    expect(await core(path.join(out, `${id}-student-en-v1.docx`))).toContain(PINNED);
  });

  it('iep render without it stamps the IEP date', async () => {
    delete process.env.SOURCE_DATE_EPOCH;
    const out = tempDir('epoch-none');
    expect(await main(['render', MINIMAL, '--layout', 'family', '--format', 'docx', '--out', out, '--no-lint'], io)).toBe(0);
    expect(await core(path.join(out, `${id}-family-en-v1.docx`))).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${rawIep(MINIMAL).meeting.date}T12:00:00Z</dcterms:created>`);
  });
});
