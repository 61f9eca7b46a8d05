import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { readNyFormTranscription } from '../../src/load/read-ny-form-transcription.js';
import { NY_FORM_FILE, NY_FORM_STATUSES, nyFormLocale, nyFormTexts } from '../../src/model/ny-form.js';
import { LOCALES_DIR } from '../../src/model/paths.js';

const form = readNyFormTranscription();
const texts = nyFormTexts(form);

/** Every mapping in the raw YAML that has a `text`, wherever it sits. */
function rawTexts(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) node.forEach((n) => rawTexts(n, out));
  else if (node && typeof node === 'object') {
    if ('text' in node) out.push(node as Record<string, unknown>);
    Object.values(node).forEach((n) => rawTexts(n, out));
  }
  return out;
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The transcription with one change, written to a temporary file and read back. */
function readChanged(change: (raw: any) => void): () => unknown {
  const raw = parse(readFileSync(NY_FORM_FILE, 'utf8'));
  change(raw);
  const dir = mkdtempSync(join(tmpdir(), 'ny-form-'));
  tempDirs.push(dir);
  const file = join(dir, 'form.yaml');
  writeFileSync(file, JSON.stringify(raw));
  return () => readNyFormTranscription(file);
}

describe('the NY form transcription', () => {
  it('says which form and version it follows: the sentence-case revision re-issued by NYSED on 2 November 2023', () => {
    expect(form.form.reissued).toBe('2023-11-02');
    expect(form.form.version).toMatch(/sentence case/);
    expect(form.form.regulation).toBe('8 NYCRR 200.4(d)(2)');
  });

  it('gives every text a source and a status', () => {
    const raw = rawTexts(parse(readFileSync(NY_FORM_FILE, 'utf8')));
    expect(raw.length).toBe(texts.length);
    expect(raw.filter((t) => typeof t.source !== 'string' || typeof t.status !== 'string')).toEqual([]);
  });

  it('uses only the closed list of statuses, and every source code is in the sources map', () => {
    expect(texts.filter((t) => !(NY_FORM_STATUSES as readonly string[]).includes(t.status))).toEqual([]);
    const codes = new Set(texts.flatMap((t) => t.source.split(', ')));
    expect([...codes].filter((c) => !(c in form.sources))).toEqual([]);
  });

  it("has the form's sections in the form's order (ny-iep-form.md §0.2), each id once", () => {
    const ids = form.sections.map((s) => s.id);
    expect(ids).toEqual([
      'identifying',
      'present-levels',
      'postsecondary-goals',
      'annual-goals',
      'alternate-goals',
      'progress-reporting',
      'programs-and-services',
      'twelve-month',
      'testing-accommodations',
      'transition-activities',
      'assessments',
      'nondisabled-participation',
      'transportation',
      'placement',
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(form.sections.find((s) => s.id === 'present-levels')!.subsections!.map((s) => s.id)).toEqual([
      'evaluation-results',
      'academic',
      'social',
      'physical',
      'management',
      'effect',
      'special-factors',
    ]);
  });

  it('marks the two transition sections deletable and the Alternate Section as the alternative to annual goals', () => {
    expect(form.sections.filter((s) => s.deletable).map((s) => [s.id, s.deletable])).toEqual([
      ['postsecondary-goals', 'when-not-needed-for-transition'],
      ['transition-activities', 'when-not-needed-for-transition'],
    ]);
    expect(form.sections.filter((s) => s.alternativeTo).map((s) => [s.id, s.alternativeTo])).toEqual([['alternate-goals', 'annual-goals']]);
  });

  it('has no section the State form lacks (no parent concerns, no transfer of rights)', () => {
    const headings = texts.filter((t) => !t.key.startsWith('student-information-summary.')).map((t) => t.text.toLowerCase());
    expect(headings.filter((h) => h.includes('parent concerns') || h.includes('transfer of rights') || h.includes('age of majority'))).toEqual([]);
  });

  it('keeps iepkit additions in the optional Student Information Summary, in iepkit wording', () => {
    const summary = texts.filter((t) => t.key.startsWith('student-information-summary.') && t.key !== 'student-information-summary.heading');
    expect(summary.map((t) => t.status).every((s) => s === 'iepkit')).toBe(true);
    expect(summary.map((t) => t.text)).toEqual(expect.arrayContaining(['Parent concerns', 'Preferred name', 'Goal', 'Builds on']));
  });

  it('words the 12-month options as NYSED\'s filled example does', () => {
    const locale = nyFormLocale(form) as Record<string, Record<string, string>>;
    expect(locale['twelve-month']!['same-as-above']).toBe('Student will receive the same special education program/services as recommended above.');
    expect([locale['twelve-month']!.no, locale['twelve-month']!.yes]).toEqual(['No', 'Yes']);
  });

  it('has keys i18next can address: no dot or colon inside a key segment', () => {
    expect(texts.filter((t) => t.key.split('.').some((segment) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(segment)))).toEqual([]);
  });

  it('is what locales/en/ny-form.json says, key for key', () => {
    const onDisk = JSON.parse(readFileSync(join(LOCALES_DIR, 'en', 'ny-form.json'), 'utf8')) as Record<string, unknown>;
    expect(onDisk).toEqual(nyFormLocale(form));
    const at = (key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], onDisk);
    expect(texts.filter((t) => at(t.key) !== t.text)).toEqual([]);
  });

  describe('a malformed transcription fails, saying where', () => {
    it('a status outside the list', () => {
      expect(readChanged((raw) => (raw.sections[1].heading.status = 'maybe'))).toThrow(/sections\[1\]\.heading\.status must be equal to one of the allowed values/);
    });

    it('a text without its source', () => {
      expect(readChanged((raw) => delete raw.sections[0].labels[0].source)).toThrow(/sections\[0\]\.labels\[0\] must have required property 'source'/);
    });

    it('a section id used twice', () => {
      expect(readChanged((raw) => (raw.sections[2].id = 'identifying'))).toThrow(/the id "identifying" is used twice/);
    });

    it('a key with a dot, which i18next would split', () => {
      expect(readChanged((raw) => (raw.sections[0].labels[0].key = 'student.name'))).toThrow(/sections\[0\]\.labels\[0\]\.key must match pattern/);
    });

    it('a choice that is not an option of its section', () => {
      expect(readChanged((raw) => (raw.sections.find((s: any) => s.id === 'twelve-month').labels[0].choices = ['no', 'maybe']))).toThrow(
        /labels\[0\]\.choices: "maybe" is not a key of the options/,
      );
    });

    it('a source code missing from the sources map', () => {
      expect(readChanged((raw) => (raw.sections[0].labels[0].source = 'IBEE, NOWHERE'))).toThrow(/identifying\.student-name: source "NOWHERE" is not in sources/);
    });
  });
});
