/**
 * The translation office's round trip through the real CLI: `iep i18n export` an English-only example into Bengali,
 * read and fill it with Debian's Translate Toolkit (an XLIFF library iepkit did not write), `iep i18n import`, then
 * render the Bengali family copy: no field may fall back to English. A tampered unit id and a changed English
 * source are each refused with exit 1 and the IEP file byte for byte as it was.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { textFields } from '../../src/model/text-fields.js';
import { segmentSentences } from '../../src/translate/segment-sentences.js';
import { fillWithToolkit, readWithToolkit } from '../helpers/translate-toolkit.js';
import { runIep } from '../helpers/run-iep.js';

// Maya's example has no Bengali at all (Rayhan's has): the whole IEP goes out for translation.
const EXAMPLE = 'examples/maya-thompson.iep.yaml';
const ID = (path: string, n: number) => `maya-thompson.iep.yaml#${path}/${n}`;

/** A few of Maya's sentences translated with care, in plain words for a family (the rest are filled by number). */
const BENGALI: Record<string, string> = {
  [ID('team[0].title', 1)]: 'অভিভাবক',
  [ID('team[4].title', 1)]: 'স্কুলের মনোবিজ্ঞানী',
  [ID('parentConcerns', 1)]: 'মায়া কত পরিশ্রম করে, তা নিয়ে আমরা গর্বিত।',
  [ID('parentConcerns', 2)]: 'আমরা চাই সে নিজে নিজে অধ্যায়ে ভাগ করা গল্পের বই পড়ুক।',
  [ID('parentConcerns', 3)]: 'আমরা চাই সে বিশ্বাস করুক যে সে বুদ্ধিমান, কারণ সে সত্যিই বুদ্ধিমান।',
  [ID('parentConcerns', 4)]: 'পড়ার বাড়ির কাজে অনেক সময় লাগে, আর কোনো কোনো রাতে তা কান্নায় শেষ হয়।',
  [ID('parentConcerns', 5)]: 'আমরা বাড়িতে কাজে লাগানোর মতো কিছু পরামর্শ চাই।',
  [ID('parentConcerns', 6)]: 'আমরা আরও চাই সে যা ভালোবাসে, যেমন আর্ট ক্লাব আর নাচ, তা চালিয়ে যাক।',
  [ID('studentVoice', 1)]: 'আমি অঙ্ক আর ছবি আঁকায় সত্যিই ভালো।',
  [ID('studentVoice', 2)]: 'আমি অক্টোপাস সম্পর্কে অনেক কিছু জানি।',
  [ID('studentVoice', 3)]: 'লম্বা শব্দ পড়তে আমার একটু সময় লাগে, কিন্তু আঙুলে টোকা দিয়ে ধ্বনিগুলো বললে সুবিধা হয়।',
  [ID('studentVoice', 4)]: 'বই পড়ার সময় সঙ্গে সঙ্গে বইটা শুনতে আমার ভালো লাগে।',
  [ID('studentVoice', 5)]: 'পুরো ক্লাসের সামনে জোরে পড়তে আমার ভালো লাগে না।',
  [ID('studentVoice', 6)]: 'আমি নিজে নিজে Wings of Fire বইটা পড়তে চাই।',
  [ID('goals[0].goal', 1)]: 'মায়া এমন শব্দ পড়বে যেখানে দুটি স্বরবর্ণ মিলে একটি ধ্বনি হয়, যেমন boat শব্দের "oa"।',
  [ID('goals[0].goal', 2)]: 'সে "ar", "or" আর "er" আছে এমন শব্দও পড়বে, যেমন car আর her।',
  [ID('goals[0].goal', 3)]: 'শব্দের তালিকায় আর ছোট গল্পে সে ১০টির মধ্যে ৯টি শব্দ ঠিকভাবে পড়বে।',
};

