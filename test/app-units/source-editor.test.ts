/**
 * The YAML source tab (src/app/source/create-source-editor.ts) in the real Chromium: its name, typing, setText that
 * keeps the caret, focusLine, completion from the schema by keyboard, axe-core.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/helpers.js';
import { AXE, harnessPage, openHarness, type Harness } from './browser-harness.js';

declare const window: any;
declare const document: any;

const schema = readFileSync(path.join(ROOT, 'schema', 'iep.schema.json'), 'utf8');
const maya = readFileSync(path.join(ROOT, 'examples', 'maya-thompson.iep.yaml'), 'utf8');

let harness: Harness;
let page: Page;

async function openEditor(text: string): Promise<void> {
  await page.setContent(harnessPage('<div id="source"></div>'));
  await page.addScriptTag({ content: harness.bundle });
  await page.evaluate(
    (schemaJson, initial) => {
      window.changes = [];
      window.editor = window.createSourceEditor(document.getElementById('source'), {
        schema: JSON.parse(schemaJson),
        text: initial,
        onChange: (t: string) => window.changes.push(t),
      });
    },
    schema,
    text,
  );
}

/** The line number and column of the caret, read from the DOM selection. */
const caret = (): Promise<{ line: string; offset: number }> =>
  page.evaluate(() => {
    const selection = document.getSelection();
    return { line: selection.anchorNode.parentElement.closest('.cm-line').textContent, offset: selection.anchorOffset };
  });

beforeAll(async () => {
  harness = await openHarness(
    `import { createSourceEditor } from '../../src/app/source/create-source-editor.ts'; (window as any).createSourceEditor = createSourceEditor;`,
  );
  page = harness.page;
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

describe('the YAML source editor, in Chromium', () => {
  it('is a named text box; typing reports the new text', async () => {
    await openEditor(maya);
    const name = await page.$eval('.cm-content', (e) => ({ label: e.getAttribute('aria-label'), role: e.getAttribute('role') }));
    expect(name).toEqual({ label: 'IEP record, YAML source', role: 'textbox' });
    await page.evaluate(() => window.editor.focusLine(14));
    await page.keyboard.press('End');
    await page.keyboard.type('!');
    const last: string = await page.evaluate(() => window.changes.at(-1));
    expect(last.split('\n')[13]).toBe(`${maya.split('\n')[13]}!`);
  });

  it('focusLine puts the caret at the start of that line', async () => {
    await openEditor(maya);
    await page.evaluate(() => window.editor.focusLine(45));
    expect(await page.evaluate(() => document.activeElement.classList.contains('cm-content'))).toBe(true);
    await page.keyboard.type('#');
    expect(((await page.evaluate(() => window.editor.getText())) as string).split('\n')[44]).toBe(`#${maya.split('\n')[44]}`);
  });

  it('setText keeps the caret on its text when lines change above it, and is not reported as a change', async () => {
    await openEditor(maya);
    await page.evaluate(() => window.editor.focusLine(20));
    await page.keyboard.press('End');
    const before = await caret();
    const lines = maya.split('\n');
    lines.splice(3, 0, '# a new comment line');
    await page.evaluate((t) => window.editor.setText(t), lines.join('\n'));
    expect(await caret()).toEqual(before);
    await page.keyboard.type('X');
    const text: string = await page.evaluate(() => window.editor.getText());
    expect(text.split('\n')[20]).toBe(`${maya.split('\n')[19]}X`);
    expect(await page.evaluate(() => window.changes.length)).toBe(1); // the X, not the setText
  });

  it('completes a key from the schema with the keyboard', async () => {
    await openEditor('student:\n  id: "1"\n');
    await page.evaluate(() => window.editor.focusLine(3));
    await page.keyboard.type('  fir');
    await page.waitForSelector('.cm-tooltip-autocomplete li[aria-selected="true"]');
    const offered = await page.$$eval('.cm-tooltip-autocomplete li', (items) => items.map((i) => i.textContent));
    expect(offered.some((o) => o?.startsWith('firstName'))).toBe(true);
    // CodeMirror ignores Enter for 75 ms after the list opens (interactionDelay), so a key pressed in a hurry is text.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => window.editor.getText())).toBe('student:\n  id: "1"\n  firstName: ');
  });

  it('has no WCAG 2.1 AA violation (axe-core)', async () => {
    await openEditor(maya);
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v: any) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`);
    });
    expect(violations).toEqual([]);
  }, 60_000);
});
