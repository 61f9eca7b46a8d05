/**
 * Issue 13 part 7, "diagnostics people can act on": two JSON documents run together gave 3,625 errors (744 KB of
 * output) and 5,000 unknown keys gave 5,000 errors. After the first syntax error, and after 20 diagnostics of one
 * kind, the rest are summarised in one located line that says how many it stands for; the totals stay true.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../src/cli/main.js';
import { summariseDiagnostics } from '../../src/model/summarise-diagnostics.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';

const tmp = mkdtempSync(join(tmpdir(), 'iepkit-long-lists-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const example = parse(readFileSync('examples/maya-thompson.iep.yaml', 'utf8')) as Record<string, unknown>;

async function iep(...args: string[]): Promise<{ code: number; output: string }> {
  let output = '';
  const io = { out: (t: string) => void (output += t), err: (t: string) => void (output += t), color: false, isTty: false };
  const code = await main(args, io);
  return { code, output };
}

describe('long lists of diagnostics are summarised', () => {
  it('two JSON documents run together: the first syntax error, then one line for the rest', async () => {
    const file = join(tmp, 'two.json');
    const one = JSON.stringify(example, null, 2);
    writeFileSync(file, one + one);
    const { code, output } = await iep('validate', file);
    expect(code).toBe(1);
    expect(output.length).toBeLessThan(2000);
    expect(output.match(/syntax-error/g)).toHaveLength(2);
    expect(output).toMatch(/\d+ syntax errors after the first, which most likely follow from it, are not shown \(lines \d+ to \d+\)/);
    // The first error is where the second document starts.
    expect(output).toContain(`${one.split('\n').length}:2 `);
  });

  it('5,000 unknown keys: 20 shown, one line for 4,980 more, and the total still says 5,000', async () => {
    const file = join(tmp, 'unknown.json');
    const data: Record<string, unknown> = { ...example };
    for (let i = 0; i < 5000; i++) data[`unknown${i}`] = i;
    writeFileSync(file, JSON.stringify(data, null, 2));
    const { code, output } = await iep('validate', file);
    expect(code).toBe(1);
    expect(output.match(/  unknown-field\n/g)).toHaveLength(21);
    expect(output).toMatch(/4980 more unknown-field errors like the ones above are not shown \(lines \d+ to \d+\)/);
    expect(output).toContain('5000 errors, 0 warnings');
    const json = JSON.parse((await iep('validate', file, '--json')).output) as { files: { diagnostics: Diagnostic[] }[] } | { diagnostics: Diagnostic[] }[];
    const diagnostics = Array.isArray(json) ? json.flatMap((f) => f.diagnostics) : json.files.flatMap((f) => f.diagnostics);
    expect(diagnostics).toHaveLength(21);
    expect(diagnostics.at(-1)).toMatchObject({ code: 'unknown-field', more: 4980, line: expect.any(Number), column: 3 });
  });
});

describe('summariseDiagnostics', () => {
  const d = (code: string, line: number, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({ code: code as Diagnostic['code'], severity, message: `${code} at ${line}`, file: 'a.yaml', line, column: 1 });

  it('leaves short lists alone', () => {
    const list = [d('syntax-error', 1), d('unknown-field', 2), d('unknown-field', 3)];
    expect(summariseDiagnostics(list)).toEqual(list);
  });

  it('groups by code and severity, keeping the first of each group in place', () => {
    const list = [...Array.from({ length: 5 }, (_, i) => d('unknown-field', i + 1)), d('deficit-wording', 10, 'warning'), d('deficit-wording', 11, 'warning'), d('deficit-wording', 12, 'warning')];
    const out = summariseDiagnostics(list, 2);
    expect(out.map((x) => [x.code, x.line, x.more])).toEqual([
      ['unknown-field', 1, undefined],
      ['unknown-field', 2, undefined],
      ['deficit-wording', 10, undefined],
      ['deficit-wording', 11, undefined],
      ['unknown-field', 3, 3],
      ['deficit-wording', 12, 1],
    ]);
  });
});
