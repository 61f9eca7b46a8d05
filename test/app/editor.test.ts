/**
 * The editor end to end, as a case manager uses it: in the real Chromium, against a real server over loopback on
 * a temporary folder of example records. One browser and one server for the file; the steps build on each other
 * (a new IEP is created, typed into, checked, saved and read back).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type EditorSession, openEditor, previewFrame, startEditorSession, statusText, waitForPreview, waitForPreviewText } from './helpers.js';

const NEW_FILE = 'jordan-lee.iep.yaml';
let session: EditorSession;

beforeAll(async () => {
  expect(inject('appBuildError')).toBe('');
  session = await startEditorSession();
});
afterAll(async () => {
  await session?.close();
});

/** The form's control for a JSON path (the form marks each field's wrapper with its path). */
const control = (jsonPath: string) => `[data-path="${jsonPath}"] :is(input, textarea, select)`;

/** Replaces a control's value by typing, the way a person does (select all, type). */
async function typeInto(jsonPath: string, text: string): Promise<void> {
  const page = session.page;
  await page.waitForSelector(control(jsonPath));
  // A list item's fields may be folded away (<details>): open it as a person would.
  await page.evaluate(`(() => { const el = document.querySelector(${JSON.stringify(control(jsonPath))}); for (let d = el.closest('details'); d; d = d.parentElement?.closest('details')) d.open = true; el.scrollIntoView({ block: 'center' }); })()`);
  await page.waitForSelector(control(jsonPath), { visible: true });
  await page.click(control(jsonPath), { count: 3 });
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.type(text);
}

const diagnosticsText = () => session.page.$eval('#diagnostics', (el) => (el as unknown as { innerText: string }).innerText);

