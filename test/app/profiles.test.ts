/**
 * The editor for a Massachusetts record, in the real Chromium against a real server started as `iep serve --profile
 * ma`: the copies offered come from the server's profiles, the form shows the profile's own fields (the Student and
 * Team Vision, extensions.ma) with their help and translations side by side, one is edited by keyboard, and the YAML
 * text and the preview follow; a wrong value of a Massachusetts field is reported next to it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../e2e/helpers.js';
import { type EditorSession, openEditor, startEditorSession, waitForPreview, waitForPreviewText } from './helpers.js';

const FILE = 'jonas-desir.iep.yaml';
const WRONG = 'jonas-wrong-level.iep.yaml';
let session: EditorSession;

beforeAll(async () => {
  expect(inject('appBuildError')).toBe('');
  session = await startEditorSession({ profile: 'ma' });
  const text = readFileSync(path.join(session.folder, FILE), 'utf8');
  const wrong = text.replace('  ma:\n', '  ma:\n    visionSchoolLevel: high-school\n');
  expect(wrong).toContain('visionSchoolLevel: high-school');
  writeFileSync(path.join(session.folder, WRONG), wrong);
});
afterAll(async () => {
  await session?.close();
});

const field = (jsonPath: string) => `[data-path="${jsonPath}"]`;
const activePath = () => session.page.evaluate(`document.activeElement?.closest('[data-path]')?.getAttribute('data-path') ?? ''`) as Promise<string>;

describe('the editor with iep serve --profile ma', () => {
  it('offers the Massachusetts official IEP first, then the other profiles\' official IEPs, then the family and student copies', async () => {
    const { page } = session;
    await openEditor(session, FILE);
    const options = (await page.$$eval('#preview-copy option', (els) => els.map((el) => [el.getAttribute('value'), el.textContent]))) as [string, string][];
    expect(options).toEqual([
      ['official', 'Official IEP: Massachusetts'],
      ['official-federal', 'Official IEP: Federal (IDEA)'],
      ['official-ny', 'Official IEP: New York'],
      ['family', 'Family copy'],
      ['student', 'Student summary'],
    ]);
    // The preview is the Massachusetts form, with the student's vision in his words.
    await waitForPreviewText(page, (text) => text.includes('I want to study engineering at a community college first'));
    expect(await page.$eval('iframe.preview-frame.is-ready', (el) => el.getAttribute('title'))).toBe('Preview of the Official IEP: Massachusetts in English');
  });

  it('shows the Massachusetts fields in a group of their own, with their help and the Haitian Creole column', async () => {
    const { page } = session;
    const legend = await page.$eval(`fieldset${field('extensions.ma')} > legend`, (el) => el.textContent);
    expect(legend).toBe('Massachusetts');
    expect(await page.$eval(`${field('extensions')} > legend`, (el) => el.textContent)).toBe("The state form's own fields");
    // Every field of the profile's extension schema is there.
    const paths = (await page.$$eval(`${field('extensions.ma')} > [data-path]`, (els) => els.map((el) => el.getAttribute('data-path')))) as string[];
    expect(paths).toEqual(['visionThisYear', 'visionByTheEnd', 'visionSchoolLevel', 'visionHighSchool', 'visionEducation', 'visionEmployment', 'visionIndependentLiving', 'teamVisionThisYear', 'teamVisionFiveYears', 'englishLearnerProgram'].map((n) => `extensions.ma.${n}`));
    // The schema's description is the field's help, tied to it; the translation is side by side, in its language.
    const english = `${field('extensions.ma.visionEmployment.en')} textarea`;
    expect(await page.$eval(english, (el) => (el as unknown as { value: string }).value)).toBe('I want to design and fix robots for a company.');
    expect(await page.$eval(`${field('extensions.ma.visionEmployment.ht')} textarea[lang="ht"]`, (el) => (el as unknown as { value: string }).value)).toBe('Mwen vle desine ak ranje robo pou yon konpayi.');
    const help = await page.$eval(`fieldset${field('extensions.ma.visionEmployment')}`, (el) =>
      (el.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id: string) => el.ownerDocument.getElementById(id)?.textContent ?? '').join(' '),
    );
    expect(help).toContain('After I finish high school, my employment plans are');
    // A closed list of the profile is a choice with its values.
    const levels = await page.$$eval(`${field('extensions.ma.visionSchoolLevel')} option:not([hidden])`, (els) => els.map((el) => el.textContent));
    expect(levels).toEqual(['Not set', 'Elementary', 'Middle school']);
  });

  it('edits a vision field by keyboard: the YAML text and the preview follow', async () => {
    const { page } = session;
    // Tab from the field before it, as a person does.
    await page.focus(`${field('extensions.ma.visionEducation.ht')} textarea`);
    for (let i = 0; i < 5 && (await activePath()) !== 'extensions.ma.visionEmployment.en'; i++) await page.keyboard.press('Tab');
    expect(await activePath()).toBe('extensions.ma.visionEmployment.en');
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.type('I want to build robots that help people.');
    await waitForPreviewText(page, (text) => text.includes('I want to build robots that help people.') && !text.includes('design and fix robots'));
    // The record's YAML text changed at that key only (comments and the rest kept): saved with Ctrl+S and read back.
    await page.keyboard.down('Control');
    await page.keyboard.press('s');
    await page.keyboard.up('Control');
    await page.waitForFunction(`document.querySelector('#save-state')?.textContent === 'All changes saved'`, { timeout: 10_000 });
    const before = readFileSync(path.join(ROOT, 'examples/ma', FILE), 'utf8');
    const after = readFileSync(path.join(session.folder, FILE), 'utf8');
    expect(after).toBe(before.replace('      en: I want to design and fix robots for a company.\n', '      en: "I want to build robots that help people."\n'));
    expect(after).not.toBe(before);
  });

  it('shows extension-invalid next to the Massachusetts field', async () => {
    const { page } = session;
    await openEditor(session, WRONG);
    await page.waitForFunction(`document.querySelector('#diagnostics')?.innerText.includes('extensions.ma.visionSchoolLevel')`, { timeout: 20_000 });
    const control = `${field('extensions.ma.visionSchoolLevel')} select`;
    const described = await page.$eval(control, (el) =>
      (el.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id: string) => el.ownerDocument.getElementById(id)?.textContent ?? '').join(' '),
    );
    expect(described).toMatch(/Error.*elementary.*middle-school/);
    expect(await page.$eval(control, (el) => el.getAttribute('aria-invalid'))).toBe('true');
    expect(await page.$eval(`${field('extensions.ma.visionSchoolLevel')} .messages`, (el) => el.textContent)).toContain('extensions.ma');
    // The problems panel's link takes the keyboard there.
    await page.click('.diag-error .diag-where');
    expect(await activePath()).toBe('extensions.ma.visionSchoolLevel');
    await waitForPreview(page);
  });
});
