/**
 * `iep render --layout bilingual` on the command line (the real CLI, built by test/global-setup.ts; DOCX only, no
 * browser): English alone is a usage error saying what to give; `--lang family` means each parent's language, as
 * elsewhere, and says so when that is English; the file is named <id>-bilingual-<lang>.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { runIep } from '../helpers/run-iep.js';

beforeAll(() => {
  expect(inject('buildError')).toBe('');
});

let out: string;
afterEach(() => rmSync(out, { recursive: true, force: true }));
const fresh = () => (out = mkdtempSync(path.join(tmpdir(), 'iepkit-bilingual-cli-')));

describe('iep render --layout bilingual', () => {
  it('refuses English alone (the default language too) with a usage error that says what to give, and writes nothing', async () => {
    fresh();
    for (const args of [['--lang', 'en'], []]) {
      const run = await runIep(['render', 'examples/amira-saleh.iep.yaml', '--layout', 'bilingual', ...args, '--format', 'docx', '--out', out]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('the bilingual layout prints English beside another language');
      expect(run.stderr).toContain('--lang ar');
      expect(run.stderr).not.toMatch(/^\s+at \S/m);
    }
    expect(readdirSync(out)).toEqual([]);
  });

  it("takes --lang family as each parent's language: Arabic for Amira, and a warning (no file) for Maya's English-speaking parents", async () => {
    fresh();
    const run = await runIep(['render', 'examples/amira-saleh.iep.yaml', 'examples/maya-thompson.iep.yaml', '--layout', 'bilingual', '--lang', 'family', '--format', 'docx', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(['226104983-bilingual-ar-v1.docx']);
    expect(run.stderr).toMatch(/maya-thompson\.iep\.yaml\n.*warning +no bilingual copy: no parent's preferred language is one iepkit writes other than English +bilingual-english-family/);
  });
});
