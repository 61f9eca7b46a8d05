/**
 * fontkit is loaded the first time a font file is opened, so a cold render of a document in plain ASCII English
 * (whose characters the glyph check answers from the font registry alone) does not load it. Checked in a fresh
 * Node process on the compiled code (test/global-setup.ts builds dist/), where the module cache shows what loaded.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

beforeAll(() => {
  expect(inject('buildError')).toBe('');
});

/** Runs the glyph check on `text` in a new process; answers its diagnostics and whether fontkit was loaded. */
function glyphCheckAlone(text: string): { diagnostics: unknown[]; fontkitLoaded: boolean } {
  const script = `
    import { createRequire } from 'node:module';
    import { checkGlyphCoverage } from './dist/render/fonts/check-glyph-coverage.js';
    const diagnostics = checkGlyphCoverage([{ text: ${JSON.stringify(text)}, path: 'student.firstName' }]);
    // fontkit's CommonJS build, or what either of its builds loads as it starts (unicode-trie decodes its tables).
    const fontkitLoaded = Object.keys(createRequire(import.meta.url).cache).some((file) => /\\/(fontkit|unicode-trie)\\//.test(file));
    console.log(JSON.stringify({ diagnostics, fontkitLoaded }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })) as { diagnostics: unknown[]; fontkitLoaded: boolean };
}

describe('fontkit is loaded on demand', () => {
  it('is not loaded to check plain ASCII text', () => {
    expect(glyphCheckAlone('Maya Thompson reads at grade level.')).toEqual({ diagnostics: [], fontkitLoaded: false });
  });

  it('is loaded when a character needs a font file read, and the check still answers', () => {
    expect(glyphCheckAlone('Maya\u2019s goals \u2014 reading')).toEqual({ diagnostics: [], fontkitLoaded: true });
  });
});
