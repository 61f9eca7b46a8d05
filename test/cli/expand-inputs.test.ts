import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/cli/expand-inputs.js';

describe('expandInputs', () => {
  it('keeps an absolute glob absolute (a batch manifest id must not depend on the working folder)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iep-glob-'));
    try {
      writeFileSync(join(dir, 'a.iep.yaml'), 'x');
      writeFileSync(join(dir, 'b.iep.yaml'), 'x');
      expect(await expandInputs([join(dir, '*.iep.yaml')])).toEqual([join(dir, 'a.iep.yaml'), join(dir, 'b.iep.yaml')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('expands a relative glob relative to the working folder and refuses one that matches nothing', async () => {
    expect(await expandInputs(['examples/*.iep.yaml'])).toEqual(['examples/amira-saleh.iep.yaml', 'examples/mateo-almonte.iep.yaml', 'examples/maya-thompson.iep.yaml', 'examples/rayhan-chowdhury.iep.yaml']);
    await expect(expandInputs(['nothing-here/*.yaml'])).rejects.toThrow('no files match nothing-here/*.yaml');
  });
});
