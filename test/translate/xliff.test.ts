/**
 * exportXliff / importXliff (src/translate): what the export puts in each unit, what the import writes and keeps,
 * and what it refuses. Hostile XLIFF (entity declarations, reserved or repeated ids, binary, markup) is refused with
 * a located diagnostic and the IEP text returned unchanged; HTML in a translation is stored as text and printed inert.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Iep } from '../../src/model/iep.js';
import { renderIep } from '../../src/pipeline/render-iep.js';
import { exportXliff } from '../../src/translate/export-xliff.js';
import { importXliff } from '../../src/translate/import-xliff.js';
import { MEMORY_MARK } from '../../src/translate/memory-pair.js';
import { loadIep } from '../../src/validate/load-iep.js';
import { readWithToolkit } from '../helpers/translate-toolkit.js';

const FILE = 'maya-thompson.iep.yaml';
const SOURCE = readFileSync('examples/maya-thompson.iep.yaml', 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'iep-xliff-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function iepOf(source: string): Iep {
  const loaded = loadIep(source, { file: FILE });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loaded.iep!;
}
const exportOf = (source: string, options: { all?: boolean } = {}) => exportXliff([{ file: FILE, iep: iepOf(source), source }], 'bn', options).xml;
/** Gives `unit` (a trans-unit id) a target in the XML text, as a translation tool would. */
function withTarget(xml: string, unit: string, target: string): string {
  const at = xml.indexOf(`<trans-unit id="${unit}"`);
  expect(at).toBeGreaterThan(0);
  const sourceEnd = xml.indexOf('</source>', at) + '</source>'.length;
  return `${xml.slice(0, sourceEnd)}<target>${target}</target>${xml.slice(sourceEnd)}`;
}
const STUDENT_VOICE = [1, 2, 3, 4, 5, 6].map((n) => `${FILE}#studentVoice/${n}`);
const VOICE_BN = ['আমি অঙ্ক আর ছবি আঁকায় সত্যিই ভালো।', 'আমি অক্টোপাস সম্পর্কে অনেক কিছু জানি।', 'লম্বা শব্দ পড়তে আমার একটু সময় লাগে, কিন্তু আঙুলে টোকা দিয়ে ধ্বনিগুলো বললে সুবিধা হয়।', 'বই পড়ার সময় সঙ্গে সঙ্গে বইটা শুনতে আমার ভালো লাগে।', 'পুরো ক্লাসের সামনে জোরে পড়তে আমার ভালো লাগে না।', 'আমি নিজে নিজে Wings of Fire বইটা পড়তে চাই।'];
const voiceTranslated = (xml: string) => STUDENT_VOICE.reduce((x, id, i) => withTarget(x, id, VOICE_BN[i]!), xml);

