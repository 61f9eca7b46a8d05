/**
 * The IEP schema and the layout front matter schema are checked by ajv's standalone code, written by `npm run
 * generate` (scripts/schema-validator-code.ts; the generated-files test keeps it in step with the schemas), so no run
 * compiles a schema when it starts: compiling the IEP schema took about half a second of every cold `iep` command.
 * Here ajv's compiler counts the instances made of it: validating records and layouts never makes one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { validateIep } from '../../src/validate/validate-iep.js';
import { readLayoutConfig } from '../../src/load/read-layout-config.js';
import { minimalData } from '../load/minimal-text.js';

const ajvInstances = vi.hoisted(() => ({ count: 0 }));
vi.mock('ajv', async (importOriginal) => {
  const ajv = await importOriginal<typeof import('ajv')>();
  class CountingAjv extends ajv.Ajv {
    constructor(...args: ConstructorParameters<typeof ajv.Ajv>) {
      super(...args);
      ajvInstances.count++;
    }
  }
  return { ...ajv, Ajv: CountingAjv, default: CountingAjv };
});

const studentLayout = new URL('../../templates/common/student/layout.md', import.meta.url);

describe('the schema validators are compiled ahead of time', () => {
  it('counts an Ajv made here (the check below would notice one)', async () => {
    const { Ajv } = await import('ajv');
    const before = ajvInstances.count;
    new Ajv();
    expect(ajvInstances.count).toBe(before + 1);
    ajvInstances.count = before;
  });

  it('validates records, valid and not, and layouts, valid and not, without compiling a schema', () => {
    expect(validateIep(minimalData()).diagnostics).toEqual([]);
    const wrong = minimalData();
    (wrong.student as Record<string, unknown>).firstName = 42;
    expect(validateIep(wrong).diagnostics.map((d) => [d.code, d.path])).toEqual([['wrong-type', 'student.firstName']]);

    const layout = readFileSync(studentLayout, 'utf8');
    expect(readLayoutConfig(layout, 'layout.md').diagnostics).toEqual([]);
    const misspelt = readLayoutConfig(layout.replace(/^id:/m, 'idd:'), 'layout.md');
    expect(misspelt.diagnostics.map((d) => d.message)).toContain('idd is not a key of the front matter');

    expect(ajvInstances.count).toBe(0);
  });
});

/**
 * The build (scripts/build-validator.mjs, run by the global setup as by `npm run build`) writes a V8 code cache for
 * the IEP validator next to dist's copy: V8 must accept it for this Node, and the validator it gives must answer as
 * the one compiled from source does.
 */
describe('the IEP validator code cache', () => {
  const cacheFile = new URL('../../dist/validate/validate-iep-schema.generated.v8-cache', import.meta.url);

  it('is written by the build, accepted by V8, and validates as the validator compiled from source', async () => {
    const { compileIepValidator } = await import('../../src/validate/iep-schema-validator.js');
    const cached = compileIepValidator(readFileSync(cacheFile));
    expect(cached.script.cachedDataRejected).toBe(false);
    const plain = compileIepValidator();
    const wrong = minimalData();
    (wrong.student as Record<string, unknown>).firstName = 42;
    for (const data of [minimalData(), wrong]) {
      expect(cached.validate(data)).toBe(plain.validate(data));
      expect(cached.validate.errors).toEqual(plain.validate.errors);
    }
    expect(cached.validate(wrong)).toBe(false);
  });
});