describe('the editor in a browser', () => {
  it('creates a new IEP from the starter, which previews as a draft', async () => {
    const { page } = session;
    await openEditor(session);
    await page.click('#new-iep');
    await page.waitForSelector('dialog[open] #new-name');
    await page.type('#new-name', 'Jordan Lee');
    await page.select('#new-lang', 'es');
    await page.keyboard.press('Enter');
    await page.waitForFunction(`location.hash === '#file=${NEW_FILE}'`);
    await waitForPreview(page);
    expect(existsSync(path.join(session.folder, NEW_FILE))).toBe(true);
    expect(await page.$eval('#preview-badge', (el) => el.textContent)).toMatch(/DRAFT/);
    expect(await page.$eval('#doc-title', (el) => el.textContent)).toBe(NEW_FILE);
    // The family's language chosen in the dialog is in the starter.
    expect(readFileSync(path.join(session.folder, NEW_FILE), 'utf8')).toMatch(/preferredLanguage: es/);
    // ...and the form offers a Spanish column beside each narrative field (and no column for the other languages).
    await page.waitForSelector('[data-path="parentConcerns.es"] textarea[lang="es"]');
    expect(await page.$('[data-path="parentConcerns.ar"]')).toBeNull();
  });

  it('shows what is typed into a field in the preview', async () => {
    const { page } = session;
    await waitForPreviewText(page, (text) => text.includes('[to be written: first name]'));
    await typeInto('student.firstName', 'Jordan');
    await waitForPreviewText(page, (text) => text.includes('Jordan') && !text.includes('[to be written: first name]'));
    expect(await page.$eval('#save-state', (el) => el.textContent)).toMatch(/Unsaved|autosaved/i);
  });

  it('shows an error next to its field, and takes it away when the field is fixed', async () => {
    const { page } = session;
    const email = 'team[2].contact.email';
    await typeInto(email, 'not-an-email');
    await page.waitForFunction(`document.querySelector('#diagnostics')?.innerText.includes('${email}')`, { timeout: 20_000 });
    expect(await diagnosticsText()).toMatch(/Error[\s\S]*not a valid email/);
    // Next to the field: the control is described by the message (aria-describedby), so a screen reader says it.
    const described = await page.$eval(control(email), (el) =>
      (el.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id: string) => (el.ownerDocument.getElementById(id) as unknown as { innerText?: string } | null)?.innerText ?? '').join(' '),
    );
    expect(described).toMatch(/not a valid email/);
    // The link in the panel takes the keyboard to the field.
    await page.click('.diag-error .diag-where');
    expect(await page.evaluate(`document.activeElement?.closest('[data-path]')?.getAttribute('data-path')`)).toBe(email);
    await typeInto(email, 'sreed@example.org');
    await page.waitForFunction(`!document.querySelector('#diagnostics')?.innerText.includes('not a valid email')`, { timeout: 20_000 });
  });

  it('applies a suggested rewrite with one click', async () => {
    const { page } = session;
    const field = 'presentLevels.academic.description';
    await typeInto(field, 'Ana is hearing impaired.');
    const button = await page.waitForSelector('::-p-aria([name="Use suggested wording"][role="button"])', { timeout: 20_000 });
    const suggested = await page.$eval('.diag-fix-text', (el) => el.textContent ?? '');
    expect(suggested).not.toMatch(/impaired/);
    expect(await page.$eval('.diag-fix-old', (el) => el.textContent)).toBe('Ana is hearing impaired.');
    await button!.click();
    await page.waitForFunction(`document.querySelector(${JSON.stringify(control(field))})?.value === ${JSON.stringify(suggested)}`, { timeout: 10_000 });
    await page.waitForFunction(`!document.querySelector('#diagnostics')?.innerText.includes('"impaired"')`, { timeout: 20_000 });
  });

  it('downloads the PDF of the copy shown, which pdfinfo reads', async () => {
    const { page } = session;
    await page.select('#preview-copy', 'family');
    await waitForPreview(page);
    await page.click('#download-pdf');
    await page.waitForFunction(`document.querySelector('#status')?.textContent.startsWith('Downloaded')`, { timeout: 60_000 });
    const name = (await statusText(page)).replace(/^Downloaded (.*)\.$/, '$1');
    const file = path.join(session.downloads, name);
    for (let i = 0; i < 100 && !existsSync(file); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(name).toMatch(/\.pdf$/);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+[1-9]/);
    expect(readdirSync(session.downloads).filter((f) => f.endsWith('.crdownload'))).toEqual([]);
  });

  it('saves with Ctrl+S and finds the text again after a reload', async () => {
    const { page } = session;
    await page.keyboard.down('Control');
    await page.keyboard.press('s');
    await page.keyboard.up('Control');
    await page.waitForFunction(`document.querySelector('#save-state')?.textContent === 'All changes saved'`, { timeout: 10_000 });
    expect(readFileSync(path.join(session.folder, NEW_FILE), 'utf8')).toMatch(/firstName: "?Jordan"?\n/);
    await page.reload({ waitUntil: 'load' });
    await waitForPreview(page);
    await page.waitForSelector(control('student.firstName'));
    expect(await page.$eval(control('student.firstName'), (el) => (el as unknown as { value: string }).value)).toBe('Jordan');
    await waitForPreviewText(page, (text) => text.includes('Jordan'));
  });

  it('asks before overwriting a file changed on disk, and keeps the typed text', async () => {
    const { page } = session;
    const file = path.join(session.folder, NEW_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/firstName: "?Jordan"?/, 'firstName: Jordy'));
    await typeInto('student.lastName', 'Lee');
    await page.click('#save');
    await page.waitForSelector('dialog[open] #conflict-heading');
    // Cancelling saves nothing and loses nothing.
    await page.keyboard.press('Escape');
    await page.waitForFunction(`!document.querySelector('dialog[open]')`);
    expect(await page.$eval(control('student.lastName'), (el) => (el as unknown as { value: string }).value)).toBe('Lee');
    expect(readFileSync(file, 'utf8')).toMatch(/firstName: Jordy/);
    await page.click('#save');
    await page.waitForSelector('dialog[open] #conflict-heading');
    await page.click('::-p-aria([name="Keep mine (overwrite the file)"][role="button"])');
    await page.waitForFunction(`document.querySelector('#save-state')?.textContent === 'All changes saved'`, { timeout: 10_000 });
    expect(readFileSync(file, 'utf8')).toMatch(/firstName: "?Jordan"?\n[\s\S]*lastName: "?Lee"?\n/);
  });

  it('autosaves a draft while there are unsaved changes, and offers it after a reload', async () => {
    const { page } = session;
    await typeInto('student.school', 'P.S. 321 Park Slope');
    await page.waitForFunction(`document.querySelector('#save-state')?.textContent.startsWith('Draft autosaved')`, { timeout: 15_000 });
    expect(readFileSync(path.join(session.folder, NEW_FILE), 'utf8')).not.toMatch(/P\.S\. 321/);
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('.notice:not([hidden])');
    expect(await page.$eval('.notice', (el) => el.textContent)).toMatch(/autosaved draft/);
    expect(await page.$eval(control('student.school'), (el) => (el as unknown as { value: string }).value)).not.toBe('P.S. 321 Park Slope');
    await page.click('::-p-aria([name="Restore the draft"][role="button"])');
    await page.waitForFunction(`document.querySelector(${JSON.stringify(control('student.school'))})?.value === 'P.S. 321 Park Slope'`);
    expect(await page.$eval('#save-state', (el) => el.textContent)).toMatch(/autosaved/i);
  });

  it('refuses to finalize a draft and says why in the diagnostics', async () => {
    const { page } = session;
    await page.click('#finalize');
    await page.waitForFunction(`document.querySelector('#diagnostics-heading')?.textContent === 'Why the IEP cannot be finalized yet'`, { timeout: 60_000 });
    expect(await diagnosticsText()).toMatch(/still a draft/);
    // The focus goes to the explanation, so a keyboard or screen reader user is taken there.
    expect(await page.evaluate('document.activeElement?.id')).toBe('diagnostics-heading');
  });

  it('keeps the reader\'s place in the preview when it updates', async () => {
    const { page } = session;
    await openEditor(session, 'rayhan-chowdhury.iep.yaml');
    const before = await previewFrame(page);
    const y = Number(await before.evaluate('window.scrollTo(0, document.documentElement.scrollHeight / 2), window.scrollY'));
    expect(y).toBeGreaterThan(1000);
    // Typed at the end of a narrative field (above the place read), the way a person adds a sentence.
    const field = control('presentLevels.effectOnProgress.en');
    await page.evaluate(`document.querySelector(${JSON.stringify(field)}).scrollIntoView({ block: 'center' })`);
    await page.click(field);
    await page.keyboard.down('Control');
    await page.keyboard.press('End');
    await page.keyboard.up('Control');
    await page.keyboard.type(' Zebrafinch.');
    await waitForPreviewText(page, (text) => text.includes('Zebrafinch.'));
    const after = Number(await (await previewFrame(page)).evaluate('window.scrollY'));
    // The same place: not back at the top (the added words may move it by a line or two).
    expect(Math.abs(after - y)).toBeLessThan(100);
  });

  it('runs no script in the preview, neither from the record nor put into the page', async () => {
    const { page } = session;
    const title = await page.title();
    const hostile = `<img src=x onerror="top.document.title='pwned'"><script>top.document.title='pwned'</script>`;
    const field = control('presentLevels.effectOnProgress.en');
    await page.click(field);
    await page.keyboard.down('Control');
    await page.keyboard.press('End');
    await page.keyboard.up('Control');
    await page.keyboard.type(` ${hostile}`);
    // The record's text is shown as text.
    await waitForPreviewText(page, (text) => text.includes(hostile), 40_000);
    // And even the editor's own script (which shares the frame's origin) cannot make the page run one.
    const errorsBefore = session.pageErrors.length;
    await page.evaluate(`(() => {
      const doc = document.querySelector('iframe.preview-frame.is-ready').contentDocument;
      const script = doc.createElement('script');
      script.textContent = "top.document.title = 'pwned'";
      doc.body.append(script);
      const img = doc.createElement('img');
      img.setAttribute('onerror', "top.document.title = 'pwned'");
      img.setAttribute('src', 'data:,');
      doc.body.append(img);
      const link = doc.createElement('a');
      link.href = "javascript:top.document.title = 'pwned'";
      doc.body.append(link);
      link.click();
    })()`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await page.title()).toBe(title);
    expect(await page.evaluate('document.title')).not.toBe('pwned');
    // Chromium says so in the console ("Blocked script execution ... sandboxed", the javascript: URL refused by the
    // page's default-src 'none'): expected here, not an app error.
    const refusals = /sandboxed|allow-scripts|directive 'default-src 'none''/;
    session.pageErrors.splice(errorsBefore, session.pageErrors.length - errorsBefore, ...session.pageErrors.slice(errorsBefore).filter((m) => !refusals.test(m)));
  });

  it('loaded nothing from outside the server and threw no error', () => {
    const origin = session.server.origin;
    const outside = session.requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(blob|data|about):/.test(url));
    expect(outside).toEqual([]);
    // The conflict and the finalize refusal above are answered 409 and 422 on purpose; Chromium logs every 4xx
    // answer as a console error.
    expect(session.pageErrors.filter((message) => !/status of (409|422)/.test(message))).toEqual([]);
  });
});
