/**
 * Memory of the benchmark's processes: this Node process (RSS) and a browser (every process of its process group;
 * PSS where the kernel reports it, so pages shared between Chromium's processes are counted once).
 */
import { memoryBytes, processGroupMembers } from '../../src/render/pdf/processes.js';
import { mean } from './stats.js';

export interface MemorySample {
  /** Documents finished when the sample was taken. */
  doc: number;
  nodeRss: number;
  browser: number;
  total: number;
}

export function sampleMemory(doc: number, browserPid: number | undefined): MemorySample {
  const nodeRss = process.memoryUsage.rss();
  const browser = browserPid === undefined ? 0 : (memoryBytes(processGroupMembers(browserPid)) ?? 0);
  return { doc, nodeRss, browser, total: nodeRss + browser };
}

export interface MemoryGrowth {
  /** Mean total of the samples in the window starting at document N/10. */
  atTenthBytes: number;
  /** Mean total of the samples in the last tenth of the run. */
  atEndBytes: number;
  growthPct: number;
  nodeGrowthPct: number;
  browserGrowthPct: number;
  peakTotalBytes: number;
  peakNodeBytes: number;
  peakBrowserBytes: number;
}

/**
 * Growth from document N/10 to the end. Single samples jump with garbage collection and page recycling, so each
 * end is the mean of the samples in a window: documents N/10 to N/10 + N/20, and the last N/10 (with sparse
 * samples: the first one at or after document N/10, and the last one).
 */
export function memoryGrowth(samples: readonly MemorySample[], documents: number): MemoryGrowth {
  const tenth = documents / 10;
  let start = samples.filter((s) => s.doc >= tenth && s.doc <= tenth + documents / 20);
  if (start.length === 0) start = samples.filter((s) => s.doc >= tenth).slice(0, 1);
  if (start.length === 0) start = samples.slice(0, 1);
  let end = samples.filter((s) => s.doc > documents - tenth && !start.includes(s));
  if (end.length === 0) end = samples.slice(-1);
  type Key = keyof Omit<MemorySample, 'doc'>;
  const at = (list: readonly MemorySample[], key: Key) => mean(list.map((s) => s[key]));
  const growth = (key: Key) => {
    const a = at(start, key);
    return a > 0 ? ((at(end, key) - a) / a) * 100 : NaN;
  };
  return {
    atTenthBytes: at(start, 'total'),
    atEndBytes: at(end, 'total'),
    growthPct: growth('total'),
    nodeGrowthPct: growth('nodeRss'),
    browserGrowthPct: growth('browser'),
    peakTotalBytes: Math.max(0, ...samples.map((s) => s.total)),
    peakNodeBytes: Math.max(0, ...samples.map((s) => s.nodeRss)),
    peakBrowserBytes: Math.max(0, ...samples.map((s) => s.browser)),
  };
}
