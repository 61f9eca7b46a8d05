/**
 * Runs the independent PDF/UA checker (test/pdfua/check_pdfua.py, Debian's Python with pikepdf and pdfminer) over
 * PDFs in one Python process, and sums its results into a table. Shared by test/pdfua and test/e2e/pdfua.test.ts.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const PYTHON = '/usr/bin/python3';
export const CHECKER = fileURLToPath(new URL('./check_pdfua.py', import.meta.url));
export const MAKE_CONFORMING = fileURLToPath(new URL('./make_conforming_pdf.py', import.meta.url));

/** The checks, in the order of issue 14 point 1. */
export const CHECKS = [
  'metadata',
  'untagged-content',
  'list-bodies',
  'role-map',
  'links',
  'passage-language',
  'logical-order',
  'glyphless-tagged',
  'unicode',
] as const;
export type CheckName = (typeof CHECKS)[number];

export interface Failure {
  page?: number | null;
  type?: string | null;
  text?: string;
  problem: string;
}

export interface CheckResult {
  clause: string;
  pass: boolean;
  count: number;
  failed: number;
  failures: Failure[];
  [extra: string]: unknown;
}

export interface PdfReport {
  pdf: string;
  html: string | null;
  checks: Record<CheckName, CheckResult>;
  error?: string;
}

export interface CheckInput {
  pdf: string;
  /** The same document's HTML rendition (the language and order checks compare with it). */
  html?: string;
}

const run = promisify(execFile);

/** Checks the PDFs in one Python process (which spreads them over the CPUs); one report per input, in order. */
export async function checkPdfua(inputs: readonly CheckInput[]): Promise<PdfReport[]> {
  const args = inputs.flatMap((i) => (i.html ? [i.pdf, '--html', i.html] : [i.pdf]));
  const { stdout } = await run(PYTHON, [CHECKER, ...args], { maxBuffer: 256 << 20 });
  const reports = stdout
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as PdfReport);
  if (reports.length !== inputs.length) throw new Error(`the checker reported on ${reports.length} of ${inputs.length} PDFs`);
  return reports;
}

export interface CheckTotal {
  check: CheckName;
  clause: string;
  pdfsPassed: number;
  pdfs: number;
  items: number;
  itemsFailed: number;
  /** The check's own counts summed (e.g. artifacts and tagged operations, glyphs excused by ActualText). */
  details: Record<string, number>;
}

/** Per check: PDFs that pass, items checked and failed over all the reports. */
export function totals(reports: readonly PdfReport[]): CheckTotal[] {
  return CHECKS.map((check) => {
    const results = reports.map((r) => r.checks?.[check]).filter((c): c is CheckResult => c !== undefined);
    return {
      check,
      clause: results[0]?.clause ?? '',
      pdfsPassed: results.filter((c) => c.pass).length,
      pdfs: reports.length,
      items: results.reduce((n, c) => n + c.count, 0),
      itemsFailed: results.reduce((n, c) => n + c.failed, 0),
      details: sumDetails(results),
    };
  });
}

const OWN_FIELDS = new Set(['clause', 'pass', 'count', 'failed', 'failures']);

function sumDetails(results: readonly CheckResult[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of results) {
    for (const [key, value] of Object.entries(c)) if (!OWN_FIELDS.has(key) && typeof value === 'number') out[key] = (out[key] ?? 0) + value;
  }
  return out;
}

/** The totals as a plain-text table. */
export function totalsTable(reports: readonly PdfReport[]): string {
  const rows = [['check', 'ISO 14289-1', 'PDFs passing', 'items checked', 'items failing', 'of which']];
  for (const t of totals(reports)) {
    const details = Object.entries(t.details).map(([key, n]) => `${key} ${n}`).join(', ');
    rows.push([t.check, t.clause, `${t.pdfsPassed}/${t.pdfs}`, String(t.items), String(t.itemsFailed), details]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i >= 2 && i <= 4 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}

/** Every failing check of every PDF, with its first failures, for an assertion message. */
export function describeFailures(reports: readonly PdfReport[], perCheck = 2): string[] {
  const out: string[] = [];
  for (const r of reports) {
    const name = r.pdf.split('/').pop();
    if (r.error) out.push(`${name}: ${r.error}`);
    for (const check of CHECKS) {
      const c = r.checks?.[check];
      if (!c || c.pass) continue;
      const first = c.failures
        .slice(0, perCheck)
        .map((f) => [f.page != null ? `p${f.page}` : '', f.type ?? '', f.text ? `"${f.text}"` : '', f.problem].filter(Boolean).join(' '))
        .join('; ');
      out.push(`${name} ${check}: ${c.failed}/${c.count} fail (${first})`);
    }
  }
  return out;
}
