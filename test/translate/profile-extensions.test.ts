/**
 * The translation library reads a record with its profile: Massachusetts' own text fields (extensions.ma, `"x-iep":
 * "text"`) are filled from the translation memory and checked against the glossary as the model's fields are; with
 * the default profile they are not read at all (no profile, no way to know which strings there are narrative).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { textFields } from '../../src/model/text-fields.js';
import { resolveProfile } from '../../src/load/load-profile.js';
import { applyMemory } from '../../src/translate/apply-memory.js';
import { exportXliff } from '../../src/translate/export-xliff.js';
import { glossaryReport } from '../../src/translate/glossary-report.js';
import { importXliff } from '../../src/translate/import-xliff.js';
import { readMemory, recordInMemory } from '../../src/translate/translation-memory.js';
import { loadIep } from '../../src/validate/load-iep.js';

const FILE = 'examples/ma/jonas-desir.iep.yaml';
const SOURCE = readFileSync(FILE, 'utf8');
const EMPLOYMENT = 'I want to design and fix robots for a company.';
const EMPLOYMENT_ES = 'Quiero diseñar y arreglar robots para una empresa.';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'iep-ext-memory-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('textFields with a profile', () => {
  it("lists Massachusetts' vision texts with their namespace and schema description, and only with the profile", () => {
    const iep = loadIep(SOURCE, { file: FILE }).iep!;
    const ma = resolveProfile({ profile: 'ma' }).profile!;
    const fields = textFields(iep, undefined, ma.extensions).filter((f) => f.fieldPath[0] === 'extensions');
    expect(fields.map((f) => f.fieldPath.join('.'))).toEqual([
      'extensions.ma.visionHighSchool',
      'extensions.ma.visionEducation',
      'extensions.ma.visionEmployment',
      'extensions.ma.visionIndependentLiving',
      'extensions.ma.teamVisionThisYear',
      'extensions.ma.teamVisionFiveYears',
    ]);
    expect(fields[2]).toMatchObject({ path: ['extensions', 'ma', 'visionEmployment', 'en'], text: EMPLOYMENT, translations: ['ht'] });
    expect(fields[2]!.extension).toEqual({ namespace: 'ma', description: expect.stringContaining('my employment plans are'), voice: 'student-words' });
    expect(fields[4]!.extension).toEqual({ namespace: 'ma', description: expect.stringContaining('this year') });
    expect(textFields(iep).some((f) => f.fieldPath[0] === 'extensions')).toBe(false);
  });
});

describe('exportXliff with a profile', () => {
  it('exports the vision texts only with the profile that declares them', () => {
    const iep = loadIep(SOURCE, { file: FILE }).iep!;
    const withMa = exportXliff([{ file: FILE, iep, source: SOURCE }], 'es', { profile: 'ma' });
    const without = exportXliff([{ file: FILE, iep, source: SOURCE }], 'es');
    expect(withMa.units - without.units).toBe(6);
    expect(withMa.xml).toContain('id="jonas-desir.iep.yaml#extensions.ma.visionEmployment/1"');
    expect(withMa.xml).toContain('resname="extensions.ma.visionEmployment"');
    expect(without.xml).not.toContain('#extensions.');
  });
});

describe('importXliff with a profile', () => {
  const unit = (xml: string, target: string) =>
    xml.replace(/(<trans-unit id="jonas-desir\.iep\.yaml#extensions\.ma\.visionEmployment\/1"[^>]*>\s*<source[^>]*>[^<]*<\/source>)/, `$1<target xml:lang="es">${target}</target>`);

  it('writes a vision translation under extensions.ma, and only the profile that declares it can', () => {
    const iep = loadIep(SOURCE, { file: FILE }).iep!;
    const xml = unit(exportXliff([{ file: FILE, iep, source: SOURCE }], 'es', { profile: 'ma' }).xml, EMPLOYMENT_ES);
    const result = importXliff(xml, FILE, SOURCE, { profile: 'ma' });
    expect(result.diagnostics).toEqual([]);
    expect(result.changed).toEqual(['extensions.ma.visionEmployment']);
    expect(parse(result.source).extensions.ma.visionEmployment.es).toBe(EMPLOYMENT_ES);
    expect(result.pairs).toEqual([{ en: EMPLOYMENT, lang: 'es', text: EMPLOYMENT_ES }]);
    const ny = importXliff(xml, FILE, SOURCE);
    expect(ny.source).toBe(SOURCE);
    expect(ny.diagnostics[0]).toMatchObject({ code: 'xliff-unknown-unit', message: expect.stringContaining('import with the --profile the XLIFF was exported with') });
  });

  it("refuses a record whose extensions break the profile's schema, unchanged", () => {
    const broken = SOURCE.replace('  ma:\n', '  ma:\n    visionSchoolLevel: high-school\n');
    expect(broken).not.toBe(SOURCE);
    const iep = loadIep(broken, { file: FILE }).iep!;
    const xml = unit(exportXliff([{ file: FILE, iep, source: broken }], 'es', { profile: 'ma' }).xml, EMPLOYMENT_ES);
    const result = importXliff(xml, FILE, broken, { profile: 'ma' });
    expect(result.source).toBe(broken);
    expect(result.changed).toEqual([]);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'extension-invalid', severity: 'error', path: 'extensions.ma.visionSchoolLevel' }));
  });
});

describe('applyMemory with a profile', () => {
  it("fills a vision text whose sentence is in memory, marked for review, and the record stays valid for the profile", async () => {
    await recordInMemory(dir, [{ en: EMPLOYMENT, lang: 'es', text: EMPLOYMENT_ES }]);
    const memory = (await readMemory(join(dir, 'iepkit-memory.tmx'))).memory!;
    const result = applyMemory(SOURCE, FILE, memory, 'es', { profile: 'ma' });
    expect(result.diagnostics).toEqual([]);
    expect(result.filled.map((f) => f.path)).toEqual(['extensions.ma.visionEmployment']);
    expect(result.filled[0]!.line).toBe(SOURCE.split('\n').findIndex((l) => l.trim() === 'visionEmployment:') + 2);
    expect(parse(result.source!).extensions.ma.visionEmployment).toEqual({ en: EMPLOYMENT, ht: 'Mwen vle desine ak ranje robo pou yon konpayi.', es: EMPLOYMENT_ES });
    expect(result.source).toContain(`      es: ${EMPLOYMENT_ES} # iepkit: from translation memory`);
    // Without the profile the same memory finds nothing to fill: the vision is not narrative text of New York's.
    expect(applyMemory(SOURCE, FILE, memory, 'es').filled).toEqual([]);
  });
});

describe('glossaryReport with a profile', () => {
  it('finds a glossary term translated otherwise in a vision text, at its line', () => {
    // The team's vision speaks of accommodations; the Spanish planted here says "ajustes" instead of the glossary's term.
    const source = SOURCE.replace(
      '    visionEmployment:\n      en: I want to design and fix robots for a company.\n',
      '    visionEmployment:\n      en: I want to design and fix robots for a company, with the accommodations I need.\n      es: Quiero diseñar y arreglar robots para una empresa, con los ajustes que necesito.\n',
    );
    expect(source).not.toBe(SOURCE);
    const loaded = loadIep(source, { file: FILE });
    const report = glossaryReport(loaded.iep!, 'es', { file: FILE, sourceMap: loaded.sourceMap, profile: 'ma' });
    const line = source.split('\n').findIndex((l) => l.startsWith('      es: Quiero diseñar')) + 1;
    expect(report.findings).toContainEqual(expect.objectContaining({ path: 'extensions.ma.visionEmployment.es', line, term: 'accommodation', english: 'accommodations' }));
    const ny = glossaryReport(loaded.iep!, 'es', { file: FILE, sourceMap: loaded.sourceMap });
    expect(ny.findings.some((f) => f.path.startsWith('extensions.'))).toBe(false);
  });
});
