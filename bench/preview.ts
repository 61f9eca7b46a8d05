/**
 * The editor's live preview: previewDraft (validate, complete, compliance, lint, compose, HTML) of the largest example's
 * official IEP after each keystroke in one narrative field, as a person types. No PDF is made.
 *
 *   npx tsx bench/preview.ts [--keys 100] [--file examples/rayhan-chowdhury.iep.yaml] [--layout official] [--lang en]
 *
 * Prints p50, p95 and max milliseconds per preview (wall clock, and the process's CPU time, which a machine busy
 * with other work inflates less) and previews per second; the target is p95 under 300 ms. The load average is
 * printed too: on a machine shared with other processes the wall-clock figures say more about them than about us.
 */
import { loadavg, cpus } from 'node:os';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { previewDraft } from '../src/pipeline/preview-draft.js';
import type { LayoutName } from '../src/load/load-layout.js';
import type { Language } from '../src/model/languages.js';

const { values } = parseArgs({
  options: {
    keys: { type: 'string', default: '100' },
    file: { type: 'string', default: 'examples/rayhan-chowdhury.iep.yaml' },
    layout: { type: 'string', default: 'official' },
    lang: { type: 'string', default: 'en' },
  },
});
const keys = Number(values.keys);
const layout = values.layout as LayoutName;
const lang = values.lang as Language;
const original = readFileSync(values.file!, 'utf8');

// The field typed into: the first line of effectOnProgress's English text; each keystroke appends one character.
const marker = original.indexOf('\n', original.indexOf('effectOnProgress:\n    en: >-\n') + 'effectOnProgress:\n    en: >-\n'.length);
if (marker < 0) throw new Error(`${values.file} has no effectOnProgress.en block to type into`);
const typed = ' He is learning new words every day, and he asks when he is not sure.';
const withTyped = (n: number) => original.slice(0, marker) + typed.repeat(Math.ceil(n / typed.length) + 1).slice(0, n) + original.slice(marker);

const options = { layout, lang, fontUrlPrefix: '/fonts/' };
// Warm up: the layout, the locales and the validators load once per process, as in a running server.
for (let i = 0; i < 3; i++) await previewDraft(original, options);

const times: number[] = [];
const cpuTimes: number[] = [];
let htmlBytes = 0;
let problems = 0;
const started = performance.now();
for (let n = 1; n <= keys; n++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const result = await previewDraft(withTyped(n), options);
  const cpu = process.cpuUsage(c0);
  times.push(performance.now() - t0);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
  htmlBytes = result.html?.length ?? 0;
  problems = result.diagnostics.filter((d) => d.severity === 'error').length;
  if (!result.html) throw new Error(`keystroke ${n}: no HTML (${result.diagnostics.map((d) => d.code).join(', ')})`);
}
const total = performance.now() - started;
const quantile = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  return (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};
const at = quantile(times);
const cpuAt = quantile(cpuTimes);
const ms = (x: number) => `${x.toFixed(1)} ms`;
console.log(`previewDraft ${values.file} (${layout}, ${lang}): ${keys} keystrokes in effectOnProgress.en, HTML ${(htmlBytes / 1024).toFixed(0)} kB, ${problems} errors`);
const load = loadavg()[0]!;
console.log(`wall: p50 ${ms(at(0.5))}  p95 ${ms(at(0.95))}  max ${ms(at(1))}  ${(keys / (total / 1000)).toFixed(1)} docs/s  (target: p95 < 300 ms)`);
console.log(`cpu:  p50 ${ms(cpuAt(0.5))}  p95 ${ms(cpuAt(0.95))}  max ${ms(cpuAt(1))}  (load average ${load.toFixed(1)} on ${cpus().length} cores)`);
console.log(JSON.stringify({ keys, layout, lang, p50: at(0.5), p95: at(0.95), max: at(1), docsPerSecond: keys / (total / 1000), cpuP50: cpuAt(0.5), cpuP95: cpuAt(0.95), loadAverage: load }));
