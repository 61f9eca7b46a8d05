import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Codes written as `code: 'x'`, passed to a `problem('x', ...)` helper, or chosen with `? 'x' : 'y'` for a code. */
function emittedCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of sourceFiles('src')) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const m of text.matchAll(/code:\s*'([a-z0-9-]+)'/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/problem\(\s*'([a-z0-9-]+)'/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/code:[^,\n]*\?\s*'([a-z0-9-]+)'\s*:\s*'([a-z0-9-]+)'/g)) codes.add(m[1]!).add(m[2]!);
  }
  return codes;
}

describe('diagnostic codes', () => {
  it('every code the code can emit is documented in docs/errors.md, docs/rules.md or docs/lint.md', () => {
    const docs = ['errors.md', 'rules.md', 'lint.md'].map((f) => readFileSync(join(root, 'docs', f), 'utf8')).join('\n');
    const undocumented = [...emittedCodes()].filter((code) => !docs.includes(`\`${code}\``));
    expect(emittedCodes().size).toBeGreaterThan(40);
    expect(undocumented).toEqual([]);
  });
});
