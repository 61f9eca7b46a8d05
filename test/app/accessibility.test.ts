/**
 * The editor by keyboard only, at 200% zoom, and under axe-core's WCAG 2.1 A/AA rules, in the real Chromium
 * against the in-process server.
 *
 * axe is put into the page with `page.evaluate` of axe.min.js's text: DevTools evaluation is not subject to the
 * page's Content-Security-Policy, so the app's strict CSP (script-src 'self') stays as it is served and is
 * part of what is tested (no bypassCSP needed).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type EditorSession, openEditor, startEditorSession, waitForPreview } from './helpers.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const FILE = 'maya-thompson.iep.yaml';
const PROBLEMS = 'maya-problems.iep.yaml';
let session: EditorSession;

beforeAll(async () => {
  expect(inject('appBuildError')).toBe('');
  session = await startEditorSession();
  // A record with an error (a bad email) and a wording warning, so that diagnostics show.
  const text = readFileSync(path.join(session.folder, FILE), 'utf8');
  const broken = text.replace('danielle.thompson@example.org', 'not-an-email').replace('Maya is a curious, hard-working', 'Maya struggles with decoding. Maya is a curious, hard-working');
  expect(broken).toContain('not-an-email');
  expect(broken).toContain('struggles with decoding');
  writeFileSync(path.join(session.folder, PROBLEMS), broken);
});
afterAll(async () => {
  await session?.close();
});

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

/** axe-core's WCAG 2.0/2.1 A and AA violations on the editor (not inside the preview frame: see below). */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(`axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    iframes: false,
    resultTypes: ['violations'],
  }).then((r) => r.violations)`)) as AxeViolation[];
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}\n  ${n.failureSummary}`));
}

/** What has the keyboard focus: its id, or its role and text. */
const focused = (page: Page) =>
  page.evaluate(`(() => { const el = document.activeElement; return el ? (el.id || (el.getAttribute('role') ?? el.tagName.toLowerCase()) + ':' + (el.textContent ?? '').trim().slice(0, 40)) : ''; })()`) as Promise<string>;

/** Whether the focused element draws a visible focus indicator (an outline of at least 2px). */
const focusVisible = (page: Page) =>
  page.evaluate(`(() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; })()`) as Promise<boolean>;

describe('the editor\'s accessibility', () => {
  it('has no axe WCAG 2.1 AA violation on the form tab and the source tab, with diagnostics showing', async () => {
    const { page } = session;
    await openEditor(session, PROBLEMS);
    await page.waitForSelector('.diag-error');
    await page.waitForSelector('.diag-warning');
    expect(await axeViolations(page)).toEqual([]);
    await page.click('#tab-source');
    await page.waitForSelector('#panel-source:not([hidden])');
    expect(await axeViolations(page)).toEqual([]);
    await page.click('#tab-form');
    await page.click('.diag-error .diag-where');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('has no axe violation on the welcome page and in the New IEP dialog', async () => {
    const { page } = session;
    await openEditor(session);
    await page.waitForSelector('.welcome h2');
    expect(await axeViolations(page)).toEqual([]);
    await page.click('#new-iep');
    await page.waitForSelector('dialog[open]');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('walks the main controls by keyboard, each with a visible focus', async () => {
    const { page } = session;
    await openEditor(session, FILE);
    // The first stop is the skip link, shown when focused; it moves the focus to the editor.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/Skip to the editor/);
    const skip = await page.$eval('.skip-link', (el) => el.getBoundingClientRect().top);
    expect(skip).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('main');
    await openEditor(session, FILE);
    await page.keyboard.press('Tab');

    // Then the header, the tabs, the form, the diagnostics and the preview's controls, in reading order.
    const stops: string[] = [];
    for (let i = 0; i < 3000 && !stops.includes('finalize'); i++) {
      await page.keyboard.press('Tab');
      const stop = await focused(page);
      if (['file-menu', 'new-iep', 'save', 'tab-form', 'preview-copy', 'preview-lang', 'download-pdf', 'download-docx', 'finalize'].includes(stop)) {
        stops.push(stop);
        expect(await focusVisible(page), `focus visible on ${stop}`).toBe(true);
      }
    }
    expect(stops).toEqual(['file-menu', 'new-iep', 'save', 'tab-form', 'preview-copy', 'preview-lang', 'download-pdf', 'download-docx', 'finalize']);
  });

  it('switches tabs with the arrow keys (ARIA tabs pattern) and opens a file from the menu by keyboard', async () => {
    const { page } = session;
    await page.focus('#tab-form');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('tab-source');
    expect(await page.$eval('#tab-source', (el) => el.getAttribute('aria-selected'))).toBe('true');
    expect(await page.$eval('#panel-source', (el) => (el as unknown as { hidden: boolean }).hidden)).toBe(false);
    expect(await page.$eval('#panel-form', (el) => (el as unknown as { hidden: boolean }).hidden)).toBe(true);
    await page.keyboard.press('Home');
    expect(await focused(page)).toBe('tab-form');
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toBe('tab-source');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('tab-form');
    // Only the selected tab is a Tab stop.
    expect(await page.$eval('#tab-source', (el) => el.getAttribute('tabindex'))).toBe('-1');

    await page.focus('#file-menu');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/Amira Saleh/);
    await page.keyboard.press('Enter');
    await page.waitForFunction(`location.hash === '#file=amira-saleh.iep.yaml'`);
    await page.waitForFunction(`document.querySelector('#doc-title')?.textContent === 'amira-saleh.iep.yaml'`);
    await waitForPreview(page);

    // The New IEP dialog: focus goes in, Escape closes it and gives the focus back.
    await page.focus('#new-iep');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[open]');
    expect(await focused(page)).toBe('new-name');
    await page.keyboard.press('Escape');
    await page.waitForFunction(`!document.querySelector('dialog')`);
    expect(await focused(page)).toBe('new-iep');
  });

  it('works at 200% zoom: one column, no sideways scrolling, no axe violation', async () => {
    const { page } = session;
    await page.setViewport({ width: 640, height: 400, deviceScaleFactor: 2 });
    await openEditor(session, FILE);
    const widths = (await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')) as number[];
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    const columns = await page.evaluate(`getComputedStyle(document.querySelector('.workspace')).gridTemplateColumns.split(' ').length`);
    expect(columns).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewport({ width: 1280, height: 800 });
  });
});

describe('the editor\'s accessibility with a profile\'s own fields (iep serve --profile ma)', () => {
  let ma: EditorSession;
  const JONAS = 'jonas-desir.iep.yaml';
  beforeAll(async () => {
    ma = await startEditorSession({ profile: 'ma' });
    // A wrong value of a Massachusetts field, so that an extension-invalid message shows in the group.
    const text = readFileSync(path.join(ma.folder, JONAS), 'utf8');
    writeFileSync(path.join(ma.folder, JONAS), text.replace('  ma:\n', '  ma:\n    visionSchoolLevel: high-school\n'));
  });
  afterAll(async () => {
    await ma?.close();
  });

  it('has no axe violation with the Massachusetts group and its diagnostic showing; every field there has a name', async () => {
    const { page } = ma;
    await openEditor(ma, JONAS);
    await page.waitForSelector('fieldset[data-path="extensions.ma"]');
    await page.waitForFunction(`document.querySelector('[data-path="extensions.ma.visionSchoolLevel"] .diagnostic.error') !== null`, { timeout: 20_000 });
    await page.$eval('fieldset[data-path="extensions.ma"]', (el) => el.scrollIntoView());
    expect(await axeViolations(page)).toEqual([]);
    // Each control of the group is named by its own label (the language's name in a translation column).
    const names = (await page.$$eval('fieldset[data-path="extensions.ma"] :is(textarea, select)', (els) =>
      els.map((el) => (el as unknown as { labels: { textContent: string }[] }).labels[0]?.textContent ?? ''),
    )) as string[];
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(names.filter((name) => name.trim() === '')).toEqual([]);
    // The schema's title, in the form's words, names the field (not its property name, "Vision school level").
    expect(names).toContain('Which school the student means (elementary or middle school)');
  });

  it('reaches every Massachusetts field with Tab, in order', async () => {
    const { page } = ma;
    await page.focus('[data-path="extensions.ma.visionThisYear"] textarea');
    const seen: string[] = [];
    for (let i = 0; i < 40; i++) {
      const where = (await page.evaluate(`document.activeElement?.closest('[data-path]')?.getAttribute('data-path') ?? ''`)) as string;
      if (!where.startsWith('extensions.ma.')) break;
      const field = where.split('.')[2]!;
      if (!seen.includes(field)) seen.push(field);
      expect(await focusVisible(page), `focus visible on ${where}`).toBe(true);
      await page.keyboard.press('Tab');
    }
    expect(seen).toEqual(['visionThisYear', 'visionByTheEnd', 'visionSchoolLevel', 'visionHighSchool', 'visionEducation', 'visionEmployment', 'visionIndependentLiving', 'teamVisionThisYear', 'teamVisionFiveYears', 'englishLearnerProgram']);
  });
});
