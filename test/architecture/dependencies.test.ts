/**
 * The stages import one way and no files import each other in a circle (.dependency-cruiser.cjs): checked on
 * src/ with dependency-cruiser, and on a small made-up tree to show the same check catches what it should.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const config = join(root, '.dependency-cruiser.cjs');
const depcruise = join(root, 'node_modules', '.bin', 'depcruise');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: { name: string }[];
}

function violations(cwd: string): Violation[] {
  let stdout: string;
  try {
    stdout = execFileSync(depcruise, ['src', '--config', config, '--output-type', 'json'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    // depcruise exits non-zero when it finds violations; its JSON is still on stdout.
    stdout = (error as { stdout?: string }).stdout ?? '';
    if (!stdout) throw error;
  }
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

const describeViolation = (v: Violation) => `${v.rule.name}: ${v.from} -> ${v.to}${v.cycle ? ` (cycle: ${v.cycle.map((c) => c.name).join(' -> ')})` : ''}`;

describe('imports between stages', () => {
  it('go one way, with no import cycle, in src/', () => {
    expect(violations(root).map(describeViolation)).toEqual([]);
  });

  describe('the check itself', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iepkit-depcruise-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }));
    write('package.json', JSON.stringify({ type: 'module' }));
    // A backward import (model importing render), a cycle between two handler files, compose used by readability.
    write('src/model/iep.ts', "import { renderThing } from '../render/thing.js';\nexport const x = renderThing;\n");
    write('src/render/thing.ts', 'export const renderThing = 1;\n');
    write('src/render/docx/a.ts', "import { b } from './b.js';\nexport const a = () => b;\n");
    write('src/render/docx/b.ts', "import { a } from './a.js';\nexport const b = () => a;\n");
    write('src/compose/compose-document.ts', 'export interface Composed { n: number }\nexport const composeDocument = () => 1;\n');
    write('src/readability/types-only.ts', "import type { Composed } from '../compose/compose-document.js';\nexport const n = (c: Composed) => c.n;\n");
    write('src/readability/composes.ts', "import { composeDocument } from '../compose/compose-document.js';\nexport const m = composeDocument();\n");
    write('src/batch/run.ts', "import { renderThing } from '../render/thing.js';\nexport const r = renderThing;\n");
    write('src/cli/main.ts', "import { renderThing } from '../render/thing.js';\nexport const c = renderThing;\n");

    const found = violations(dir).map(describeViolation);

    it('fails a stage that imports a stage above it', () => {
      expect(found).toContain('stage-model: src/model/iep.ts -> src/render/thing.ts');
      expect(found).toContain('stage-batch: src/batch/run.ts -> src/render/thing.ts');
    });

    it('fails files that import each other in a circle', () => {
      expect(found.some((v) => v.startsWith('no-circular: src/render/docx/a.ts -> src/render/docx/b.ts'))).toBe(true);
    });

    it("lets readability use compose's types but not compose itself", () => {
      expect(found).toContain('readability-compose-types-only: src/readability/composes.ts -> src/compose/compose-document.ts');
      expect(found.filter((v) => v.includes('types-only.ts'))).toEqual([]);
    });

    it('lets the command line import any stage', () => {
      expect(found.filter((v) => v.includes('src/cli/'))).toEqual([]);
    });
  });
});
