/**
 * The live preview as a person sees it: the real editor in the real Chromium against `iep serve` in-process (over a
 * temporary copy of the examples; the browser's profile and the copy are removed at the end), on the largest example
 * (rayhan-chowdhury, about 20 pages of the official IEP, English). A burst of a few characters is typed at human
 * speed at the end of a narrative field, in the FORM tab and then in the SOURCE tab, and the time is measured from
 * the last keystroke of the burst to the moment the preview frame shows the page holding the whole burst.
 *
 *   npx tsx bench/editor-latency.ts [--bursts 40] [--chars 5] [--key-delay 140] [--tabs form,source]
 *
 * How it is timed, all on the page's own clock (performance.now(), no polling):
 * - keystroke: a capturing `keydown` listener on the window (the last key of the burst);
 * - the preview request: `fetch` is wrapped (Page.addScriptToEvaluateOnNewDocument, before the app runs); the
 *   request whose body holds the burst's whole marker is the one that can show it; its start, the arrival of its
 *   answer, and the server's own time for previewDraft (its `Server-Timing` header) are kept, and the preview id;
 * - shown: a capturing `load` listener on the document sees the frame of that id load, or (a frame of the editor's
 *   origin, updated in place) a MutationObserver on the frame's document sees the first change after which it holds
 *   the marker; the frame counts as shown at the next animation frame after that (the app swaps frames in the load
 *   handler, so that is the first paint with the new page). Each burst is then checked: the frame shown really holds the marker (read through the DevTools
 *   protocol, which reaches a sandboxed frame).
 * The split printed: wait before the request (the debounce, plus any older request still in flight), the request
 * (network and server, with previewDraft's own share), and the frame (from the answer to the new page shown). For the
 * form, the input handler's time per keystroke (applyEdit and the text's parse) is printed apart.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'puppeteer-core';
import { openEditor, previewFrame, startEditorSession } from '../test/app/helpers.js';
import { ROOT } from '../test/e2e/helpers.js';
import { percentile, round } from './lib/stats.js';

const FILE = 'rayhan-chowdhury.iep.yaml';
const FIELD = 'presentLevels.effectOnProgress.en';
// The first line of that field's text in the example (the source tab's caret goes to its end).
const SOURCE_LINE = 489;

const { values } = parseArgs({
  options: {
    bursts: { type: 'string', default: '40' },
    chars: { type: 'string', default: '5' },
    'key-delay': { type: 'string', default: '140' },
    tabs: { type: 'string', default: 'form,source' },
  },
});
const bursts = Number(values.bursts);
const chars = Math.max(3, Number(values.chars));
const keyDelay = Number(values['key-delay']);

/** Installed in the page before the app's own script (see the header). */
const INSTRUMENT = `(() => {
  const rec = { keys: [], inputs: [], fetches: [], loads: [], mark: '' };
  window.__latency = rec;
  let inputStart = 0;
  addEventListener('keydown', () => rec.keys.push(performance.now()), true);
  addEventListener('input', () => { inputStart = performance.now(); }, true);
  addEventListener('input', () => rec.inputs.push(performance.now() - inputStart), false);
  const send = window.fetch;
  window.fetch = function (input, init) {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.includes('/api/preview')) return send.apply(this, arguments);
    const body = init && typeof init.body === 'string' ? init.body : '';
    const r = { start: performance.now(), marked: rec.mark !== '' && body.includes(rec.mark) };
    rec.fetches.push(r);
    return send.apply(this, arguments).then((res) => {
      r.end = performance.now();
      r.server = Number((/dur=([0-9.]+)/.exec(res.headers.get('server-timing') || '') || [])[1]);
      res.clone().json().then((j) => { r.id = j.id; }, () => undefined);
      return res;
    });
  };
  document.addEventListener('load', (event) => {
    const frame = event.target;
    if (!(frame instanceof HTMLIFrameElement)) return;
    const l = { src: frame.getAttribute('src') || '', at: performance.now() };
    rec.loads.push(l);
    requestAnimationFrame(() => { l.shown = performance.now(); });
    // A frame of the editor's origin may be updated in place: the first change that makes it hold the mark.
    let doc = null;
    try { doc = frame.contentDocument; } catch { doc = null; }
    if (!doc) return;
    new MutationObserver(() => {
      if (!rec.mark || rec.patched || !frame.isConnected || !doc.body || !doc.body.textContent.includes(rec.mark)) return;
      const p = { at: performance.now() };
      rec.patched = p;
      requestAnimationFrame(() => { p.shown = performance.now(); });
    }).observe(doc, { subtree: true, childList: true, characterData: true });
  }, true);
})();`;

interface Burst {
  total: number;
  wait: number;
  request: number;
  server: number;
  frame: number;
  inputs: number[];
}

/** A marker no earlier burst made: "qz" and two letters. */
const marker = (i: number) => `qz${String.fromCharCode(97 + Math.floor(i / 26) % 26)}${String.fromCharCode(97 + (i % 26))}`;

