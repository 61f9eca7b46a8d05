/**
 * Screenshots of the editor for the docs (docs/images/editor-*.png, 1280x800): the form tab beside the preview,
 * the source tab, and diagnostics showing (an error and a wording suggestion). Builds the app first; runs the
 * real server in-process over a temporary copy of the examples and the real Chromium, both removed at the end.
 *
 *   npx tsx scripts/app-screenshots.ts
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openEditor, startEditorSession } from '../test/app/helpers.js';
import { ROOT } from '../test/e2e/helpers.js';

const OUT = path.join(ROOT, 'docs', 'images');

execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-app.mjs')], { stdio: 'inherit' });
const session = await startEditorSession();
try {
  const { page } = session;
  const shot = async (name: string) => {
    // Let fonts and the preview frame settle before the picture.
    await page.evaluate('document.fonts.ready');
    await new Promise((resolve) => setTimeout(resolve, 600));
    await page.screenshot({ path: path.join(OUT, name) });
    console.log(`wrote docs/images/${name}`);
  };

  await openEditor(session, 'maya-thompson.iep.yaml');
  await page.click('#preview-copy');
  await page.select('#preview-copy', 'family');
  await page.waitForFunction(`document.querySelector('#preview-state')?.textContent === ''`);
  await page.focus('[data-path="student.preferredName"] input');
  await shot('editor-form.png');

  await page.click('#tab-source');
  await shot('editor-source.png');

  // A copy with an error and a deficit-wording suggestion, to show the diagnostics.
  const text = readFileSync(path.join(session.folder, 'maya-thompson.iep.yaml'), 'utf8')
    .replace('danielle.thompson@example.org', 'danielle.thompson@')
    .replace('Maya is a curious, hard-working', 'Maya struggles with decoding. Maya is a curious, hard-working');
  writeFileSync(path.join(session.folder, 'maya-review.iep.yaml'), text);
  await openEditor(session, 'maya-review.iep.yaml');
  await page.waitForSelector('.diag-error');
  await page.click('.diag-error .diag-where');
  await page.evaluate(`document.querySelector('#diagnostics').scrollTop = 1e6`);
  await shot('editor-diagnostics.png');
} finally {
  await session.close();
}