describe('importXliff', () => {
  it('writes a field whose every sentence is translated, touching no other line', () => {
    const result = importXliff(voiceTranslated(exportOf(SOURCE)), FILE, SOURCE);
    expect(result.diagnostics).toEqual([]);
    expect(result.changed).toEqual(['studentVoice']);
    expect(parse(result.source).studentVoice).toEqual({ en: parse(SOURCE).studentVoice, bn: VOICE_BN.join(' ') });
    // Lines outside the field are the original's, byte for byte.
    const [head] = SOURCE.split('studentVoice:');
    expect(result.source.startsWith(head!)).toBe(true);
    expect(result.pairs).toEqual(VOICE_BN.map((text, i) => ({ en: readWithToolkitSentence(i), lang: 'bn', text })));
  });

  it('writes into a JSON IEP too, which stays JSON', () => {
    const json = `${JSON.stringify(parse(SOURCE), null, 2)}\n`;
    const result = importXliff(voiceTranslated(exportOf(SOURCE)), FILE, json);
    expect(result.diagnostics).toEqual([]);
    expect(JSON.parse(result.source).studentVoice).toEqual({ en: parse(SOURCE).studentVoice, bn: VOICE_BN.join(' ') });
    expect(result.source.split('\n').slice(0, 5)).toEqual(json.split('\n').slice(0, 5));
  });

  it('leaves a field translated in part as it was, with a warning naming it', () => {
    const xml = withTarget(withTarget(exportOf(SOURCE), STUDENT_VOICE[0]!, VOICE_BN[0]!), `${FILE}#parentConcerns/1`, 'মায়া কত পরিশ্রম করে, তা নিয়ে আমরা গর্বিত।');
    const result = importXliff(xml, FILE, SOURCE);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.path])).toEqual([
      ['xliff-unit-incomplete', 'warning', 'parentConcerns'],
      ['xliff-unit-incomplete', 'warning', 'studentVoice'],
    ]);
    expect(result.diagnostics[0]!.message).toBe('field parentConcerns: 1 of 6 sentences translated; the field is left as it was');
    expect(result.source).toBe(SOURCE);
  });

  it('keeps paragraphs: a field of two paragraphs gets a translation of two', () => {
    const source = SOURCE.replace(/^studentVoice: >-\n(  .*\n)+/m, 'studentVoice: |-\n  I like math. I like art.\n\n  I want to read by myself.\n');
    let xml = exportOf(source);
    ['আমি অঙ্ক ভালোবাসি।', 'আমি আঁকতে ভালোবাসি।', 'আমি নিজে নিজে পড়তে চাই।'].forEach((t, i) => (xml = withTarget(xml, STUDENT_VOICE[i]!, t)));
    const result = importXliff(xml, FILE, source);
    expect(result.diagnostics).toEqual([]);
    expect(parse(result.source).studentVoice.bn).toBe('আমি অঙ্ক ভালোবাসি। আমি আঁকতে ভালোবাসি।\n\nআমি নিজে নিজে পড়তে চাই।');
  });

  it('stores HTML and script in a target as inert text, printed as text in the copy', async () => {
    const xml = STUDENT_VOICE.reduce((x, id, i) => withTarget(x, id, i === 0 ? '&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;আমি&lt;/b&gt; {{name}}' : VOICE_BN[i]!), exportOf(SOURCE));
    const result = importXliff(xml, FILE, SOURCE);
    expect(result.diagnostics).toEqual([]);
    const iep = iepOf(result.source);
    expect((iep.studentVoice as Record<string, string>).bn).toContain('<script>alert(1)</script> <b>আমি</b> {{name}}');
    const rendered = await renderIep(iep, { layout: 'family', lang: 'bn', formats: ['html'] });
    const html = rendered.outputs[0]!.data.toString('utf8');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<b>আমি');
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script> &#x3C;b>আমি&#x3C;/b> {{name}}');
  });

  it('removes the translation memory mark from a field it writes, and keeps every other comment', () => {
    const marked = SOURCE.replace(/^studentVoice: >-\n(  .*\n)+/m, `studentVoice:\n  # a note from the case manager\n  en: I like math.\n  bn: আমি অঙ্ক পছন্দ করি। # ${MEMORY_MARK}\n`);
    const xml = withTarget(exportOf(marked, { all: true }).replace(/(<trans-unit id="maya-thompson.iep.yaml#studentVoice\/1"[^>]*>\s*<source[^>]*>[^<]*<\/source>\s*)<target[^>]*>[^<]*<\/target>/, '$1'), STUDENT_VOICE[0]!, 'আমি অঙ্ক ভালোবাসি।');
    const result = importXliff(xml, FILE, marked);
    expect(result.diagnostics).toEqual([]);
    expect(result.changed).toEqual(['studentVoice']);
    expect(result.source).not.toContain(MEMORY_MARK);
    expect(result.source).toContain('  # a note from the case manager\n  en: I like math.\n  bn: আমি অঙ্ক ভালোবাসি।\n');
  });
});

