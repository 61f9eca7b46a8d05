import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG, EXIT, exitCodeFor, GROUPS, isCatalogCode, type CatalogCode, type Severity } from '../../src/model/diagnostic-catalog.js';
import type { Diagnostic, RuleCode } from '../../src/model/diagnostic.js';
import { errorsMarkdown } from '../../src/model/errors-doc.js';
import { RULES } from '../../src/rules/registry.js';

const root = new URL('../../', import.meta.url).pathname;
const ruleCodes = RULES.map((r) => r.code);

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
  it('every code the source can emit is in the catalog or is the code of a registered compliance rule', () => {
    const unknown = [...emittedCodes()].filter((code) => !isCatalogCode(code) && !ruleCodes.includes(code));
    expect(emittedCodes().size).toBeGreaterThan(40);
    expect(unknown).toEqual([]);
  });

  it('every code the code can emit is documented in docs/errors.md, docs/rules.md or docs/lint.md', () => {
    const docs = ['errors.md', 'rules.md', 'lint.md'].map((f) => readFileSync(join(root, 'docs', f), 'utf8')).join('\n');
    const undocumented = [...emittedCodes()].filter((code) => !docs.includes(`\`${code}\``));
    expect(undocumented).toEqual([]);
  });

  it('no compliance rule uses a catalog code, and every rule code is documented in docs/rules.md', () => {
    // exitCodeFor and the docs tell the two apart by looking a code up in the catalog.
    expect(ruleCodes.filter(isCatalogCode)).toEqual([]);
    const rulesDoc = readFileSync(join(root, 'docs', 'rules.md'), 'utf8');
    expect(ruleCodes.filter((code) => !rulesDoc.includes(`### ${code}\n`))).toEqual([]);
    expect(new Set(ruleCodes).size).toBe(ruleCodes.length);
  });

  it('a misspelled code is not a catalog code, and does not compile as a Diagnostic code', () => {
    // @ts-expect-error: 'file-unreadble' is not a catalog code (and a bare string is not a RuleCode).
    const misspelled: Diagnostic = { code: 'file-unreadble', severity: 'error', message: 'm' };
    expect(isCatalogCode(misspelled.code)).toBe(false);
    expect(isCatalogCode('file-unreadable')).toBe(true);
    // Keys of Object.prototype are not codes.
    expect(isCatalogCode('constructor')).toBe(false);
  });
});

describe('the catalog', () => {
  it('gives every code a kebab-case name, a known group, a title, a meaning and a hint', () => {
    for (const [code, entry] of Object.entries(CATALOG)) {
      expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(Object.keys(GROUPS)).toContain(entry.group);
      expect(entry.title.trim().length, code).toBeGreaterThan(0);
      expect(entry.meaning.trim().length, code).toBeGreaterThan(0);
      expect(entry.hint.trim().length, code).toBeGreaterThan(0);
      expect(Object.keys(EXIT)).toContain(entry.exit);
    }
  });

  it('writes the file-unreadable message from the reason the system gives', () => {
    const message = CATALOG['file-unreadable'].message;
    expect(message({ path: 'a.yaml', errno: 'ENOENT' })).toBe('cannot read a.yaml: there is no such file');
    expect(message({ path: 'a', errno: 'EISDIR' })).toBe('cannot read a: it is a folder, not a file');
    expect(message({ path: 'a.yaml', errno: 'EMFILE' })).toBe('cannot read a.yaml: it could not be read (EMFILE)');
    expect(message({ path: 'a.yaml' })).toBe('cannot read a.yaml: it could not be read (unknown error)');
  });

  it('docs/errors.md lists each code in its group with its exit code, links the rules and lint pages, and has the exit-code table', () => {
    const doc = errorsMarkdown();
    for (const [code, entry] of Object.entries(CATALOG)) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${code}\` |`));
      expect(row, code).toBeDefined();
      expect(row!.endsWith(`| ${entry.severity === 'error' ? EXIT[entry.exit] : 0} |`), row).toBe(true);
      const section = doc.lastIndexOf('\n## ', doc.indexOf(row!));
      expect(doc.slice(section + 4, doc.indexOf('\n', section + 1))).toBe(GROUPS[entry.group].title);
    }
    expect(doc).toContain('[rules.md](rules.md)');
    expect(doc).toContain('[lint.md](lint.md)');
    expect(doc).toContain('| 2 | usage error (unknown option, missing file) |');
    expect(doc).toContain('| 4 | internal error in iepkit');
  });
});

describe('exitCodeFor', () => {
  const diag = (code: CatalogCode | RuleCode, severity: Severity = 'error'): Diagnostic => ({ code, severity, message: 'm' });
  const rule = (code: string) => code as RuleCode;

  it('is 0 without errors, whatever the codes of warnings and notes', () => {
    expect(exitCodeFor([])).toBe(0);
    expect(exitCodeFor([diag('render-failed', 'warning'), diag('internal-error', 'info'), diag('deficit-wording', 'warning')])).toBe(0);
  });

  it("is the catalog entry's exit code for one error", () => {
    expect(exitCodeFor([diag('syntax-error')])).toBe(EXIT.invalid);
    expect(exitCodeFor([diag('file-unreadable')])).toBe(EXIT.usage);
    expect(exitCodeFor([diag('browser-not-found')])).toBe(EXIT.environment);
    expect(exitCodeFor([diag('output-unwritable')])).toBe(EXIT.environment);
    expect(exitCodeFor([diag('render-failed')])).toBe(EXIT.renderFailed);
    expect(exitCodeFor([diag('internal-error')])).toBe(EXIT.internal);
    // lint --strict raises a finding to an error: invalid input.
    expect(exitCodeFor([diag('deficit-wording', 'error')])).toBe(EXIT.invalid);
  });

  it('counts an error from a compliance rule (not in the catalog) as invalid input', () => {
    expect(exitCodeFor([diag(rule('goal-not-measurable'))])).toBe(EXIT.invalid);
  });

  it('ranks internal above render failure above usage above invalid, in any order', () => {
    expect(exitCodeFor([diag('syntax-error'), diag('file-unreadable'), diag(rule('goal-not-measurable'))])).toBe(EXIT.usage);
    expect(exitCodeFor([diag('render-failed'), diag('file-unreadable'), diag('missing-glyph')])).toBe(EXIT.renderFailed);
    expect(exitCodeFor([diag('internal-error'), diag('render-failed'), diag('file-unreadable')])).toBe(EXIT.internal);
    expect(exitCodeFor([diag('file-unreadable'), diag('internal-error', 'warning'), diag('syntax-error')])).toBe(EXIT.usage);
  });
});