async function burst(page: Page, i: number): Promise<Burst> {
  const mark = marker(i);
  const typed = ` ${mark}`.padEnd(chars, 'x').slice(0, chars);
  const whole = typed.trim();
  await page.evaluate(`Object.assign(window.__latency, { keys: [], inputs: [], fetches: [], loads: [], patched: undefined, mark: ${JSON.stringify(whole)} })`);
  await page.keyboard.type(typed, { delay: keyDelay });
  const handle = await page.waitForFunction(
    `(() => {
      const rec = window.__latency;
      const f = rec.fetches.find((x) => x.marked && x.id);
      const l = f && (rec.loads.find((x) => x.src.endsWith('/' + f.id) && x.shown) || (rec.patched && rec.patched.shown ? rec.patched : undefined));
      return l ? { lastKey: rec.keys[rec.keys.length - 1], f, l, inputs: rec.inputs } : undefined;
    })()`,
    { timeout: 20_000 },
  );
  const { lastKey, f, l, inputs } = (await handle.jsonValue()) as {
    lastKey: number;
    f: { start: number; end: number; server: number };
    l: { at: number; shown: number };
    inputs: number[];
  };
  const shownText = String(await (await previewFrame(page)).evaluate('document.body.innerText'));
  if (!shownText.includes(whole)) throw new Error(`burst ${i}: the preview shown does not hold "${whole}"`);
  return { total: l.shown - lastKey, wait: f.start - lastKey, request: f.end - f.start, server: f.server, frame: l.shown - f.end, inputs };
}

async function toFormField(page: Page): Promise<void> {
  await page.click('#tab-form');
  const selector = `[data-path="${FIELD}"] textarea`;
  await page.waitForSelector(selector);
  await page.evaluate(`(() => { const el = document.querySelector(${JSON.stringify(selector)}); for (let d = el.closest('details'); d; d = d.parentElement?.closest('details')) d.open = true; el.scrollIntoView({ block: 'center' }); })()`);
  await page.click(selector);
  await page.keyboard.down('Control');
  await page.keyboard.press('End');
  await page.keyboard.up('Control');
}

async function toSourceLine(page: Page): Promise<void> {
  await page.click('#tab-source');
  await page.focus('pierce/.cm-content');
  // CodeMirror's "go to line" (Ctrl+Alt+G), then the end of that line.
  await page.keyboard.down('Control');
  await page.keyboard.down('Alt');
  await page.keyboard.press('g');
  await page.keyboard.up('Alt');
  await page.keyboard.up('Control');
  await page.waitForSelector('pierce/.cm-panel input[name="line"]');
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.type(String(SOURCE_LINE));
  await page.keyboard.press('Enter');
  // The caret into that line (it is wrapped: End goes to the end of its first row), then typing goes there.
  await page.click('pierce/.cm-activeLine');
  await page.keyboard.press('End');
}

const ms = (list: number[], p: number) => `${round(percentile(list, p), 0)}`;
function report(tab: string, results: Burst[]): Record<string, unknown> {
  const totals = results.map((r) => r.total);
  const col = (pick: (r: Burst) => number) => results.map(pick);
  console.log(`${tab}: ${results.length} bursts of ${chars} keys, ${keyDelay} ms apart`);
  console.log(`  last keystroke -> preview shown: p50 ${ms(totals, 50)} ms  p95 ${ms(totals, 95)} ms  max ${ms(totals, 100)} ms  (target p95 < 300 ms)`);
  const split = (name: string, list: number[]) => `${name} ${ms(list, 50)}/${ms(list, 95)}`;
  console.log(
    `  split p50/p95 ms: ${[
      split('wait before request', col((r) => r.wait)),
      split('request', col((r) => r.request)),
      split('of which previewDraft', col((r) => r.server)),
      split('frame', col((r) => r.frame)),
    ].join(', ')}`,
  );
  const inputs = results.flatMap((r) => r.inputs);
  if (inputs.length) console.log(`  input handler per keystroke (apply the edit, parse): p50 ${ms(inputs, 50)} ms  p95 ${ms(inputs, 95)} ms  max ${ms(inputs, 100)} ms`);
  return { tab, bursts: results.length, p50: round(percentile(totals, 50), 1), p95: round(percentile(totals, 95), 1), max: round(percentile(totals, 100), 1) };
}

execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-app.mjs')], { stdio: 'inherit' });
const session = await startEditorSession({ viewport: { width: 1280, height: 800 } });
try {
  const { page } = session;
  await page.evaluateOnNewDocument(INSTRUMENT);
  await openEditor(session, FILE);
  console.log(`editor latency: ${FILE} (official, en); load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
  const summary: Record<string, unknown>[] = [];
  for (const tab of values.tabs!.split(',')) {
    if (tab === 'form') await toFormField(page);
    else if (tab === 'source') await toSourceLine(page);
    else throw new Error(`unknown tab ${tab}`);
    // Warm up (the first previews of a page load code and fonts), then the measured bursts, a pause between them.
    for (let i = 0; i < 2; i++) await burst(page, (tab === 'form' ? 0 : 300) + i);
    const results: Burst[] = [];
    for (let i = 0; i < bursts; i++) {
      results.push(await burst(page, (tab === 'form' ? 2 : 302) + i));
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    summary.push(report(tab, results));
  }
  console.log(JSON.stringify({ file: FILE, chars, keyDelay, loadAverage: loadavg()[0], results: summary }));
} finally {
  await session.close();
}