describe('importXliff refuses, returning the text unchanged', () => {
  const refused = (xml: string, code: string) => {
    const result = importXliff(xml, FILE, SOURCE, { xliffFile: 'in.xlf' });
    expect(result.source).toBe(SOURCE);
    expect(result.changed).toEqual([]);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toContain(code);
    return errors.find((d) => d.code === code)!;
  };

  it('entity declarations ("billion laughs") and any DOCTYPE, located', () => {
    const laughs = '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n<xliff version="1.2"><file original="maya-thompson.iep.yaml" source-language="en" target-language="bn"><body><group id="x"><trans-unit id="x/1"><source>&lol2;</source></trans-unit></group></body></file></xliff>';
    const d = refused(laughs, 'xliff-unreadable');
    expect(d.message).toContain('DOCTYPE');
    expect([d.file, d.line, d.column]).toEqual(['in.xlf', 2, 1]);
  });

  it('an id such as __proto__, and two units with one id', () => {
    const xml = voiceTranslated(exportOf(SOURCE));
    expect(refused(xml.replace(`id="${FILE}#studentVoice"`, 'id="__proto__"'), 'xliff-unreadable').message).toContain('__proto__');
    refused(xml.replace(`id="${STUDENT_VOICE[1]}"`, `id="${STUDENT_VOICE[0]}"`), 'xliff-unreadable');
    refused(xml.replace(`id="${STUDENT_VOICE[2]}"`, `id="${FILE}#studentVoice/constructor"`), 'xliff-unknown-unit');
  });

  it('binary data, text that is not XML, malformed XML (located) and XLIFF 2.0', () => {
    refused('<xliff version="1.2">\u0000\u0001PK', 'xliff-unreadable');
    expect(refused('just some text', 'xliff-unreadable').message).toContain('not XLIFF');
    const broken = refused('<?xml version="1.0"?>\n<xliff version="1.2">\n<file original="a">\n</xliff>', 'xliff-unreadable');
    expect(broken.message).toContain('not well-formed');
    expect(broken.line).toBe(4);
    expect(refused('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="bn"><file id="f"></file></xliff>', 'xliff-unreadable').message).toContain('XLIFF 2.0');
  });

  it('inline tags in a target, and a target language iepkit does not have', () => {
    const xml = withTarget(exportOf(SOURCE), STUDENT_VOICE[0]!, 'আমি <g id="1">অঙ্ক</g> ভালোবাসি।');
    expect(refused(xml, 'xliff-target-markup').path).toBe('studentVoice');
    refused(voiceTranslated(exportOf(SOURCE)).replace('target-language="bn"', 'target-language="xx"'), 'xliff-unreadable');
  });

  it('an XLIFF exported for another student', () => {
    refused(voiceTranslated(exportOf(SOURCE)).replaceAll(FILE, 'someone-else.iep.yaml'), 'xliff-no-units');
  });
});

describe('exportXliff', () => {
  it('with --all gives existing translations as approved targets, and memory-filled ones for review', () => {
    const english = parse(SOURCE).parentConcerns;
    const source = SOURCE.replace(/^parentConcerns: >-\n(  .*\n)+/m, `parentConcerns:\n  en: ${english}\n  bn: আমরা মায়াকে নিয়ে গর্বিত। # iepkit: from translation memory\n`).replace(
      /^studentVoice: >-\n(  .*\n)+/m,
      'studentVoice:\n  en: I like math. I like art.\n  bn: আমি অঙ্ক ভালোবাসি। আমি আঁকতে ভালোবাসি।\n',
    );
    const file = join(dir, 'all.xlf');
    writeFileSync(file, exportOf(source, { all: true }));
    const units = readWithToolkit(file).units;
    const voice = units.filter((u) => u.id.startsWith(`${FILE}#studentVoice/`));
    expect(voice.map((u) => [u.source, u.target, u.approved])).toEqual([
      ['I like math.', 'আমি অঙ্ক ভালোবাসি।', true],
      ['I like art.', 'আমি আঁকতে ভালোবাসি।', true],
    ]);
    // The memory's translation cannot be cut sentence by sentence: it goes whole, for the whole field, for review.
    const concerns = units.filter((u) => u.id.startsWith(`${FILE}#parentConcerns/`));
    expect(concerns).toHaveLength(1);
    expect(concerns[0]!.source).toBe(parse(SOURCE).parentConcerns);
    expect(concerns[0]!.target).toBe('আমরা মায়াকে নিয়ে গর্বিত।');
    expect(concerns[0]!.fuzzy).toBe(true);
    expect(concerns[0]!.notes).toContain('translation memory: please review');
    expect(readFileSync(file, 'utf8')).toMatch(/<trans-unit id="maya-thompson\.iep\.yaml#parentConcerns\/1" approved="no">\s*<source[^>]*>[^<]*<\/source>\s*<target state="needs-review-translation" xml:lang="bn">/);
    expect(readFileSync(file, 'utf8').match(/needs-review-translation/g)).toHaveLength(1);
    // Without --all, fields already in Bengali are not exported.
    expect(exportOf(source)).not.toContain(`${FILE}#studentVoice/`);
  });
});

function readWithToolkitSentence(i: number): string {
  return ["I'm really good at math and drawing.", 'I know a LOT about octopuses.', 'Long words take me a while, but tapping the sounds helps.', 'I like listening to a book while I read along.', "I don't like reading out loud in front of the whole class.", 'I want to read Wings of Fire by myself.'][i]!;
}