let dir: string;
let iepFile: string;
let exported: string;
let filled: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iep-xliff-'));
  iepFile = join(dir, 'maya-thompson.iep.yaml');
  copyFileSync(EXAMPLE, iepFile);
  exported = join(dir, 'maya.bn.xlf');
  filled = join(dir, 'maya.bn.translated.xlf');
  const run = await runIep(['i18n', 'export', iepFile, '--lang', 'bn', '--out', exported]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  fillWithToolkit(exported, filled, BENGALI, 'অনূদিত বাক্য {n}।');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('iep i18n export, read by the Translate Toolkit', () => {
  it('gives every English sentence of every narrative field as one unit, ids naming file and JSON path', () => {
    const read = readWithToolkit(exported);
    expect(read.source).toBe('en');
    expect(read.target).toBe('bn');
    const fields = textFields(parse(readFileSync(EXAMPLE, 'utf8')));
    const expected = fields.flatMap((f) => segmentSentences(f.text).map((s, i) => ({ id: ID(pathOf(f.fieldPath), i + 1), source: s })));
    expect(read.units.map((u) => ({ id: u.id, source: u.source }))).toEqual(expected);
    expect(read.units.every((u) => u.target === null)).toBe(true);
  });

  it("notes give the field's label, its section and the student's first name, and nothing else of the record", () => {
    const read = readWithToolkit(exported);
    const goal = read.units.find((u) => u.id === ID('goals[0].goal', 1))!;
    expect(goal.notes.split('\n')).toEqual(['Field: Goal 1 › Goal', 'Section: Goals', 'Student: Maya']);
    const all = read.units.map((u) => u.notes).join('\n');
    for (const secret of ['Thompson', '209345671', '2016-11-04', '718-555', 'example.org', 'Danielle']) expect(all).not.toContain(secret);
  });
});

describe('the render warning for untranslated fields', () => {
  it('says how to export them for a translator', async () => {
    const run = await runIep(['render', EXAMPLE, '--layout', 'student', '--lang', 'bn', '--format', 'html', '--out', join(dir, 'before')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('untranslated-fields');
    expect(run.stderr).toContain('`iep i18n export <file> --lang bn --out <name>.xlf` writes them as XLIFF');
  });
});

describe('iep i18n import of the filled XLIFF', () => {
  it('merges every target, keeps the comments, and the Bengali family copy prints no English fallback', async () => {
    const before = readFileSync(iepFile, 'utf8');
    const run = await runIep(['i18n', 'import', filled, iepFile]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const after = readFileSync(iepFile, 'utf8');
    const fields = textFields(parse(before));
    expect(run.stdout).toContain(`${fields.length} fields translated into bn written`);
    // Every comment line of the file is still there, in order.
    const comments = (text: string) => text.split('\n').filter((l) => /^\s*#/.test(l));
    expect(comments(after)).toEqual(comments(before));
    const record = parse(after);
    expect(record.parentConcerns.bn).toBe([1, 2, 3, 4, 5, 6].map((n) => BENGALI[ID('parentConcerns', n)]).join(' '));
    expect(record.parentConcerns.en).toBe(parse(before).parentConcerns);
    expect(textFields(record).every((f) => f.translations.includes('bn'))).toBe(true);

    const report = await runIep(['i18n', iepFile, '--lang', 'bn', '--json']);
    expect(JSON.parse(report.stdout).reports[0].fields.missing).toEqual([]);

    const out = join(dir, 'out');
    const render = await runIep(['render', iepFile, '--layout', 'family', '--lang', 'bn', '--format', 'html', '--out', out]);
    expect(render.code).toBe(0);
    expect(render.stderr).not.toContain('untranslated-fields');
    const html = readFileSync(join(out, '209345671-family-bn-v1.html'), 'utf8');
    expect(html).not.toContain('class="untranslated');
    expect(html).not.toContain('এখনো অনুবাদ হয়নি'); // the Bengali "not yet translated" marker
    expect(html).toContain(BENGALI[ID('studentVoice', 2)]);
    expect(html).toContain(BENGALI[ID('parentConcerns', 1)]);
    expect(html).not.toContain('We are proud of how hard Maya works.');
  });
});

describe("the import's sentences go into the folder's translation memory", () => {
  it("and apply-memory fills another student's identical sentences from it, marked for review", async () => {
    // Runs after the import above: its sentences are in dir/iepkit-memory.tmx.
    const memory = readFileSync(join(dir, 'iepkit-memory.tmx'), 'utf8');
    expect(memory).toContain(BENGALI[ID('studentVoice', 2)]);
    const second = join(dir, 'second.iep.yaml');
    copyFileSync(EXAMPLE, second);
    const run = await runIep(['i18n', 'apply-memory', second, '--lang', 'bn']);
    expect(run.code, run.stderr).toBe(0);
    const record = parse(readFileSync(second, 'utf8'));
    expect(record.studentVoice.bn).toBe([1, 2, 3, 4, 5, 6].map((n) => BENGALI[ID('studentVoice', n)]).join(' '));
    expect(readFileSync(second, 'utf8')).toMatch(/^\s+bn: .*# iepkit: from translation memory$/m);
  });
});

describe('iep i18n import refuses, leaving the file byte for byte as it was', () => {
  it('a tampered unit id: exit 1, the unit and the XLIFF line named', async () => {
    const file = join(dir, 'tampered.iep.yaml');
    copyFileSync(EXAMPLE, file);
    const xlf = join(dir, 'tampered.xlf');
    writeFileSync(xlf, readFileSync(filled, 'utf8').replaceAll('maya-thompson.iep.yaml', 'tampered.iep.yaml').replace('tampered.iep.yaml#goals[1].goal"', 'tampered.iep.yaml#goals[99].goal"'));
    const before = readFileSync(file);
    const run = await runIep(['i18n', 'import', xlf, file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('xliff-unknown-unit');
    expect(run.stderr).toContain('unit "tampered.iep.yaml#goals[99].goal" names no narrative field');
    expect(run.stderr).toMatch(/tampered\.xlf\n\s+\d+:\d+ error/);
    expect(run.stderr).toContain('nothing written');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a changed English source: exit 1, the unit and the field named', async () => {
    const file = join(dir, 'changed.iep.yaml');
    // The IEP's English was edited after the export: the translation of the old sentence no longer fits.
    writeFileSync(file, readFileSync(EXAMPLE, 'utf8').replace('We would like ideas we can use at home.', 'We would like ideas we can use at home and on weekends.'));
    const xlf = join(dir, 'changed.xlf');
    writeFileSync(xlf, readFileSync(filled, 'utf8').replaceAll('maya-thompson.iep.yaml', 'changed.iep.yaml'));
    const before = readFileSync(file);
    const run = await runIep(['i18n', 'import', xlf, file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('xliff-source-changed');
    expect(run.stderr).toContain('unit "changed.iep.yaml#parentConcerns/5"');
    expect(run.stderr).toContain('parentConcerns');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('an XLIFF larger than 20 MB, without reading it', async () => {
    const file = join(dir, 'big.iep.yaml');
    copyFileSync(EXAMPLE, file);
    const xlf = join(dir, 'big.xlf');
    writeFileSync(xlf, '');
    truncateSync(xlf, 25 * 1024 * 1024);
    const before = readFileSync(file);
    const run = await runIep(['i18n', 'import', xlf, file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('larger than');
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('iep i18n export usage', () => {
  it('refuses English and an unknown language with exit 2', async () => {
    expect((await runIep(['i18n', 'export', EXAMPLE, '--lang', 'en', '--out', join(dir, 'x.xlf')])).code).toBe(2);
    const unknown = await runIep(['i18n', 'export', EXAMPLE, '--lang', 'xx', '--out', join(dir, 'x.xlf')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown language "xx"');
  });
});

function pathOf(path: readonly (string | number)[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}
