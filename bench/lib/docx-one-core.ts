/**
 * DOCX throughput on one core, strictly: the issue states `docx_docs_per_s` "on one core", and a Node thread alone
 * is not that (V8 collects garbage and optimizes code on helper threads beside it: the one-at-a-time figure keeps
 * about 1.17 cores busy). Here a child process renders the ten-page IEP pinned to one CPU with `taskset`, helper
 * threads included, after a warm-up as long as the timed part.
 *
 * This file is also the child's script (`--child <iep file> <warm ms> <timed ms>`); it prints one JSON line.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadIep } from '../../src/validate/load-iep.js';
import { renderDocxJob } from './docx-workers.js';

export interface OneCoreRun {
  docsPerS: number;
  /** CPU the child used while timed, in cores: 1.00 when the pinning held. */
  cores: number;
}

/** The ten-page IEP in `file` rendered to DOCX (family layout, English) on CPU 0, or why it could not be. */
export function docxOnOneCore(file: string, options: { warmMs: number; durationMs: number }): { run: OneCoreRun } | { skipped: string } {
  const script = fileURLToPath(import.meta.url);
  const r = spawnSync('taskset', ['-c', '0', process.execPath, '--import', 'tsx', script, '--child', file, String(options.warmMs), String(options.durationMs)], { encoding: 'utf8' });
  if (r.error) return { skipped: `taskset is not available (${r.error.message}; Debian: util-linux)` };
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  if (r.status !== 0 || !line.startsWith('{')) {
    // Node's own error line when the script failed, taskset's message when it could not pin (CPU 0 not allowed).
    const lines = (r.stderr || r.stdout).split('\n').filter((l) => l.trim());
    const message = lines.find((l) => /Error\b/.test(l)) ?? lines[0] ?? `exit ${r.status}`;
    return { skipped: `the pinned process failed: ${message.trim()}` };
  }
  return { run: JSON.parse(line) as OneCoreRun };
}

async function child(file: string, warmMs: number, durationMs: number): Promise<void> {
  const loaded = loadIep(readFileSync(file), { file });
  if (!loaded.iep) throw new Error(`${file} did not load`);
  const job = { iep: loaded.iep, layout: 'family', lang: 'en' } as const;
  const render = () => renderDocxJob(job);
  const w0 = performance.now();
  do await render();
  while (performance.now() - w0 < warmMs);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let docs = 0;
  while (performance.now() - t0 < durationMs) {
    await render();
    docs++;
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  console.log(JSON.stringify({ docsPerS: (docs * 1000) / ms, cores: (cpu.user + cpu.system) / 1000 / ms } satisfies OneCoreRun));
}

if (process.argv[2] === '--child') {
  const [file, warmMs, durationMs] = process.argv.slice(3);
  await child(file!, Number(warmMs), Number(durationMs));
}
