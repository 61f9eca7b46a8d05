/**
 * Pandoc as the yardstick for DOCX: the same composed Markdown through `pandoc -f markdown -t docx`, one process per
 * document, as a district script would run it. Pandoc comes from Debian (`npm run bench` installs it when it runs as
 * root on Debian, through scripts/ensure-system-deps.mjs); without it the comparison is skipped and the bench says so.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface PandocRun {
  version: string;
  latencies: number[];
  wallMs: number;
  /** Size of the DOCX pandoc wrote, for the record. */
  bytes: number;
}

/** The pandoc on the PATH and its version, or why there is none. */
export function findPandoc(): { found: true; version: string } | { found: false; reason: string } {
  const r = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return { found: false, reason: 'pandoc is not installed (Debian: apt-get install -y pandoc)' };
  return { found: true, version: r.stdout.split('\n')[0]!.trim() };
}

/** Converts `markdown` to DOCX with one pandoc process per document, sequentially, for at least `minMs` and `minDocs`. */
export function runPandoc(markdown: string, work: string, minMs: number, minDocs: number): PandocRun {
  const found = findPandoc();
  if (!found.found) throw new Error(found.reason);
  const dir = mkdtempSync(path.join(work, 'pandoc-'));
  try {
    const input = path.join(dir, 'in.md');
    const output = path.join(dir, 'out.docx');
    writeFileSync(input, markdown);
    const once = () => {
      const r = spawnSync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', output, input], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`pandoc exited ${r.status}: ${r.stderr.slice(0, 300)}`);
    };
    once(); // warm-up: the binary and its data files into the page cache
    const latencies: number[] = [];
    const t0 = performance.now();
    while (performance.now() - t0 < minMs || latencies.length < minDocs) {
      const d0 = performance.now();
      once();
      latencies.push(performance.now() - d0);
    }
    return { version: found.version, latencies, wallMs: performance.now() - t0, bytes: statSync(output).size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
