/**
 * The CLI's exit codes come from the diagnostics catalog (src/model/diagnostic-catalog.ts): each command exits with
 * the exit of its most serious error's catalog entry, and `iep --help` lists the catalog's exit codes. Run in
 * process (src/cli/main.ts) so a test can change a catalog entry and see every command follow it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { CATALOG, EXIT, EXIT_MEANINGS, type ExitCodeName } from '../../src/model/diagnostic-catalog.js';

const MISSING = 'test/fixtures/no-such-file.iep.yaml';
const MALFORMED = 'test/fixtures/malformed/yaml-syntax-error.iep.yaml';

async function iep(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => void out.push(s), err: (s) => void err.push(s), color: false, isTty: false });
  return { code, out: out.join(''), err: err.join('') };
}

describe('exit codes from the catalog', () => {
  const unreadable = CATALOG['file-unreadable'] as { exit: ExitCodeName };
  const saved = unreadable.exit;
  afterEach(() => {
    unreadable.exit = saved;
  });

  it("iep validate exits with the catalog's exit for a missing file (2) and for a malformed one (1)", async () => {
    const missing = await iep('validate', MISSING);
    expect(missing.err).toContain('file-unreadable');
    expect(missing.code).toBe(EXIT[CATALOG['file-unreadable'].exit]);
    expect(missing.code).toBe(2);

    const malformed = await iep('validate', MALFORMED);
    expect(malformed.err).toContain('syntax-error');
    expect(malformed.code).toBe(EXIT[CATALOG['syntax-error'].exit]);
    expect(malformed.code).toBe(1);
  });

  it('validate, check, lint, i18n and diff follow the catalog entry, not a comparison of code strings', async () => {
    // Were the commands still to test `code === 'file-unreadable'`, they would exit 2 here.
    unreadable.exit = 'renderFailed';
    expect((await iep('validate', MISSING)).code).toBe(EXIT.renderFailed);
    expect((await iep('check', MISSING)).code).toBe(EXIT.renderFailed);
    expect((await iep('lint', MISSING)).code).toBe(EXIT.renderFailed);
    expect((await iep('readability', MISSING)).code).toBe(EXIT.renderFailed);
    expect((await iep('i18n', MISSING, '--lang', 'es')).code).toBe(EXIT.renderFailed);
    expect((await iep('diff', MISSING, MISSING)).code).toBe(EXIT.renderFailed);
  });

  it('iep --help lists every exit code of the catalog with its meaning', async () => {
    const help = await iep('--help');
    expect(help.code).toBe(EXIT.ok);
    for (const name of Object.keys(EXIT) as ExitCodeName[]) expect(help.out).toContain(`\n  ${EXIT[name]}  ${EXIT_MEANINGS[name]}\n`);
  });
});
